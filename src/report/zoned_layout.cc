// The zoned layout of large diagrams (see zoned_layout.h).

#include "report/zoned_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <graphviz/types.h>

namespace icsrisk::report::detail {
namespace {

constexpr double kPad = 10;            ///< inside a zone box, around its nodes (points)
constexpr double kLabel = 24;          ///< a zone box's label line
constexpr double kGap = 36;            ///< between zone blocks, and between blocks in a column
constexpr double kTitleLine = 26;      ///< a line of the diagram's title
constexpr double kArrow = 10;          ///< arrowhead length
constexpr double kAspect = 1.6;        ///< the width / height a block of zones aims at
constexpr std::size_t kWrapAbove = 4;  ///< more blocks than this in a zone are put in columns

char* cs(const char* s) {
  return const_cast<char*>(s);
}

std::string attr_of(void* obj, const char* name) {
  const char* v = agget(obj, cs(name));
  return v ? std::string(v) : std::string();
}

struct Box {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  double w() const { return urx - llx; }
  double h() const { return ury - lly; }
};

/// "llx,lly,urx,ury" (Graphviz writes it back with spaces after a layout: either is read).
Box parse_box(std::string s) {
  std::replace(s.begin(), s.end(), ',', ' ');
  Box b;
  if (std::sscanf(s.c_str(), "%lf %lf %lf %lf", &b.llx, &b.lly, &b.urx, &b.ury) != 4) return {};
  return b;
}

/// An edge as dot routed it: its Bézier pieces, each with its arrowhead points.
struct Piece {
  bool has_start = false, has_end = false;
  pointf start{}, end{};
  std::vector<pointf> points;
};
using Spline = std::vector<Piece>;

Spline spline_of(Agedge_t* e) {
  Spline out;
  const splines* spl = ED_spl(e);
  if (!spl) return out;
  for (std::size_t k = 0; k < spl->size; ++k) {
    const bezier& bz = spl->list[k];
    Piece p;
    p.has_start = bz.sflag != 0, p.start = bz.sp;
    p.has_end = bz.eflag != 0, p.end = bz.ep;
    p.points.assign(bz.list, bz.list + bz.size);
    out.push_back(std::move(p));
  }
  return out;
}

/// `s` moved by (dx, dy), as a "pos" attribute.
std::string spline_pos(const Spline& s, double dx, double dy) {
  std::string out;
  for (const Piece& p : s) {
    if (!out.empty()) out += ';';
    std::string piece;
    if (p.has_start) piece += fmt::format("s,{:.2f},{:.2f}", p.start.x + dx, p.start.y + dy);
    if (p.has_end)
      piece +=
          fmt::format("{}e,{:.2f},{:.2f}", piece.empty() ? "" : " ", p.end.x + dx, p.end.y + dy);
    for (const pointf& q : p.points)
      piece += fmt::format("{}{:.2f},{:.2f}", piece.empty() ? "" : " ", q.x + dx, q.y + dy);
    out += piece;
  }
  return out;
}

/// Blocks per row of `k` side-by-side blocks inside a zone: about 1.5 √k, at least 3.
std::size_t wrap_columns(std::size_t k) {
  std::size_t c = 3;
  while (c * c * 4 < 9 * k)
    ++c;
  return c;
}

/// A node as laid out: its centre and its size, in points.
struct NodeBox {
  double x = 0, y = 0, w = 0, h = 0;
};

/// One zone: its cluster (null for the nodes outside every cluster), its nodes and the edges
/// between them, and what its own layout gave.
struct Zone {
  Agraph_t* cluster = nullptr;
  std::vector<Agnode_t*> nodes;
  std::vector<Agedge_t*> edges;
  Box bb;                                     ///< of its own layout
  std::unordered_map<Agnode_t*, NodeBox> at;  ///< per node, in the zone's own layout
  std::vector<Spline> edge_splines;
  double box_w = 0, box_h = 0;  ///< the drawn box: layout, padding and label
  // Placement.
  std::size_t parent = SIZE_MAX;
  std::vector<std::size_t> children;
  double key = 0;  ///< where it hangs: the x, in its parent's layout, of the first edge into it
  double block_w = 0, block_h = 0;
  std::size_t columns = 1;
  double x = 0, y = 0;  ///< the box's top-left, y downwards from the top of the drawing
  double column_x = 0;  ///< the left side of the column it stands in among its siblings
};

/// Declares `g`'s attributes (with their defaults) in `to`.
void declare_attributes(Agraph_t* g, Agraph_t* to) {
  for (int kind : {AGRAPH, AGNODE, AGEDGE})
    for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym))
      agattr(to, kind, sym->name, sym->defval);
}

/// Lays zone `z` out on its own with dot. Its nodes are given in the order of `key` (the x,
/// in the layout of the zone it hangs from, of the node an edge into it comes from; nodes
/// without one after, as they were), so that what hangs below a row of controllers comes in
/// their order. False when Graphviz failed.
bool lay_out_zone(GVC_t* gvc, Agraph_t* g, Agdisc_t* disc, Zone& z, std::size_t index,
                  const std::unordered_map<Agnode_t*, double>& key) {
  Agraph_t* sub = agopen(cs(fmt::format("zone{}", index).c_str()), Agdirected, disc);
  declare_attributes(g, sub);
  agcopyattr(g, sub);
  agset(sub, cs("label"), cs(""));
  std::unordered_map<Agnode_t*, Agnode_t*> copy;
  std::vector<Agnode_t*> copies;
  std::stable_sort(z.nodes.begin(), z.nodes.end(), [&](Agnode_t* a, Agnode_t* b) {
    const auto ka = key.find(a), kb = key.find(b);
    if ((ka == key.end()) != (kb == key.end())) return ka != key.end();
    return ka != key.end() && ka->second < kb->second;
  });
  for (Agnode_t* n : z.nodes) {
    Agnode_t* c = agnode(sub, agnameof(n), 1);
    agcopyattr(n, c);
    copy.emplace(n, c);
    copies.push_back(c);
  }
  std::vector<Agedge_t*> edge_copies;
  for (Agedge_t* e : z.edges) {
    Agedge_t* c = agedge(sub, copy.at(agtail(e)), copy.at(aghead(e)), nullptr, 1);
    agcopyattr(e, c);
    edge_copies.push_back(c);
  }
  // The zone's blocks: each node no edge inside the zone enters, with the nodes it reaches
  // first. Many of them (a field zone's thirty buses) are stacked in columns: an invisible
  // point below every node of the block above holds the next block's top down.
  std::vector<Agnode_t*> roots;
  for (Agnode_t* c : copies)
    if (!agfstin(sub, c)) roots.push_back(c);
  if (roots.size() > kWrapAbove) {
    std::unordered_map<Agnode_t*, std::size_t> block_of;
    std::vector<std::vector<Agnode_t*>> blocks(roots.size());
    for (std::size_t b = 0; b < roots.size(); ++b) {
      std::vector<Agnode_t*> stack = {roots[b]};
      block_of.emplace(roots[b], b);
      while (!stack.empty()) {
        Agnode_t* n = stack.back();
        stack.pop_back();
        blocks[b].push_back(n);
        for (Agedge_t* e = agfstout(sub, n); e; e = agnxtout(sub, e))
          if (block_of.emplace(aghead(e), b).second) stack.push_back(aghead(e));
      }
    }
    // Column by column: block b goes below block b − 1 unless it starts a column, so blocks in
    // the order of what they hang from read left to right.
    const std::size_t columns = wrap_columns(roots.size());
    const std::size_t per_column = (roots.size() + columns - 1) / columns;
    Agsym_t* style = agattr(sub, AGEDGE, cs("style"), cs(""));
    for (std::size_t b = 1; b < roots.size(); ++b) {
      if (b % per_column == 0) continue;
      Agnode_t* point = agnode(sub, cs(fmt::format("icsrisk-row-{}", b).c_str()), 1);
      agsafeset(point, cs("shape"), cs("point"), cs(""));
      agsafeset(point, cs("style"), cs("invis"), cs(""));
      agsafeset(point, cs("width"), cs("0"), cs(""));
      agsafeset(point, cs("height"), cs("0"), cs(""));
      agsafeset(point, cs("label"), cs(""), cs(""));
      for (Agnode_t* n : blocks[b - 1])
        agxset(agedge(sub, n, point, nullptr, 1), style, cs("invis"));
      agxset(agedge(sub, point, roots[b], nullptr, 1), style, cs("invis"));
    }
  }
  const bool ok = gvLayout(gvc, sub, "dot") == 0;
  if (ok) {
    const boxf bb = GD_bb(sub);
    z.bb = {bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y};
    for (std::size_t i = 0; i < copies.size(); ++i) {
      const pointf c = ND_coord(copies[i]);
      z.at[z.nodes[i]] = {c.x, c.y, 72.0 * ND_width(copies[i]), 72.0 * ND_height(copies[i])};
    }
    for (Agedge_t* c : edge_copies)
      z.edge_splines.push_back(spline_of(c));
    gvFreeLayout(gvc, sub);
  }
  agclose(sub);
  z.box_w = z.bb.w() + 2 * kPad;
  z.box_h = z.bb.h() + 2 * kPad + (z.cluster ? kLabel : 0.0);
  return ok;
}

/// `blocks` (width, height) in `columns` columns, filled one after the other from the top:
/// the total width and height.
std::pair<double, double> columns_size(const std::vector<std::pair<double, double>>& blocks,
                                       std::size_t columns) {
  const std::size_t per_column = (blocks.size() + columns - 1) / columns;
  double w = 0, h = 0;
  for (std::size_t start = 0; start < blocks.size(); start += per_column) {
    double col_w = 0, col_h = 0;
    for (std::size_t i = start; i < std::min(blocks.size(), start + per_column); ++i) {
      col_w = std::max(col_w, blocks[i].first);
      col_h += blocks[i].second + (i > start ? kGap : 0.0);
    }
    w += col_w + (start > 0 ? kGap : 0.0);
    h = std::max(h, col_h);
  }
  return {w, h};
}

/// The columns that bring a box of `top_w` × `top_h` above `blocks` nearest kAspect.
std::size_t best_columns(const std::vector<std::pair<double, double>>& blocks, double top_w,
                         double top_h) {
  std::size_t best = 1;
  double best_score = 1e300;
  for (std::size_t c = 1; c <= blocks.size(); ++c) {
    auto [w, h] = columns_size(blocks, c);
    w = std::max(w, top_w);
    h += top_h + (top_h > 0 ? kGap : 0.0);
    const double score = std::abs(std::log(w / std::max(h, 1.0) / kAspect));
    if (score < best_score - 1e-9) best = c, best_score = score;
  }
  return best;
}

void measure(std::vector<Zone>& zones, std::size_t z) {
  Zone& zone = zones[z];
  std::vector<std::pair<double, double>> blocks;
  for (std::size_t c : zone.children) {
    measure(zones, c);
    blocks.emplace_back(zones[c].block_w, zones[c].block_h);
  }
  if (blocks.empty()) {
    zone.block_w = zone.box_w;
    zone.block_h = zone.box_h;
    return;
  }
  zone.columns = best_columns(blocks, zone.box_w, zone.box_h);
  auto [w, h] = columns_size(blocks, zone.columns);
  zone.block_w = std::max(w, zone.box_w);
  zone.block_h = zone.box_h + kGap + h;
}

/// Places `blocks` (zone indices) in `columns` columns (columns_size), centred in [x, x + width),
/// from y down.
void place_columns(std::vector<Zone>& zones, const std::vector<std::size_t>& blocks,
                   std::size_t columns, double x, double width, double y);

void place(std::vector<Zone>& zones, std::size_t z, double x, double y) {
  Zone& zone = zones[z];
  zone.x = x + (zone.block_w - zone.box_w) / 2;
  zone.y = y;
  if (!zone.children.empty())
    place_columns(zones, zone.children, zone.columns, x, zone.block_w, y + zone.box_h + kGap);
}

void place_columns(std::vector<Zone>& zones, const std::vector<std::size_t>& blocks,
                   std::size_t columns, double x, double width, double y) {
  std::vector<std::pair<double, double>> sizes;
  for (std::size_t b : blocks)
    sizes.emplace_back(zones[b].block_w, zones[b].block_h);
  double at = x + (width - columns_size(sizes, columns).first) / 2;
  const std::size_t per_column = (blocks.size() + columns - 1) / columns;
  for (std::size_t start = 0; start < blocks.size(); start += per_column) {
    const std::size_t end = std::min(blocks.size(), start + per_column);
    double col_w = 0;
    for (std::size_t i = start; i < end; ++i)
      col_w = std::max(col_w, zones[blocks[i]].block_w);
    double down = y;
    for (std::size_t i = start; i < end; ++i) {
      place(zones, blocks[i], at + (col_w - zones[blocks[i]].block_w) / 2, down);
      zones[blocks[i]].column_x = at;
      down += zones[blocks[i]].block_h + kGap;
    }
    at += col_w + kGap;
  }
}

/// Where the line from `from` towards `to` leaves the box of size (w, h) centred at `from`.
std::pair<double, double> clip(double fx, double fy, double w, double h, double tx, double ty) {
  const double dx = tx - fx, dy = ty - fy;
  if (dx == 0 && dy == 0) return {fx, fy};
  double t = 1e300;
  if (dx != 0) t = std::min(t, (w / 2) / std::abs(dx));
  if (dy != 0) t = std::min(t, (h / 2) / std::abs(dy));
  t = std::min(t, 1.0);
  return {fx + dx * t, fy + dy * t};
}

/// A polyline through `points` as a "pos" (cubic pieces with their control points on the
/// segments), with the arrowheads `dir` asks for: the first and last segments are cut short
/// by an arrowhead's length where one is drawn.
std::string polyline(std::vector<std::pair<double, double>> points, const std::string& dir) {
  const bool head = dir.empty() || dir == "forward" || dir == "both";
  const bool tail = dir == "back" || dir == "both";
  std::string out;
  auto cut = [](std::pair<double, double>& end, const std::pair<double, double>& other) {
    const double len = std::hypot(other.first - end.first, other.second - end.second);
    if (len <= 2 * kArrow) return;
    end.first += (other.first - end.first) / len * kArrow;
    end.second += (other.second - end.second) / len * kArrow;
  };
  if (tail) {
    out += fmt::format("s,{:.2f},{:.2f} ", points.front().first, points.front().second);
    cut(points.front(), points[1]);
  }
  if (head) {
    out += fmt::format("e,{:.2f},{:.2f} ", points.back().first, points.back().second);
    cut(points.back(), points[points.size() - 2]);
  }
  out += fmt::format("{:.2f},{:.2f}", points[0].first, points[0].second);
  for (std::size_t k = 1; k < points.size(); ++k)
    for (const auto& p : {points[k - 1], points[k], points[k]})
      out += fmt::format(" {:.2f},{:.2f}", p.first, p.second);
  return out;
}

}  // namespace

std::string png_dpi(Agraph_t* g) {
  const Box bb = parse_box(attr_of(g, "bb"));
  // Graphviz adds its pad (4 points a side) and rounds up: count 16 points more.
  const double longest = (std::max(bb.w(), bb.h()) + 16.0) * 96.0 / 72.0;
  if (longest <= kMaxPngPixels) return {};
  return fmt::format("{:.2f}", 96.0 * kMaxPngPixels / longest);
}

bool pin_like(Agraph_t* laid_out, Agraph_t* g) {
  if (agnnodes(g) != agnnodes(laid_out) || agnedges(g) != agnedges(laid_out)) return false;
  std::vector<std::pair<void*, std::string>> pins;  // set only once all match
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    Agnode_t* m = agnode(laid_out, agnameof(n), 0);
    if (!m) return false;
    pins.emplace_back(n, attr_of(m, "pos"));
    Agedge_t* f = agfstout(laid_out, m);
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e), f = f ? agnxtout(laid_out, f) : f) {
      if (!f || std::string(agnameof(aghead(f))) != agnameof(aghead(e))) return false;
      pins.emplace_back(e, attr_of(f, "pos"));
    }
    if (f) return false;
  }
  std::vector<std::tuple<Agraph_t*, std::string, std::string>> boxes;
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s)) {
    Agraph_t* t = agsubg(laid_out, agnameof(s), 0);
    if (!t) return false;
    boxes.emplace_back(s, attr_of(t, "bb"), attr_of(t, "lp"));
  }
  for (const auto& [obj, pos] : pins)
    agsafeset(obj, cs("pos"), cs(pos.c_str()), cs(""));
  for (const auto& [s, bb, lp] : boxes) {
    if (!bb.empty()) agsafeset(s, cs("bb"), cs(bb.c_str()), cs(""));
    if (!lp.empty()) agsafeset(s, cs("lp"), cs(lp.c_str()), cs(""));
  }
  agsafeset(g, cs("bb"), cs(attr_of(laid_out, "bb").c_str()), cs(""));
  if (const std::string lp = attr_of(laid_out, "lp"); !lp.empty())
    agsafeset(g, cs("lp"), cs(lp.c_str()), cs(""));
  return true;
}

bool wants_zoned_layout(Agraph_t* g) {
  const char* v = agget(g, cs(kLayoutAttribute));
  return v && std::string(v) == "zones" &&
         static_cast<std::size_t>(agnnodes(g)) >= kZonedLayoutNodes;
}

bool zoned_layout(GVC_t* gvc, Agraph_t* g, Agdisc_t* disc) {
  // Zones: the top-level clusters in their order, then the nodes outside every cluster.
  std::vector<Zone> zones;
  std::unordered_map<Agnode_t*, std::size_t> zone_of;
  for (Agraph_t* s = agfstsubg(g); s; s = agnxtsubg(s)) {
    if (std::string(agnameof(s)).rfind("cluster", 0) != 0) continue;
    Zone z;
    z.cluster = s;
    for (Agnode_t* n = agfstnode(s); n; n = agnxtnode(s, n))
      if (zone_of.emplace(n, zones.size()).second) z.nodes.push_back(n);
    if (!z.nodes.empty()) zones.push_back(std::move(z));
  }
  // A node outside every cluster joins the zone it hangs from (the first edge into it from a
  // zone, else the first out of it into one): the label of a flow between two zones stands
  // by its sender. The others are laid out together, as one more zone without a box.
  const std::size_t clustered = zones.size();
  std::vector<Agnode_t*> loose;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    if (!zone_of.count(n)) loose.push_back(n);
  for (Agnode_t* n : loose) {
    std::size_t home = SIZE_MAX;
    for (Agedge_t* e = agfstin(g, n); e && home == SIZE_MAX; e = agnxtin(g, e))
      if (auto it = zone_of.find(agtail(e)); it != zone_of.end() && it->second < clustered)
        home = it->second;
    for (Agedge_t* e = agfstout(g, n); e && home == SIZE_MAX; e = agnxtout(g, e))
      if (auto it = zone_of.find(aghead(e)); it != zone_of.end() && it->second < clustered)
        home = it->second;
    if (home == SIZE_MAX) continue;
    zone_of.emplace(n, home);
    zones[home].nodes.push_back(n);
  }
  Zone outside;
  for (Agnode_t* n : loose)
    if (zone_of.emplace(n, zones.size()).second) outside.nodes.push_back(n);
  if (!outside.nodes.empty()) zones.push_back(std::move(outside));
  // Edges: inside a zone, or between zones (drawn last, over the placed zones); the first edge into
  // a zone from another zone hangs it below that one, unless that would close a cycle.
  std::vector<Agedge_t*> between;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      const std::size_t a = zone_of.at(agtail(e)), b = zone_of.at(aghead(e));
      if (a == b) {
        zones[a].edges.push_back(e);
        continue;
      }
      between.push_back(e);
      if (!zones[a].cluster || !zones[b].cluster || zones[b].parent != SIZE_MAX) continue;
      std::size_t up = a;
      while (up != SIZE_MAX && up != b)
        up = zones[up].parent;
      if (up == SIZE_MAX) zones[b].parent = a;
    }
  // Layouts, each zone after the one it hangs from: its nodes, and its place among its
  // siblings, follow the x of the nodes its edges come from there.
  std::vector<std::size_t> roots;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zones[z].parent == SIZE_MAX) {
      roots.push_back(z);
    } else {
      zones[zones[z].parent].children.push_back(z);
    }
  }
  std::vector<std::size_t> order = roots;
  for (std::size_t k = 0; k < order.size(); ++k)
    for (std::size_t c : zones[order[k]].children)
      order.push_back(c);
  std::vector<bool> done(zones.size(), false);
  for (std::size_t z : order) {
    std::unordered_map<Agnode_t*, double> key;
    bool keyed = false;
    for (Agedge_t* e : between) {
      const std::size_t from = zone_of.at(agtail(e));
      if (zone_of.at(aghead(e)) != z || !done[from]) continue;
      const double x = zones[from].at.at(agtail(e)).x;
      key.emplace(aghead(e), x);
      if (from == zones[z].parent && !keyed) zones[z].key = x, keyed = true;
    }
    if (!lay_out_zone(gvc, g, disc, zones[z], z, key)) return false;
    done[z] = true;
  }
  for (Zone& z : zones)
    std::stable_sort(z.children.begin(), z.children.end(),
                     [&](std::size_t a, std::size_t b) { return zones[a].key < zones[b].key; });
  // Placement: the roots (zones hanging from none) in columns, each zone's children below it.
  std::vector<std::pair<double, double>> root_blocks;
  for (std::size_t r : roots) {
    measure(zones, r);
    root_blocks.emplace_back(zones[r].block_w, zones[r].block_h);
  }
  const std::size_t columns = best_columns(root_blocks, 0, 0);
  const auto [width, height] = columns_size(root_blocks, columns);
  const std::string title = attr_of(g, "label");
  const double title_h =
      title.empty()
          ? 0.0
          : kTitleLine * static_cast<double>(1 + std::count(title.begin(), title.end(), '\n'));
  const double top = title_h + kGap;
  place_columns(zones, roots, columns, kGap, width, top);
  const double total_w = width + 2 * kGap, total_h = top + height + kGap;
  // Pin everything: y upwards from the bottom, as Graphviz has it.
  std::unordered_map<Agnode_t*, NodeBox> placed;
  for (Zone& z : zones) {
    const double dx = z.x + kPad - z.bb.llx;
    const double dy = total_h - z.y - (z.cluster ? kLabel : 0.0) - kPad - z.bb.ury;
    for (Agnode_t* n : z.nodes) {
      NodeBox b = z.at.at(n);
      b.x += dx, b.y += dy;
      placed[n] = b;
      agsafeset(n, cs("pos"), cs(fmt::format("{:.2f},{:.2f}", b.x, b.y).c_str()), cs(""));
    }
    for (std::size_t i = 0; i < z.edges.size(); ++i)
      agsafeset(z.edges[i], cs("pos"), cs(spline_pos(z.edge_splines[i], dx, dy).c_str()), cs(""));
    if (z.cluster) {
      const double top_y = total_h - z.y;
      agsafeset(
          z.cluster, cs("bb"),
          cs(fmt::format("{:.2f},{:.2f},{:.2f},{:.2f}", z.x, top_y - z.box_h, z.x + z.box_w, top_y)
                 .c_str()),
          cs(""));
      agsafeset(z.cluster, cs("lp"),
                cs(fmt::format("{:.2f},{:.2f}", z.x + z.box_w / 2, top_y - kLabel / 2).c_str()),
                cs(""));
    }
  }
  // Between zones: an edge into a zone below its tail's zone runs down out of the tail's
  // zone, along the channel under it, down the gap left of the head zone's column, along the
  // channel above the head zone and into the head (a zone right below needs no gap). Edges
  // going the same way share these channels, like a bus; others are straight.
  for (Agedge_t* e : between) {
    const auto [tx, ty, tw, th] = placed.at(agtail(e));
    const auto [hx, hy, hw, hh] = placed.at(aghead(e));
    const Zone& from = zones[zone_of.at(agtail(e))];
    const Zone& to = zones[zone_of.at(aghead(e))];
    const std::string dir = attr_of(e, "dir");
    if (from.cluster && to.cluster && to.y > from.y + from.box_h) {
      const double below_from = total_h - from.y - from.box_h - kGap / 2;
      const double above_to = total_h - to.y + kGap / 2;
      std::vector<std::pair<double, double>> p = {{tx, ty - th / 2}, {tx, below_from}};
      if (below_from - above_to > 1) {
        const double gap_x = to.column_x - kGap / 2;
        p.emplace_back(gap_x, below_from);
        p.emplace_back(gap_x, above_to);
      }
      p.emplace_back(hx, above_to);
      p.emplace_back(hx, hy + hh / 2);
      agsafeset(e, cs("pos"), cs(polyline(std::move(p), dir).c_str()), cs(""));
      continue;
    }
    const auto [ax, ay] = clip(tx, ty, tw, th, hx, hy);
    const auto [bx, by] = clip(hx, hy, hw, hh, tx, ty);
    agsafeset(e, cs("pos"), cs(polyline({{ax, ay}, {bx, by}}, dir).c_str()), cs(""));
  }
  agsafeset(g, cs("bb"), cs(fmt::format("0,0,{:.2f},{:.2f}", total_w, total_h).c_str()), cs(""));
  if (!title.empty())
    agsafeset(g, cs("lp"),
              cs(fmt::format("{:.2f},{:.2f}", total_w / 2, total_h - title_h / 2).c_str()), cs(""));
  return true;
}

}  // namespace icsrisk::report::detail
