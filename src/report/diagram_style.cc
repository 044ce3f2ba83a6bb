#include "report/diagram_style.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <cmath>

#include <fmt/format.h>

namespace icsrisk::report::style {

using dot::attr;
using dot::Attrs;
using model::Lang;

const Words::Diagram& words(Lang lang) {
  return report::words(lang).diagram;
}

namespace {

// Fill colours by importance (1..3): light green, yellow, orange-red; dark text stays legible
// on all three, and they survive greyscale printing as three distinct tones.
constexpr std::array<const char*, 4> kImportanceFill = {"#ffffff", "#dcedc8", "#ffe082", "#ff8a65"};
constexpr std::array<const char*, 4> kBusFill = {"#37474f", "#6a3d9a", "#8d6e63", "#2e7d32"};

constexpr std::size_t kLegendColumns = 4;

constexpr std::array<const char*, 5> kCategoryShape = {"box", "box3d", "hexagon", "ellipse",
                                                       "note"};

std::string purdue_text(double level) {
  // Levels are small decimals such as 3 or 3.5: at most two decimals, trailing zeros dropped.
  std::string s = fmt::format("{:.2f}", level);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string zone_label(const model::Zone& z, Lang lang) {
  if (!z.has_purdue_level) return std::string(z.name);
  return fmt::format(
      "{} ({})", z.name,
      fmt::format(fmt::runtime(words(lang).purdue_level.view()), purdue_text(z.purdue_level)));
}

const model::AssetType* type_of(const model::Asset& a, const model::Profile& p) {
  return a.type_index == model::kNone ? nullptr : &p.asset_types[a.type_index];
}

namespace {

std::string asset_label(const model::Asset& a, const model::Profile& p, Lang lang) {
  std::string s = dot::html_escape(a.name);
  if (a.count > 1) s += fmt::format(" ×{}", a.count);
  const model::AssetType* t = type_of(a, p);
  std::string type(t ? std::string_view(t->name.in(lang)) : a.type);
  if (type == a.name) return s;  // "PLC" of type PLC: once is enough
  s += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#424242\">" + dot::html_escape(type) + "</FONT>";
  return s;
}

}  // namespace

Attrs asset_attrs(const model::Asset& a, const model::Profile& p, Lang lang) {
  const model::AssetType* t = type_of(a, p);
  std::size_t cat = t ? static_cast<std::size_t>(t->category) : 0;
  std::string shape = kCategoryShape[cat];
  int imp = std::clamp(a.importance, 1, 3);
  Attrs at = {dot::html("label", asset_label(a, p, lang)), attr("shape", shape),
              attr("fillcolor", kImportanceFill[static_cast<std::size_t>(imp)])};
  if (t && t->category == model::Category::kNetworkDevice &&
      t->filtering != model::Filtering::kNo) {
    at[1].value = t->filtering == model::Filtering::kOneWay ? "cds" : "doubleoctagon";
    at.push_back(attr("color", kFilterBorder));
    at.push_back(attr("penwidth", "2"));
    if (t->filtering == model::Filtering::kOneWay) at.push_back(attr("margin", "0.2,0.04"));
  }
  if (a.count > 1) at.push_back(attr("peripheries", at[1].value == "doubleoctagon" ? "3" : "2"));
  at.push_back(dot::text("tooltip", a.id));
  return at;
}

Attrs network_attrs(const model::Network& n, Lang lang, double width) {
  auto medium = static_cast<std::size_t>(n.medium);
  return {dot::text("label", fmt::format("{}  [{}]", n.name, words(lang).media[medium])),
          attr("shape", "box"),
          attr("style", "filled"),
          attr("fillcolor", kBusFill[medium]),
          attr("fontcolor", "white"),
          attr("height", "0.3"),
          attr("width", fmt::format("{:.1f}", width)),
          dot::text("tooltip", n.id)};
}

/// Places nodes into zone clusters: `emit(zone)` writes the nodes of one zone
/// (model::kNone = outside every zone).
Attrs entry_attrs(const model::Entry& e, const model::Profile& p, Lang lang) {
  std::string vec(e.vector_index != model::kNone
                      ? std::string_view(p.vectors[e.vector_index].name.in(lang))
                      : e.vector);
  bool plain = vec.empty() || vec == e.name;
  return {dot::text("label", plain ? std::string(e.name) : fmt::format("{}\n({})", e.name, vec)),
          attr("shape", "invhouse"),
          attr("fillcolor", kEntryFill),
          attr("fontcolor", "white"),
          attr("fontsize", "10"),
          dot::text("tooltip", e.id)};
}

namespace {

/// "#rrggbb" blended towards white by `f` (0..1); any other colour value is returned as is.
std::string pale(const std::string& colour, double f) {
  if (colour.size() != 7 || colour[0] != '#') return colour;
  std::string out = "#";
  for (std::size_t i = 1; i < 7; i += 2) {
    int v = 0;
    for (std::size_t k = i; k < i + 2; ++k) {
      char c = colour[k];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return colour;
      v = v * 16 + d;
    }
    out += fmt::format("{:02x}", static_cast<int>(std::lround(v + (255 - v) * f)));
  }
  return out;
}

}  // namespace

Attrs muted(Attrs at) {
  bool colour = false, font = false;
  for (dot::Attr& a : at) {
    if (a.key == "fillcolor") {
      a.value = pale(a.value, 0.7);
    } else if (a.key == "color") {
      a.value = pale(a.value, 0.65);
      colour = true;
    } else if (a.key == "fontcolor") {
      a.value = "#607d8b";
      font = true;
    }
  }
  if (!colour) at.push_back(attr("color", "#b0bec5"));
  if (!font) at.push_back(attr("fontcolor", "#607d8b"));
  return at;
}

namespace {

void legend_grid(dot::Writer& w, const std::vector<std::pair<std::string, Attrs>>& items,
                 Lang lang) {
  w.open_subgraph("cluster_legend",
                  {dot::text("label", words(lang).legend), attr("style", "rounded,filled"),
                   attr("fillcolor", "white"), attr("color", "#9e9e9e")});
  for (std::size_t i = 0; i < items.size(); ++i) {
    Attrs at = items[i].second;
    at.push_back(dot::text("label", items[i].first));
    at.push_back(attr("width", "1.3"));
    w.node(fmt::format("legend:{}", i), at);
  }
  // A grid of kLegendColumns columns: invisible edges stack the rows, and within a row keep
  // the items in order, so the legend stays compact and reads left to right.
  for (std::size_t row = 0; row * kLegendColumns < items.size(); ++row) {
    std::size_t first = row * kLegendColumns;
    std::size_t last = std::min(items.size(), first + kLegendColumns);
    w.open_subgraph(fmt::format("legend:row{}", row), {attr("rank", "same")});
    for (std::size_t i = first; i + 1 < last; ++i)
      w.edge(fmt::format("legend:{}", i), fmt::format("legend:{}", i + 1),
             {attr("style", "invis")});
    w.close_subgraph();
    if (last < items.size())
      w.edge(fmt::format("legend:{}", first), fmt::format("legend:{}", last),
             {attr("style", "invis")});
  }
  w.close_subgraph();
}

}  // namespace

void legend(dot::Writer& w, Lang lang, View view) {
  const Words::Diagram& t = words(lang);
  std::vector<std::pair<std::string, Attrs>> items;
  for (int imp = 3; imp >= 1; --imp) {
    items.push_back({fmt::format("{} {}", t.importance, imp),
                     {attr("shape", "box"),
                      attr("fillcolor", kImportanceFill[static_cast<std::size_t>(imp)])}});
  }
  for (std::size_t c = 0; c < kCategoryShape.size(); ++c) {
    items.push_back(
        {t.categories[c].text, {attr("shape", kCategoryShape[c]), attr("fillcolor", "white")}});
  }
  if (view == View::kDataflow) return legend_grid(w, items, lang);
  items.push_back({t.filtering.text,
                   {attr("shape", "doubleoctagon"), attr("fillcolor", "white"),
                    attr("color", kFilterBorder), attr("penwidth", "2")}});
  items.push_back({t.one_way.text,
                   {attr("shape", "cds"), attr("fillcolor", "white"), attr("color", kFilterBorder),
                    attr("penwidth", "2"), attr("margin", "0.2,0.04")}});
  items.push_back({t.network.text,
                   {attr("shape", "box"), attr("fillcolor", kBusFill[0]),
                    attr("fontcolor", "white"), attr("height", "0.3")}});
  items.push_back(
      {t.entry.text,
       {attr("shape", "invhouse"), attr("fillcolor", kEntryFill), attr("fontcolor", "white")}});
  legend_grid(w, items, lang);
}

}  // namespace icsrisk::report::style
