// The heat map of a scenario (see heat_map.h).

#include "report/heat_map.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/diagram_style.h"
#include "report/json_quant.h"
#include "report/quant_words.h"
#include "report/render.h"

namespace icsrisk::report {

namespace {

using dot::attr;
using dot::Attrs;

void set(Attrs& at, std::string_view key, std::string_view value) {
  for (dot::Attr& a : at)
    if (a.key == key) {
      a.value = std::string(value);
      return;
    }
  at.push_back(attr(std::string(key), value));
}

/// The asset's own node attributes with its heat: fill, readable text, the visit line.
Attrs heated(const model::Asset& a, const model::Profile& p, model::Lang lang, double visit,
             double shade, bool target) {
  Attrs at = style::asset_attrs(a, p, lang);
  shade_node(at, shade, target);
  if (!target) set(at, "color", "#455a64");
  for (dot::Attr& x : at)
    if (x.key == "label" && x.html)
      x.value += fmt::format("<BR/><FONT POINT-SIZE=\"9\">visit {:.3g}</FONT>", visit);
  return at;
}

}  // namespace

void shade_node(Attrs& at, double shade, bool target) {
  set(at, "fillcolor", heat_colour(shade));
  set(at, "fontcolor", shade > 0.55 ? "white" : "black");
  if (target) {
    set(at, "color", "#b71c1c");
    set(at, "penwidth", "4");
  }
}

std::string heat_colour(double p) {
  const double t = std::clamp(p, 0.0, 1.0);
  // White → #ffcdd2 → #e53935 → #7f0000, linear between the stops.
  static constexpr double kStops[4][3] = {
      {255, 255, 255}, {255, 205, 210}, {229, 57, 53}, {127, 0, 0}};
  const double x = t * 3.0;
  const int i = std::min(2, static_cast<int>(x));
  const double f = x - i;
  std::string out = "#";
  for (int c = 0; c < 3; ++c)
    out += fmt::format(
        "{:02x}",
        static_cast<int>(std::lround(kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f)));
  return out;
}

std::string heat_map_dot(const model::Model& m, const model::Profile& p, const model::Scenario& sc,
                         const quant::ScenarioQuant& q, const DiagramOptions& options) {
  dot::Writer w(m.id.empty() ? "model" : m.id);
  graph_defaults(w);
  w.defaults("graph", {attr(kLayoutAttribute, "zones")});  // report/zoned_layout.h
  const QuantWords& words = quant_words(options.lang);
  double max_visit = 0.0;
  for (double v : q.visit)
    max_visit = std::max(max_visit, v);
  if (options.title) {
    std::string title(sc.name.empty() ? sc.id : sc.name);
    title += fmt::format(" — {}\np_goal {}, {} {:.3g}", words.heat_title, quant_number(q.p_goal),
                         words.darkest, max_visit);
    w.defaults("graph", {dot::text("label", title), attr("labelloc", "t"), attr("fontsize", "18")});
  }
  DiagramOptions background = options;
  background.muted = true;
  background.title = false;
  background.legend = false;
  write_system(w, m, p, background);
  for (std::size_t v = 0; v < m.assets.size(); ++v) {
    const double visit = v < q.visit.size() ? q.visit[v] : 0.0;
    const double shade = max_visit > 0.0 ? visit / max_visit : 0.0;
    w.node(asset_node(m.assets[v]),
           heated(m.assets[v], p, options.lang, visit, shade, v == sc.target_index));
  }
  return w.finish();
}

}  // namespace icsrisk::report
