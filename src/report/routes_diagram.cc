#include "report/routes_diagram.h"

#include "report/risk_colours.h"
#include "report/words.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "report/diagram_style.h"

namespace icsrisk::report {
namespace {

using dot::attr;
using dot::Attrs;
using model::Lang;

constexpr const char* kTargetBorder = "#b71c1c";
constexpr const char* kBaseBorder = "#6a1b9a";

/// Sets `key` to `value`, replacing an earlier value (cgraph would keep the last anyway, but
/// one value per key keeps the DOT text readable).
void set(Attrs& at, const std::string& key, std::string_view value) {
  for (dot::Attr& a : at) {
    if (a.key == key) {
      a.value = std::string(value);
      return;
    }
  }
  at.push_back(attr(key, value));
}

/// Undoes style::muted() for a node re-declared with its full attributes: the default black
/// border and text where the style set none.
Attrs vivid(Attrs at) {
  bool colour = false, font = false;
  for (const dot::Attr& a : at) {
    colour = colour || a.key == "color";
    font = font || a.key == "fontcolor";
  }
  if (!colour) at.push_back(attr("color", "black"));
  if (!font) at.push_back(attr("fontcolor", "black"));
  return at;
}

/// Adds the node's role ("攻撃対象", "攻撃拠点") as a first line of its HTML label, in the colour
/// of its border: inside the node it cannot collide with the edge labels around it.
void mark(Attrs& at, std::string_view role, const char* colour) {
  std::string line = fmt::format("<FONT COLOR=\"{}\" POINT-SIZE=\"9\"><B>{}</B></FONT><BR/>",
                                 colour, dot::html_escape(role));
  for (dot::Attr& a : at) {
    if (a.key == "label" && a.html) {
      a.value = line + a.value;
      return;
    }
  }
  at.push_back(dot::text("xlabel", role));
}

/// The attack bases of the scenario (method.md §7 step 3): its explicit bases, else every
/// sender of a flow to the target; plus, with segment access, the origin of every listed
/// route's final step (the segment's assets the routes use).
std::vector<std::size_t> bases_of(const model::Model& m, const model::Scenario& sc,
                                  const std::vector<risk::Route>& routes) {
  std::vector<std::size_t> out = sc.base_indices;
  if (out.empty())
    for (const model::Flow& f : m.flows)
      if (f.to_index == sc.target_index && f.from_index != model::kNone &&
          f.from_index != sc.target_index)
        out.push_back(f.from_index);
  for (const risk::Route& r : routes)
    if (!r.steps.empty() && r.steps.back().from != model::kNone &&
        r.steps.back().from != sc.target_index)
      out.push_back(r.steps.back().from);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// The title line saying how many of the routes the drawing rule picked were left out.
struct TrimWords {
  const char* left_out;  ///< {0}: routes left out, {1}: the limit
};
constexpr TrimWords kTrimJa = {
    .left_out = "描画対象のルートのうち {0} 本は省略（描画は {1} 本まで、危険度の高い順）"};
constexpr TrimWords kTrimEn = {
    .left_out =
        "{0} further routes (first routes of other entry points and attack bases) "
        "left out: at most {1} are drawn, worst first"};

void write_title(dot::Writer& w, const model::Model& m, const model::Scenario& sc,
                 const risk::ScenarioRisk& s, std::size_t drawn, std::size_t left_out,
                 std::size_t limit, Lang lang) {
  const Words::Routes& t = words(lang).routes;
  std::string title(sc.name.empty() ? sc.id : sc.name);
  if (!s.risk || s.routes.empty()) {
    title += fmt::format(" — {}", t.unreachable);
  } else {
    title += fmt::format(" — {} {}", t.risk, *s.risk);
    std::string total = fmt::format("{}{}", s.routes_total, s.routes_total_exact ? "" : "+");
    title += "\n" + fmt::format(fmt::runtime(t.listed.view()), m.name.empty() ? m.id : m.name,
                                drawn, total);
    if (left_out > 0)
      title +=
          "\n" + fmt::format(fmt::runtime(lang == Lang::kEn ? kTrimEn.left_out : kTrimJa.left_out),
                             left_out, limit);
  }
  w.defaults("graph", {dot::text("label", title), attr("labelloc", "t"), attr("fontsize", "18")});
}

/// The assets the routes touch (steps, crossed devices), the target and the bases: the nodes
/// drawn in full colour, and all that a focused view draws.
std::vector<bool> touched_assets(const model::Model& m, const model::Scenario& sc,
                                 const std::vector<risk::Route>& routes,
                                 const std::vector<std::size_t>& bases) {
  std::vector<bool> on(m.assets.size(), false);
  for (const risk::Route& r : routes)
    for (const risk::Step& st : r.steps) {
      if (st.from != model::kNone) on[st.from] = true;
      if (st.to != model::kNone) on[st.to] = true;
      for (std::size_t v : st.via)
        on[v] = true;
    }
  if (sc.target_index != model::kNone) on[sc.target_index] = true;
  for (std::size_t b : bases)
    on[b] = true;
  return on;
}

/// Re-declares the nodes the routes touch in their normal colours, then the target and bases
/// with their borders. A node statement for an existing node only sets attributes, so the
/// nodes stay in their zone clusters.
void emphasise(dot::Writer& w, const model::Model& m, const model::Profile& p,
               const model::Scenario& sc, const std::vector<risk::Route>& routes,
               const std::vector<std::size_t>& bases, const std::vector<bool>& touched, Lang lang) {
  std::vector<bool> entry_on(m.entries.size(), false);
  for (const risk::Route& r : routes)
    if (r.entry != model::kNone) entry_on[r.entry] = true;
  const Words::Routes& t = words(lang).routes;
  for (std::size_t i = 0; i < m.assets.size(); ++i) {
    if (!touched[i]) continue;
    bool target = i == sc.target_index;
    bool base = std::find(bases.begin(), bases.end(), i) != bases.end();
    Attrs at = vivid(style::asset_attrs(m.assets[i], p, lang));
    if (target) {
      set(at, "color", kTargetBorder);
      set(at, "penwidth", "4");
      mark(at, t.target, kTargetBorder);
    } else if (base) {
      set(at, "color", kBaseBorder);
      set(at, "penwidth", "3");
      set(at, "style", "filled,dashed");
      mark(at, t.base, kBaseBorder);
    }
    w.node(asset_node(m.assets[i]), at);
  }
  for (std::size_t e = 0; e < m.entries.size(); ++e)
    if (entry_on[e])
      w.node(entry_node(m.entries[e]), vivid(style::entry_attrs(m.entries[e], p, lang)));
}

/// One drawn edge of the overlay.
struct Segment {
  std::string tail, head;
  Attrs attrs;
  bool labelled = false;  ///< the step's last edge (kRouteStepClass)
  std::string tag;        ///< "R1-2"
  std::string method;
  std::size_t risk = 4;
};

/// The edges of one route's steps (see write_routes()), appended to `out`.
void route_segments(const model::Model& m, const model::Profile& p, const risk::Route& r,
                    std::size_t number, Lang lang, std::vector<Segment>& out) {
  std::size_t risk = model::index_of(r.risk);
  // The worst route is drawn thicker, so it stands out when several share a colour.
  const char* width = number == 1 ? "3.5" : "2";
  for (std::size_t j = 0; j < r.steps.size(); ++j) {
    const risk::Step& st = r.steps[j];
    std::vector<std::string> path;
    if (st.from != model::kNone) {
      path.push_back(asset_node(m.assets[st.from]));
    } else if (r.entry != model::kNone) {
      path.push_back(entry_node(m.entries[r.entry]));
    }
    if (path.empty() || st.to == model::kNone) continue;
    for (std::size_t v : st.via)
      path.push_back(asset_node(m.assets[v]));
    path.push_back(asset_node(m.assets[st.to]));
    std::string tag = fmt::format("R{}-{}", number, j + 1);
    std::string method = st.method != model::kNone ? p.threats[st.method].name.in(lang) : "";
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
      bool last = k + 2 == path.size();
      Segment seg{path[k], path[k + 1], {}, last, tag, method, risk};
      seg.attrs = {
          attr("color", kRiskColours[risk]),
          attr("penwidth", width),
          attr("constraint", "false"),
          attr("class", last ? kRouteStepClass : kRouteViaClass),
          attr("id", last ? fmt::format("r{}-s{}", number, j + 1)
                          : fmt::format("r{}-s{}-via{}", number, j + 1, k + 1)),
          dot::text("tooltip", fmt::format(fmt::runtime(words(lang).routes.step_tip.view()), tag,
                                           method, st.countermeasure_level))};
      out.push_back(std::move(seg));
    }
  }
}

/// "R1-2, R2-2, R3-3,\nR4-3: method": three tags a line, so a shared label stays compact.
std::string label_text(const std::vector<const Segment*>& group) {
  std::string s;
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (i > 0) s += i % 3 == 0 ? ",\n" : ", ";
    s += group[i]->tag;
  }
  const std::string& method = group.front()->method;
  return method.empty() ? s : s + (group.size() == 1 ? " " : ": ") + method;
}

/// Writes the overlay edges of `routes`. The steps of several routes that end in the same edge
/// with the same method share one label, on the first (worst) of them, in its colour: five
/// labels stacked on one edge would overprint each other.
void overlay(dot::Writer& w, const model::Model& m, const model::Profile& p,
             const std::vector<risk::Route>& routes, Lang lang) {
  std::vector<Segment> segs;
  for (std::size_t i = 0; i < routes.size(); ++i)
    route_segments(m, p, routes[i], i + 1, lang, segs);
  std::map<std::string, std::vector<const Segment*>> groups;
  for (const Segment& s : segs)
    if (s.labelled) groups[s.tail + '\n' + s.head + '\n' + s.method].push_back(&s);
  for (Segment& s : segs) {
    auto it = groups.find(s.tail + '\n' + s.head + '\n' + s.method);
    if (s.labelled && it->second.front() == &s) {
      // An xlabel, not a label: it does not enter the layout, so the configuration keeps its
      // shape, and Graphviz 2.43's flat-edge label bug (render.cc) cannot arise.
      s.attrs.push_back(dot::text("xlabel", label_text(it->second)));
      s.attrs.push_back(attr("fontcolor", kRiskTextColours[s.risk]));
      s.attrs.push_back(attr("fontsize", "10"));
    }
    w.edge(s.tail, s.head, s.attrs);
  }
}

/// A table of the drawn routes: number, risk, entry point and assets in order.
void route_key(dot::Writer& w, const model::Model& m, const std::vector<risk::Route>& routes,
               Lang lang) {
  std::string rows = fmt::format("<TR><TD COLSPAN=\"3\"><B>{}</B></TD></TR>",
                                 dot::html_escape(words(lang).routes.routes));
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const risk::Route& r = routes[i];
    std::size_t risk = model::index_of(r.risk);
    std::string path = r.entry != model::kNone ? dot::html_escape(m.entries[r.entry].name) : "";
    for (const risk::Step& st : r.steps)
      if (st.to != model::kNone) path += " → " + dot::html_escape(m.assets[st.to].name);
    rows += fmt::format(
        "<TR><TD BGCOLOR=\"{}\"><FONT COLOR=\"white\"><B>R{}</B></FONT></TD>"
        "<TD><FONT COLOR=\"{}\"><B>{}</B></FONT></TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
        kRiskColours[risk], i + 1, kRiskTextColours[risk], r.risk, path);
  }
  w.node("routes:key",
         {dot::html("label",
                    "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"4\">" +
                        rows + "</TABLE>"),
          attr("shape", "plaintext"), attr("style", "solid"), attr("fontsize", "10")});
}

/// The routes drawn: the first `k` listed, and the first listed route of every other entry
/// point and of every other attack base (the final step's origin), in listing order.
std::vector<risk::Route> drawn_routes(const std::vector<risk::Route>& listed, std::size_t k) {
  std::set<std::size_t> entries, bases;
  std::vector<risk::Route> out;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const risk::Route& r = listed[i];
    std::size_t base = r.steps.empty() ? model::kNone : r.steps.back().from;
    bool first_of_entry = entries.insert(r.entry).second;
    bool first_of_base = bases.insert(base).second;
    if (i < k || first_of_entry || first_of_base) out.push_back(r);
  }
  return out;
}

}  // namespace

std::vector<std::string_view> scenario_ids(const model::Model& m) {
  std::vector<std::string_view> ids;
  for (const model::Impact& i : m.impacts)
    for (const model::Scenario& s : i.scenarios)
      ids.push_back(s.id);
  return ids;
}

const risk::ScenarioRisk* find_scenario_risk(const model::Model& m,
                                             const std::vector<risk::ScenarioRisk>& rows,
                                             std::string_view id) {
  for (const risk::ScenarioRisk& r : rows) {
    if (r.impact >= m.impacts.size()) continue;
    const model::Impact& impact = m.impacts[r.impact];
    if (r.scenario < impact.scenarios.size() && impact.scenarios[r.scenario].id == id) return &r;
  }
  return nullptr;
}

void write_routes(dot::Writer& w, const model::Model& m, const model::Profile& p,
                  const risk::ScenarioRisk& s, const RoutesDiagramOptions& o) {
  const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
  const Lang lang = o.diagram.lang;
  std::vector<risk::Route> routes = drawn_routes(s.routes, o.max_routes);
  const std::size_t cap = std::max(o.max_drawn, o.max_routes);
  const std::size_t left_out = routes.size() > cap ? routes.size() - cap : 0;
  routes.resize(routes.size() - left_out);
  if (o.diagram.title) write_title(w, m, sc, s, routes.size(), left_out, cap, lang);
  // A step label that Graphviz cannot place clear of nodes and other labels is left out rather
  // than printed over them; the route table lists every drawn route in full.
  w.defaults("graph", {attr("forcelabels", "false")});
  const std::vector<std::size_t> bases = bases_of(m, sc, routes);
  const std::vector<bool> touched = touched_assets(m, sc, routes, bases);
  DiagramOptions background = o.diagram;
  background.muted = true;
  background.title = false;
  background.legend = false;
  // A route from a network entry point starts on that network: drawn with it when focused.
  std::vector<bool> entry_networks(m.networks.size(), false);
  for (const risk::Route& r : routes)
    if (r.entry != model::kNone && m.entries[r.entry].network_index != model::kNone)
      entry_networks[m.entries[r.entry].network_index] = true;
  background.shown_assets = o.focus ? &touched : nullptr;
  background.shown_networks = o.focus ? &entry_networks : nullptr;
  write_system(w, m, p, background);
  emphasise(w, m, p, sc, routes, bases, touched, lang);
  overlay(w, m, p, routes, lang);
  if (o.diagram.legend && !routes.empty()) route_key(w, m, routes, lang);
}

std::string routes_dot(const model::Model& m, const model::Profile& p, const risk::ScenarioRisk& s,
                       const RoutesDiagramOptions& o) {
  dot::Writer w(m.id.empty() ? "model" : m.id);
  graph_defaults(w);
  write_routes(w, m, p, s, o);
  return w.finish();
}

}  // namespace icsrisk::report
