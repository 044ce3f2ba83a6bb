#include "report/aggregate_diagram.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "report/diagram_style.h"
#include "report/heat_map.h"
#include "report/json_quant.h"
#include "report/quant_words.h"
#include "report/zones_conduits.h"
#include "report/zones_diagram.h"
#include "report/zones_words.h"

namespace icsrisk::report {

namespace {

using dot::attr;
using dot::Attrs;
using model::kNone;

/// Importance fills of the asset views (diagram_style.cc), by the group's highest importance.
constexpr std::array<const char*, 4> kFill = {"#ffffff", "#dcedc8", "#ffe082", "#ff8a65"};

/// Edges drawn at most, the heaviest first: past a few hundred, a drawing shows no more.
constexpr std::size_t kEdgeLimit = 400;

struct Node {
  std::string id, name, tooltip;
  std::size_t cluster = 0;
  std::size_t assets = 0, internal = 0;
  int highest = 0;
  std::map<std::string_view, std::size_t> types;
};

struct Cluster {
  std::string label, tooltip;
  std::vector<std::size_t> nodes;
};

/// The groups of one aggregated view and the group of every asset.
struct Layout {
  std::vector<Cluster> clusters;
  std::vector<Node> nodes;
  std::vector<std::size_t> of_asset;
  std::vector<std::size_t> of_network;  ///< per network, the node its assets join through it

  std::size_t add(std::size_t cluster, std::string id, std::string name, std::string tooltip) {
    nodes.push_back({std::move(id), std::move(name), std::move(tooltip), cluster, 0, 0, 0, {}});
    clusters[cluster].nodes.push_back(nodes.size() - 1);
    return nodes.size() - 1;
  }
};

/// Clusters per zone, nodes per network (and per zone for the assets on no network).
Layout by_network(const model::Model& m, const ZonesConduits& z, model::Lang lang) {
  Layout l;
  std::vector<std::size_t> cluster_of_zone(m.zones.size(), kNone);
  std::size_t outside = kNone;
  for (const ZoneGroup& g : z.groups) {
    l.clusters.push_back({group_name(m, g, lang), {}, {}});
    if (g.outside) {
      outside = l.clusters.size() - 1;
      continue;
    }
    const model::Zone& zone = m.zones[g.zone];
    l.clusters.back() = {style::zone_label(zone, lang), std::string(zone.id), {}};
    cluster_of_zone[g.zone] = l.clusters.size() - 1;
  }
  auto cluster = [&](std::size_t zone) { return zone == kNone ? outside : cluster_of_zone[zone]; };
  for (const model::Network& n : m.networks)
    l.of_network.push_back(l.add(cluster(n.zone_index), fmt::format("n:{}", n.id),
                                 std::string(n.name), std::string(n.id)));
  std::vector<std::size_t> bare(l.clusters.size(), kNone);
  for (const model::Asset& a : m.assets) {
    std::size_t node = kNone;
    for (const model::Connection& c : a.connects)
      if (node == kNone && c.network_index != kNone) node = l.of_network[c.network_index];
    if (node == kNone) {
      std::size_t k = cluster(asset_zone(m, a));
      if (bare[k] == kNone)
        bare[k] = l.add(k, fmt::format("bare:{}", k), zones_words(lang).no_network.text, "");
      node = bare[k];
    }
    l.of_asset.push_back(node);
  }
  return l;
}

/// Clusters per Purdue level, nodes per zone (and one for what is in no zone); with `per_level`
/// one node per level, for plants of more zones than a drawing shows.
Layout by_zone(const model::Model& m, const model::Profile& p, model::Lang lang, bool per_level) {
  Layout l;
  const ZonesConduits levels = zones_conduits(m, p, nullptr, ZoneGrouping::kPurdue);
  std::vector<std::size_t> zone_node(m.zones.size(), kNone);
  std::vector<std::size_t> zone_order(m.zones.size());
  std::iota(zone_order.begin(), zone_order.end(), 0);
  std::stable_sort(zone_order.begin(), zone_order.end(), [&](std::size_t x, std::size_t y) {
    const model::Zone& a = m.zones[x];
    const model::Zone& b = m.zones[y];
    if (a.has_purdue_level != b.has_purdue_level) return a.has_purdue_level;
    return a.has_purdue_level && a.purdue_level > b.purdue_level;
  });
  std::size_t next = 0;  // zones in zone_order fill the level groups in the same order
  std::size_t outside = kNone;
  for (const ZoneGroup& g : levels.groups) {
    l.clusters.push_back({group_name(m, g, lang), "", {}});
    const std::size_t k = l.clusters.size() - 1;
    if (g.outside) outside = l.add(k, "outside", zones_words(lang).outside.text, "");
    const std::size_t level =
        per_level && !g.outside
            ? l.add(k, fmt::format("level:{}", k),
                    fmt::format(fmt::runtime(zones_words(lang).zone_count.view()), g.zones), "")
            : kNone;
    for (std::size_t i = 0; i < g.zones; ++i, ++next) {
      if (level != kNone) {
        zone_node[zone_order[next]] = level;
        continue;
      }
      const model::Zone& zone = m.zones[zone_order[next]];
      zone_node[zone_order[next]] =
          l.add(k, fmt::format("z:{}", zone.id), std::string(zone.name), std::string(zone.id));
    }
  }
  auto node = [&](std::size_t zone) { return zone == kNone ? outside : zone_node[zone]; };
  for (const model::Network& n : m.networks)
    l.of_network.push_back(node(n.zone_index));
  for (const model::Asset& a : m.assets)
    l.of_asset.push_back(node(asset_zone(m, a)));
  return l;
}

std::string type_name(const model::Asset& a, const model::Profile& p, model::Lang lang) {
  const model::AssetType* t = style::type_of(a, p);
  return t ? t->name.in(lang) : std::string(a.type);
}

void count_assets(Layout& l, const model::Model& m, const model::Profile& p, model::Lang lang) {
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    const model::Asset& a = m.assets[i];
    Node& n = l.nodes[l.of_asset[i]];
    n.assets += static_cast<std::size_t>(std::max(a.count, 1));
    n.highest = std::max(n.highest, std::clamp(a.importance, 1, 3));
    const model::AssetType* t = style::type_of(a, p);
    n.types[t ? std::string_view(t->name.in(lang)) : a.type] +=
        static_cast<std::size_t>(std::max(a.count, 1));
  }
}

std::string node_label(const Node& n, model::Lang lang, bool dataflow) {
  const ZonesWords& w = zones_words(lang);
  std::vector<std::pair<std::string_view, std::size_t>> types(n.types.begin(), n.types.end());
  std::stable_sort(types.begin(), types.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  std::string s = "<B>" + dot::html_escape(n.name) + "</B>";
  auto line = [&](const std::string& text) {
    s += "<BR/><FONT POINT-SIZE=\"9\">" + dot::html_escape(text) + "</FONT>";
  };
  for (std::size_t i = 0; i < types.size() && i < kAggregateTypeLines; ++i)
    line(fmt::format("{} ×{}", types[i].first, types[i].second));
  if (types.size() > kAggregateTypeLines)
    line(fmt::format(fmt::runtime(w.more.view()), types.size() - kAggregateTypeLines));
  if (n.highest > 0) line(fmt::format(fmt::runtime(w.highest.view()), n.highest));
  if (dataflow && n.internal > 0) line(fmt::format(fmt::runtime(w.internal.view()), n.internal));
  return s;
}

/// One counted edge: the groups, written upper first, and its label.
struct Edge {
  std::size_t from = 0, to = 0;
  bool reversed = false;  ///< data runs to -> from
  std::size_t count = 0;
  std::string label;
};

std::vector<Edge> system_edges(const Layout& l, const model::Model& m, const model::Profile& p,
                               model::Lang lang) {
  std::map<std::tuple<std::size_t, std::size_t, std::string>, std::size_t> joins;
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    const std::size_t home = l.of_asset[i];
    for (const model::Connection& c : m.assets[i].connects) {
      if (c.network_index == kNone) continue;
      std::size_t other = l.of_network[c.network_index];
      if (other == home) continue;
      ++joins[{std::min(home, other), std::max(home, other), type_name(m.assets[i], p, lang)}];
    }
  }
  std::vector<Edge> out;
  for (const auto& [key, count] : joins)
    out.push_back({std::get<0>(key), std::get<1>(key), false, count,
                   fmt::format("{} ×{}", std::get<2>(key), count)});
  return out;
}

std::vector<Edge> dataflow_edges(Layout& l, const model::Model& m, model::Lang lang) {
  std::map<std::pair<std::size_t, std::size_t>, std::map<std::string_view, std::size_t>> pairs;
  for (const model::Flow& f : m.flows) {
    if (f.from_index == kNone || f.to_index == kNone) continue;
    std::size_t u = l.of_asset[f.from_index], v = l.of_asset[f.to_index];
    if (u == v) {
      ++l.nodes[u].internal;
    } else {
      ++pairs[{u, v}][f.protocol];
    }
  }
  std::vector<Edge> out;
  for (const auto& [key, protocols] : pairs) {
    std::vector<std::pair<std::string_view, std::size_t>> by(protocols.begin(), protocols.end());
    std::stable_sort(by.begin(), by.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    Edge e{std::min(key.first, key.second), std::max(key.first, key.second), key.first > key.second,
           0, ""};
    for (const auto& pc : by)
      e.count += pc.second;
    e.label = fmt::format(fmt::runtime(zones_words(lang).flow_count.view()), e.count);
    for (std::size_t i = 0; i < by.size() && i < 2; ++i)
      e.label += fmt::format("\n{} ×{}", by[i].first.empty() ? "-" : by[i].first, by[i].second);
    out.push_back(std::move(e));
  }
  return out;
}

/// The heaviest kEdgeLimit edges, back in their (deterministic) key order.
std::size_t keep_heaviest(std::vector<Edge>& edges) {
  if (edges.size() <= kEdgeLimit) return 0;
  std::vector<std::size_t> order(edges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return edges[x].count > edges[y].count; });
  order.resize(kEdgeLimit);
  std::sort(order.begin(), order.end());
  std::vector<Edge> kept;
  for (std::size_t i : order)
    kept.push_back(std::move(edges[i]));
  const std::size_t dropped = edges.size() - kept.size();
  edges = std::move(kept);
  return dropped;
}

/// A scenario's heat over the groups (aggregate_heat_dot): per node the highest visit of its
/// assets, and the node of the target.
struct Heat {
  const model::Scenario& scenario;
  const quant::ScenarioQuant& quant;
  std::vector<double> node_visit;
  double highest = 0.0;
  std::size_t target_node = kNone;
};

void add_heat(Heat& h, const Layout& l, const model::Model& m) {
  h.node_visit.assign(l.nodes.size(), 0.0);
  for (std::size_t i = 0; i < m.assets.size() && i < h.quant.visit.size(); ++i) {
    double& v = h.node_visit[l.of_asset[i]];
    v = std::max(v, h.quant.visit[i]);
    h.highest = std::max(h.highest, h.quant.visit[i]);
  }
  if (h.scenario.target_index < l.of_asset.size())
    h.target_node = l.of_asset[h.scenario.target_index];
}

/// The aggregated view (aggregate_dot), shaded by `heat` when given (aggregate_heat_dot).
std::string aggregate(View view, const model::Model& m, const model::Profile& p, model::Lang lang,
                      Heat* heat) {
  const bool dataflow = view == View::kDataflow;
  const ZonesWords& zw = zones_words(lang);
  const bool per_network = m.networks.size() <= kAggregateNodeLimit;
  const bool per_level = !per_network && m.zones.size() > kZoneNodeLimit;
  Layout l = per_network ? by_network(m, zones_conduits(m, p, nullptr, ZoneGrouping::kZone), lang)
                         : by_zone(m, p, lang, per_level);
  count_assets(l, m, p, lang);
  if (heat) add_heat(*heat, l, m);
  std::vector<Edge> edges = dataflow ? dataflow_edges(l, m, lang) : system_edges(l, m, p, lang);
  const std::size_t dropped = keep_heaviest(edges);
  const Words::Diagram& dw = words(lang).diagram;
  const QuantWords& qw = quant_words(lang);
  const char* name = dataflow ? dw.dataflow_view.text : dw.system_view.text;
  std::string title = m.name.empty() ? std::string(name) : fmt::format("{} — {}", m.name, name);
  if (heat) {  // as heat_map_dot's title
    const model::Scenario& sc = heat->scenario;
    title = fmt::format("{} — {}\np_goal {}, {} {:.3g}", sc.name.empty() ? sc.id : sc.name,
                        qw.heat_title, quant_number(heat->quant.p_goal), qw.darkest, heat->highest);
  }
  title += "\n" + fmt::format(fmt::runtime(zw.aggregated.view()), m.assets.size(), m.zones.size(),
                              m.networks.size(),
                              per_network ? zw.per_network
                              : per_level ? zw.per_level
                                          : zw.per_zone);
  if (dropped) title += fmt::format(" (+{})", dropped);
  dot::Writer w(m.id.empty() ? "model" : m.id);
  graph_defaults(w);
  w.defaults("graph", {dot::text("label", title), attr("labelloc", "t"), attr("fontsize", "18"),
                       attr("nodesep", "0.25"), attr("ranksep", "0.5")});
  for (std::size_t k = 0; k < l.clusters.size(); ++k) {
    const Cluster& c = l.clusters[k];
    if (c.nodes.empty()) continue;
    w.open_subgraph(
        fmt::format("cluster_{}", k),
        {dot::text("label", c.label), attr("style", "rounded,filled"), attr("fillcolor", "#f5f7fa"),
         attr("color", "#90a4ae"), dot::text("tooltip", c.tooltip)});
    for (std::size_t i : c.nodes) {
      const Node& n = l.nodes[i];
      std::string label = node_label(n, lang, dataflow);
      if (heat)
        label += fmt::format("<BR/><FONT POINT-SIZE=\"9\">{}</FONT>",
                             fmt::format(fmt::runtime(qw.group_visit), heat->node_visit[i]));
      Attrs at = {dot::html("label", std::move(label)), attr("shape", "box"),
                  attr("fillcolor", kFill[static_cast<std::size_t>(n.highest)]),
                  dot::text("tooltip", n.tooltip)};
      if (heat)
        shade_node(at, heat->highest > 0.0 ? heat->node_visit[i] / heat->highest : 0.0,
                   i == heat->target_node);
      w.node(n.id, at);
    }
    w.close_subgraph();
  }
  // Each edge through a small label node, as in the data-flow view: dot keeps the labels clear
  // of each other and of the cluster titles (and Graphviz 2.43 corrupts its heap on labelled
  // flat edges inside clusters).
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    const std::string mid = fmt::format("e:{}", i);
    w.node(mid, {dot::text("label", e.label), attr("shape", "plaintext"), attr("style", "solid"),
                 attr("fontsize", "8"), attr("height", "0.2"), attr("margin", "0.02")});
    const char* first = !dataflow || !e.reversed ? "none" : "back";
    const char* second = !dataflow || e.reversed ? "none" : "forward";
    w.edge(l.nodes[e.from].id, mid, {attr("dir", first)});
    w.edge(mid, l.nodes[e.to].id, {attr("dir", second)});
  }
  return w.finish();
}

}  // namespace

std::string aggregate_dot(View view, const model::Model& m, const model::Profile& p,
                          model::Lang lang) {
  return aggregate(view, m, p, lang, nullptr);
}

std::string aggregate_heat_dot(const model::Model& m, const model::Profile& p,
                               const model::Scenario& sc, const quant::ScenarioQuant& q,
                               model::Lang lang) {
  Heat heat{sc, q, {}, 0.0, kNone};
  return aggregate(View::kSystem, m, p, lang, &heat);
}

}  // namespace icsrisk::report
