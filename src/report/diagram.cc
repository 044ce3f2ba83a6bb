#include "report/diagram.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "report/diagram_style.h"
#include "report/render.h"

namespace icsrisk::report {
namespace {

using dot::attr;
using dot::Attrs;
using model::Lang;
using namespace style;

/// Assets hanging on one bus are drawn in rows of at most this many, so a busy network grows
/// downwards rather than sideways.
constexpr std::size_t kRowLength = 5;

/// The zone an asset is drawn in: its explicit zone, else the zone of its first network.
std::size_t drawing_zone(const model::Model& m, const model::Asset& a) {
  if (a.zone_index != model::kNone) return a.zone_index;
  for (const model::Connection& c : a.connects) {
    if (c.network_index == model::kNone) continue;
    std::size_t z = m.networks[c.network_index].zone_index;
    if (z != model::kNone) return z;
  }
  return model::kNone;
}

/// Indices [0, count) grouped by their zone (`zone_of(i)`, kNone for none), ascending within a
/// zone: the views emit each zone's nodes from its group rather than scanning every element
/// once per zone (quadratic on a model of thousands of zones).
class ZoneGroups {
 public:
  /// What `zone_of` returns for an element that is not drawn at all.
  static constexpr std::size_t kNotDrawn = model::kNone - 1;

  template <typename ZoneOf>
  ZoneGroups(const model::Model& m, std::size_t count, ZoneOf zone_of)
      : groups_(m.zones.size() + 1) {
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t z = zone_of(i);
      if (z == kNotDrawn) continue;
      groups_[z == model::kNone ? m.zones.size() : z].push_back(i);
    }
  }
  const std::vector<std::size_t>& operator[](std::size_t zone) const {
    return groups_[zone == model::kNone ? groups_.size() - 1 : zone];
  }

 private:
  std::vector<std::vector<std::size_t>> groups_;
};

/// Writes one cluster per zone in zone_order() for which `zone_on(zone)` holds, calling
/// `emit(zone)` inside each for its nodes, then `emit(model::kNone)` for the nodes outside
/// every zone.
template <typename ZoneOn, typename Emit>
void by_zone(dot::Writer& w, const model::Model& m, Lang lang, ZoneOn zone_on, Emit emit) {
  for (std::size_t z : zone_order(m)) {
    if (!zone_on(z)) continue;
    const model::Zone& zone = m.zones[z];
    w.open_subgraph(
        fmt::format("cluster_z:{}", zone.id),
        {dot::text("label", zone_label(zone, lang)), attr("style", "rounded,filled"),
         attr("fillcolor", "#f5f7fa"), attr("color", "#90a4ae"), dot::text("tooltip", zone.id)});
    emit(z);
    w.close_subgraph();
  }
  emit(model::kNone);
}

}  // namespace

std::vector<std::size_t> zone_order(const model::Model& m) {
  std::vector<std::size_t> order(m.zones.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const model::Zone& a = m.zones[x];
    const model::Zone& b = m.zones[y];
    if (a.has_purdue_level != b.has_purdue_level) return a.has_purdue_level;
    return a.has_purdue_level && a.purdue_level > b.purdue_level;
  });
  return order;
}

bool parse_view(std::string_view s, View& out) {
  if (s == "system") {
    out = View::kSystem;
  } else if (s == "dataflow") {
    out = View::kDataflow;
  } else {
    return false;
  }
  return true;
}

std::string asset_node(const model::Asset& a) {
  return fmt::format("a:{}", a.id);
}
std::string network_node(const model::Network& n) {
  return fmt::format("n:{}", n.id);
}
std::string entry_node(const model::Entry& e) {
  return fmt::format("e:{}", e.id);
}

void graph_defaults(dot::Writer& w) {
  w.defaults("graph", {attr("charset", "UTF-8"), attr("fontname", kFont), attr("fontsize", "14")});
  w.defaults("node", {attr("fontname", kFont), attr("fontsize", "11"), attr("style", "filled"),
                      attr("margin", "0.08,0.04")});
  w.defaults("edge", {attr("fontname", kFont), attr("fontsize", "9"), attr("color", "#546e7a")});
}

namespace {

double network_level(const model::Model& m, std::size_t n) {
  std::size_t z = m.networks[n].zone_index;
  return z != model::kNone && m.zones[z].has_purdue_level ? m.zones[z].purdue_level : -1;
}

/// One asset–network link as laid out: `down` is true when the network is drawn above the
/// asset (the edge is written network -> asset); `minlen` is the number of ranks between them.
/// `data` is the direction data may take across it: 0 both ways, +1 network to asset, -1 asset
/// to network (one-way gateways).
struct Link {
  std::size_t asset = 0, network = 0;
  bool down = true;
  int minlen = 1;
  int data = 0;
};

/// The layout of the system view. Each zone is a band: its buses on top, the assets that hang
/// only on one bus below it in rows of kRowLength, then the assets that join this bus to lower
/// ones (firewalls, gateways, controllers), whose other buses come next. Buses are ordered by the
/// Purdue level of their zone, so the plant reads top (enterprise) to bottom (field).
struct Skeleton {
  std::vector<Link> links;
  std::vector<std::size_t> leaves;  ///< per network: assets hanging only on it
};

/// The layout links of the assets `shown` (every asset when null).
Skeleton skeleton(const model::Model& m, const model::Profile& p, const std::vector<bool>* shown) {
  Skeleton sk;
  sk.leaves.assign(m.networks.size(), 0);
  std::vector<std::vector<const model::Connection*>> conns(m.assets.size());
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    if (shown && !(*shown)[i]) continue;
    for (const model::Connection& c : m.assets[i].connects)
      if (c.network_index != model::kNone) conns[i].push_back(&c);
    std::stable_sort(conns[i].begin(), conns[i].end(), [&](const auto* x, const auto* y) {
      return network_level(m, x->network_index) > network_level(m, y->network_index);
    });
  }
  std::vector<std::size_t> seen(m.networks.size(), 0);
  for (std::size_t i = 0; i < m.assets.size(); ++i)
    if (conns[i].size() == 1) ++sk.leaves[conns[i][0]->network_index];
  auto rows = [&](std::size_t n) { return (sk.leaves[n] + kRowLength - 1) / kRowLength; };
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    const model::AssetType* t = type_of(m.assets[i], p);
    bool one_way = t && t->filtering == model::Filtering::kOneWay;
    for (std::size_t k = 0; k < conns[i].size(); ++k) {
      const model::Connection& c = *conns[i][k];
      Link l{i, c.network_index, k == 0, 1, 0};
      if (conns[i].size() == 1) {
        l.minlen = static_cast<int>(seen[c.network_index]++ / kRowLength) + 1;
      } else if (k == 0) {
        l.minlen = static_cast<int>(rows(c.network_index)) + 1;
      }
      if (one_way && c.role != model::Role::kNone) {
        bool from_network = c.role == model::Role::kUpstream;
        l.data = from_network ? 1 : -1;
      }
      sk.links.push_back(l);
    }
  }
  return sk;
}

double bus_width(const Skeleton& sk, std::size_t n) {
  // As wide as one row of its assets (about 1.5 in each), so the bus reads as a bus.
  std::size_t across = std::min<std::size_t>(std::max<std::size_t>(sk.leaves[n], 2), kRowLength);
  return 1.5 * static_cast<double>(across);
}

void link_edge(dot::Writer& w, const model::Model& m, const Link& l, Attrs at) {
  std::string a = asset_node(m.assets[l.asset]);
  std::string n = network_node(m.networks[l.network]);
  if (l.minlen > 1) at.push_back(attr("minlen", std::to_string(l.minlen)));
  if (l.down) {
    w.edge(n, a, at);
  } else {
    w.edge(a, n, at);
  }
}

Attrs link_style(const Link& l) {
  if (l.data == 0) return {attr("dir", "none")};
  // Data runs network -> asset for +1; the edge is written network -> asset when `down`.
  bool forward = (l.data > 0) == l.down;
  return {attr("dir", forward ? "forward" : "back"), attr("color", kFilterBorder),
          attr("penwidth", "2")};
}

std::size_t entry_zone(const model::Model& m, const model::Entry& e) {
  if (e.asset_index != model::kNone) return drawing_zone(m, m.assets[e.asset_index]);
  if (e.network_index != model::kNone) return m.networks[e.network_index].zone_index;
  return model::kNone;
}

/// The note under the data-flow view's title when its flows are drawn without labels.
struct FlowNoteWords {
  const char* unlabelled;  ///< {0}: the number of flows, {1}: the limit
};
constexpr FlowNoteWords kFlowNoteJa = {.unlabelled =
                                           "データフロー {0} 本（{1} 本超）のためラベルを省略: "
                                           "各線にカーソルを合わせるとデータとプロトコルを表示"};
constexpr FlowNoteWords kFlowNoteEn = {.unlabelled =
                                           "Flow labels left out ({0} flows, over {1}): "
                                           "hover over a line for its data and protocol"};

void write_title(dot::Writer& w, const model::Model& m, const char* view,
                 const std::string& note = {}) {
  std::string t = m.name.empty() ? std::string(view) : fmt::format("{} — {}", m.name, view);
  if (!note.empty()) t += "\n" + note;
  w.defaults("graph", {dot::text("label", t), attr("labelloc", "t"), attr("fontsize", "18")});
}

/// "ID: data / protocol", the tooltip of a flow drawn without its label node.
std::string flow_tooltip(const model::Flow& f) {
  std::string t = fmt::format("{}: {}", f.id, f.data);
  if (!f.protocol.empty()) t += fmt::format(" / {}", f.protocol);
  return t;
}

}  // namespace

void write_system(dot::Writer& w, const model::Model& m, const model::Profile& p,
                  const DiagramOptions& o) {
  if (o.title) write_title(w, m, style::words(o.lang).system_view.text);
  const std::vector<bool>* shown = o.shown_assets;
  Skeleton sk = skeleton(m, p, shown);
  auto shade = [&](Attrs at) { return o.muted ? muted(std::move(at)) : at; };
  // What is drawn: everything, or the shown assets with their networks (those of the
  // skeleton's links) and the entry points on either.
  std::vector<bool> net_on(m.networks.size(), shown == nullptr);
  for (const Link& l : sk.links)
    net_on[l.network] = true;
  if (shown && o.shown_networks)
    for (std::size_t n = 0; n < m.networks.size(); ++n)
      net_on[n] = net_on[n] || (*o.shown_networks)[n];
  auto entry_on = [&](const model::Entry& e) {
    if (shown == nullptr) return true;
    if (e.asset_index != model::kNone) return static_cast<bool>((*shown)[e.asset_index]);
    return e.network_index != model::kNone && net_on[e.network_index];
  };
  constexpr std::size_t kOff = ZoneGroups::kNotDrawn;
  ZoneGroups networks(m, m.networks.size(),
                      [&](std::size_t n) { return net_on[n] ? m.networks[n].zone_index : kOff; });
  ZoneGroups assets(m, m.assets.size(), [&](std::size_t a) {
    return shown == nullptr || (*shown)[a] ? drawing_zone(m, m.assets[a]) : kOff;
  });
  ZoneGroups entries(m, m.entries.size(), [&](std::size_t e) {
    return entry_on(m.entries[e]) ? entry_zone(m, m.entries[e]) : kOff;
  });
  auto zone_on = [&](std::size_t z) {
    return shown == nullptr || !networks[z].empty() || !assets[z].empty() || !entries[z].empty();
  };
  by_zone(w, m, o.lang, zone_on, [&](std::size_t z) {
    for (std::size_t n : networks[z])
      w.node(network_node(m.networks[n]),
             shade(network_attrs(m.networks[n], o.lang, bus_width(sk, n))));
    for (std::size_t a : assets[z])
      w.node(asset_node(m.assets[a]), shade(asset_attrs(m.assets[a], p, o.lang)));
    for (std::size_t e : entries[z])
      w.node(entry_node(m.entries[e]), shade(entry_attrs(m.entries[e], p, o.lang)));
  });
  for (const Link& l : sk.links)
    link_edge(w, m, l, shade(link_style(l)));
  Attrs entry_edge = shade({attr("color", kEntryFill), attr("penwidth", "1.5")});
  for (const model::Entry& e : m.entries) {
    if (!entry_on(e)) continue;
    if (e.asset_index != model::kNone) {
      w.edge(entry_node(e), asset_node(m.assets[e.asset_index]), entry_edge);
    } else if (e.network_index != model::kNone) {
      w.edge(entry_node(e), network_node(m.networks[e.network_index]), entry_edge);
    }
  }
  if (o.legend) legend(w, o.lang, View::kSystem);
}

void write_dataflow(dot::Writer& w, const model::Model& m, const model::Profile& p,
                    const DiagramOptions& o) {
  auto valid = [](const model::Flow& f) {
    return f.from_index != model::kNone && f.to_index != model::kNone;
  };
  const std::size_t drawn =
      static_cast<std::size_t>(std::count_if(m.flows.begin(), m.flows.end(), valid));
  const bool labelled = drawn <= o.flow_label_limit;
  std::string note;
  if (!labelled)
    note = fmt::format(
        fmt::runtime(o.lang == Lang::kEn ? kFlowNoteEn.unlabelled : kFlowNoteJa.unlabelled), drawn,
        o.flow_label_limit);
  if (o.title) write_title(w, m, style::words(o.lang).dataflow_view.text, note);
  w.defaults("graph", {attr("nodesep", "0.18")});
  std::vector<bool> in_flow(m.assets.size(), false);
  for (const model::Flow& f : m.flows) {
    if (f.from_index != model::kNone) in_flow[f.from_index] = true;
    if (f.to_index != model::kNone) in_flow[f.to_index] = true;
  }
  auto level = [&](std::size_t asset) {
    std::size_t z = drawing_zone(m, m.assets[asset]);
    return z != model::kNone && m.zones[z].has_purdue_level ? m.zones[z].purdue_level : -1;
  };
  // Each flow is drawn as sender -> label -> receiver, with the label as a node of its own:
  // dot then keeps every label clear of the others (it would do the same with edge labels,
  // but Graphviz 2.43 corrupts its heap on labelled flat edges inside clusters).
  auto label_zone = [&](const model::Flow& f) {
    std::size_t a = drawing_zone(m, m.assets[f.from_index]);
    return a == drawing_zone(m, m.assets[f.to_index]) ? a : model::kNone;
  };
  ZoneGroups assets(m, m.assets.size(), [&](std::size_t a) {
    return in_flow[a] ? drawing_zone(m, m.assets[a]) : ZoneGroups::kNotDrawn;
  });
  ZoneGroups labels(m, m.flows.size(), [&](std::size_t f) {
    return labelled && valid(m.flows[f]) ? label_zone(m.flows[f]) : ZoneGroups::kNotDrawn;
  });
  by_zone(
      w, m, o.lang, [](std::size_t) { return true; },
      [&](std::size_t z) {
        for (std::size_t i : assets[z])
          w.node(asset_node(m.assets[i]), asset_attrs(m.assets[i], p, o.lang));
        for (std::size_t i : labels[z]) {
          const model::Flow& f = m.flows[i];
          std::string label(f.data);
          if (!f.protocol.empty())
            label += label.empty() ? std::string(f.protocol) : fmt::format("\n{}", f.protocol);
          w.node(fmt::format("f:{}", f.id),
                 {dot::text("label", label), attr("shape", "plaintext"), attr("style", "solid"),
                  attr("fontsize", "9"), attr("height", "0.2"), attr("margin", "0.02"),
                  dot::text("tooltip", f.id)});
        }
      });
  for (const model::Flow& f : m.flows) {
    if (!valid(f)) continue;
    // Written in layout direction (higher Purdue level on top), arrow in data direction.
    bool upward = level(f.to_index) > level(f.from_index);
    std::string from = asset_node(m.assets[f.from_index]);
    std::string to = asset_node(m.assets[f.to_index]);
    std::string mid = fmt::format("f:{}", f.id);
    Attrs at;
    if (drawing_zone(m, m.assets[f.from_index]) != drawing_zone(m, m.assets[f.to_index]))
      at = {attr("color", kCrossZone)};
    if (!labelled) {
      at.push_back(dot::text("tooltip", flow_tooltip(f)));
      if (upward) at.push_back(attr("dir", "back"));
      w.edge(upward ? to : from, upward ? from : to, at);
      continue;
    }
    Attrs first = at, second = at;
    if (upward) {  // to -> label -> from, arrow at `to`
      first.push_back(attr("dir", "back"));
      second.push_back(attr("dir", "none"));
      w.edge(to, mid, first);
      w.edge(mid, from, second);
    } else {
      first.push_back(attr("dir", "none"));
      w.edge(from, mid, first);
      w.edge(mid, to, second);
    }
  }
  if (o.legend) legend(w, o.lang, View::kDataflow);
}

std::string diagram_dot(View view, const model::Model& m, const model::Profile& p,
                        const DiagramOptions& o) {
  dot::Writer w(m.id.empty() ? "model" : m.id);
  graph_defaults(w);
  // A large plant is laid out zone by zone (report/zoned_layout.h).
  w.defaults("graph", {attr(kLayoutAttribute, "zones")});
  if (view == View::kSystem) {
    write_system(w, m, p, o);
  } else {
    write_dataflow(w, m, p, o);
  }
  return w.finish();
}

}  // namespace icsrisk::report
