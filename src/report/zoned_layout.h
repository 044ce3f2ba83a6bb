#pragma once
// Internal to src/report (render.cc): laying out a large zoned diagram zone by zone (issue 17).
//
// dot lays a plant out as one hierarchy: every zone hanging from the same place, every network
// of a zone, stands side by side in the same ranks, so a 1,000-asset plant came out a strip
// a hundred times wider than tall. The zoned layout instead
// 1. lays out each top-level cluster (a zone) on its own with dot, its nodes and the edges
//    inside it (a node outside every cluster joins the zone it hangs from); the blocks of a
//    zone (each node without an edge into it from inside the zone, with what hangs below it)
//    are stacked in columns when there are more than a few, in the order of what they hang
//    from;
// 2. places the zones as a tree (a zone hangs below the zone the first edge into it comes
//    from; the others are roots), each zone's children in columns under it, as many columns
//    as bring the block nearest a landscape page;
// 3. pins every node, cluster box and label there, draws the edges inside a zone as dot did
//    and the edges between zones along channels between the boxes (straight when the head's
//    zone is not below the tail's), and leaves the graph for the "nop2" engine (neato -n2),
//    which renders it without another layout.
// Nodes, labels, colours and edges are those of the DOT text: only positions differ.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstddef>
#include <string>

#include "report/render.h"

namespace icsrisk::report::detail {

/// Whether `g` asks for the zoned layout (kLayoutAttribute = "zones") and has at least
/// kZonedLayoutNodes nodes; smaller ones keep dot's layout.
bool wants_zoned_layout(Agraph_t* g);

/// Lays `g` out as above, with graphs for the zones read through `disc` (ordered ids, for the
/// same layout every time), and attaches the positions; then gvLayout(gvc, g, "nop2") renders
/// it. False when a zone's layout failed (the caller reports Graphviz's messages).
bool zoned_layout(GVC_t* gvc, Agraph_t* g, Agdisc_t* disc);

/// Gives `g` the positions of `laid_out` (a graph laid out by zoned_layout and pinned): every
/// node by name, every cluster by name, every edge in order, the drawing's box and title. For
/// graphs of the same structure whose attributes differ (the heat maps of a plant's scenarios).
/// False, and `g` unchanged in what matters, when the structures differ: lay it out itself.
bool pin_like(Agraph_t* laid_out, Agraph_t* g);

/// The longest side, in pixels, of a zoned drawing's PNG.
inline constexpr double kMaxPngPixels = 12000;

/// The "dpi" that brings the zoned drawing `g` (laid out by zoned_layout) within
/// kMaxPngPixels on its longest side; empty when 96 dpi does already. The SVG keeps the
/// natural size (it scales without loss).
std::string png_dpi(Agraph_t* g);

}  // namespace icsrisk::report::detail
