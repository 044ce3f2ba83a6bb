#pragma once
// System-configuration and data-flow diagrams of a plant model (design.md "Reports",
// Diagrams), written as DOT text with report/dot.h. Rendering is report/render.h.

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "report/dot.h"

namespace icsrisk::report {

enum class View {
  kSystem,    ///< zones, networks as buses, assets, entry points
  kDataflow,  ///< assets in their zones, one edge per data flow
};

/// Parses "system" / "dataflow"; false for anything else.
bool parse_view(std::string_view s, View& out);

/// Zones in drawing order: Purdue level, highest first (zones without one last), then model
/// order. Purdue order top to bottom is how plant engineers draw their networks.
std::vector<std::size_t> zone_order(const model::Model& m);

/// The default DiagramOptions::flow_label_limit.
inline constexpr std::size_t kFlowLabelLimit = 1000;

/// What a diagram shows and in which language. The hook for later views: a routes view
/// ("routes drawn over the configuration") draws the system view with write_system() into
/// its own writer and adds its emphasis through the node ids below; attack-tree diagrams
/// reuse dot::Writer and the shared style from graph_defaults().
struct DiagramOptions {
  model::Lang lang = model::Lang::kJa;  ///< legend, titles, type and vector names
  bool legend = true;                   ///< add a legend cluster
  bool title = true;                    ///< graph label: system name and view name
  bool muted = false;  ///< system view in pale colours (the background of the routes view)
  /// System view only: when set (one flag per asset), draw just these assets, the networks
  /// they connect to, the entry points on either, and the zones that hold any of them. The
  /// routes view of a plant too large to draw whole uses it. Not owned.
  const std::vector<bool>* shown_assets = nullptr;
  /// With shown_assets: further networks to draw (one flag per network), e.g. those of the
  /// entry points a route starts from. Not owned; may be null.
  const std::vector<bool>* shown_networks = nullptr;
  /// Data-flow view only: above this many flows each flow is one plain edge sender -> receiver
  /// (its data, protocol and id as the edge's tooltip) instead of an edge through a label node,
  /// and the title says so. The label nodes triple what dot lays out: at 3,000 flows the layout
  /// takes ~20 s of CPU with them and ~0.5 s without (issue 17, README "Limits").
  std::size_t flow_label_limit = kFlowLabelLimit;
};

/// DOT node ids, derived from model ids (never pointers): "a:ID", "n:ID", "e:ID", "z:ID".
std::string asset_node(const model::Asset& a);
std::string network_node(const model::Network& n);
std::string entry_node(const model::Entry& e);

/// Graph, node and edge defaults shared by every diagram: the Japanese-capable font
/// (IPAexGothic, package fonts-ipaexfont), UTF-8, sizes.
void graph_defaults(dot::Writer& w);

/// Writes the body of the system view into `w`: one cluster per zone (ordered by Purdue level,
/// highest first; then model order), networks as bus nodes, assets shaped by category and
/// filled by importance, filtering devices marked, one-way gateways with arrows from the
/// upstream to the downstream network, entry points with an edge to their asset or network,
/// an edge per <connect>. The model must be linked against `profile` (unresolved references
/// are skipped). Linear in the model size.
void write_system(dot::Writer& w, const model::Model& m, const model::Profile& profile,
                  const DiagramOptions& options);

/// Writes the body of the data-flow view: the assets that send or receive a flow, in zone
/// clusters ordered as in the system view, and one edge per flow from sender to receiver
/// through a small label node "data" / "protocol" (node id "f:FLOW-ID"), so parallel flows
/// stay separate and labels never overlap. Flows that leave their zone are blue. Linear in the
/// model size.
void write_dataflow(dot::Writer& w, const model::Model& m, const model::Profile& profile,
                    const DiagramOptions& options);

/// A complete DOT document for `view` (deterministic, LF endings).
std::string diagram_dot(View view, const model::Model& m, const model::Profile& profile,
                        const DiagramOptions& options = {});

}  // namespace icsrisk::report
