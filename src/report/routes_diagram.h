#pragma once
// The routes view (design.md "Reports", Diagrams: "routes drawn over the configuration"): the
// system view in pale colours with the worst listed attack routes of one scenario (method.md §7)
// drawn over it, written as DOT text with report/dot.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "report/diagram.h"
#include "report/dot.h"
#include "risk/results.h"

namespace icsrisk::report {

/// The default RoutesDiagramOptions::max_drawn.
inline constexpr std::size_t kRoutesDrawnLimit = 40;

struct RoutesDiagramOptions {
  /// Language and title as in the other views; `legend` adds the route key (a table of the
  /// drawn routes). `muted` is ignored: the configuration is always drawn pale.
  DiagramOptions diagram;
  /// K: the first K listed routes are drawn, and besides them the first listed route of every
  /// entry point and of every attack base (method.md §7 "Routes listed": the drawing shows the
  /// whole exposure, as the list does).
  std::size_t max_routes = 5;
  /// Draw only the part of the configuration the drawn routes touch (their assets, the target
  /// and the attack bases, with their networks, entry points and zones): for a plant too large
  /// to draw whole (assessment::kRenderAssetLimit).
  bool focus = false;
  /// At most this many routes are drawn: the rule above can pick one route per attack base,
  /// and a scenario with thousands of bases (every asset of one LAN sending to the target) then
  /// never finishes laying out. Routes past the limit are left out in listing order (the worst
  /// are kept) and the title says how many (issue 13 item 11, README "Limits"). A larger
  /// max_routes raises the cap to it.
  std::size_t max_drawn = kRoutesDrawnLimit;
};

/// The DOT `class` of the one overlay edge that carries a step's label: exactly one per drawn
/// step. The further edges of a step that crosses filtering devices have kRouteViaClass.
inline constexpr const char* kRouteStepClass = "route-step";
inline constexpr const char* kRouteViaClass = "route-via";

/// Every scenario id of the model, in model order (impacts, then their scenarios).
std::vector<std::string_view> scenario_ids(const model::Model& m);

/// The row of `rows` (as returned by risk::analyze) for the scenario with id `id`, or nullptr.
const risk::ScenarioRisk* find_scenario_risk(const model::Model& m,
                                             const std::vector<risk::ScenarioRisk>& rows,
                                             std::string_view id);

/// Writes the routes view of scenario row `s` into `w`: write_system() muted, without its
/// legend; the assets and entry points of the drawn routes in their normal colours; the target
/// with a thick red border and the attack bases (explicit, else the senders of a flow to the
/// target) with a dashed purple one; then, for the first K routes of `s.routes` (worst first),
/// one edge per step, coloured by the route's risk, from the entry point or the step's source
/// asset through each crossed filtering device (`via`) to its destination, with the xlabel
/// "R<route>-<step> <method name>" and `constraint=false` so the configuration keeps its
/// layout. The title names the scenario and its risk, or says that no route reaches the target.
/// `m` must be linked against `p` and `s` must come from analysing them. Linear in the model
/// size plus the drawn steps.
void write_routes(dot::Writer& w, const model::Model& m, const model::Profile& p,
                  const risk::ScenarioRisk& s, const RoutesDiagramOptions& options);

/// A complete DOT document of the routes view (deterministic, LF endings).
std::string routes_dot(const model::Model& m, const model::Profile& p, const risk::ScenarioRisk& s,
                       const RoutesDiagramOptions& options = {});

}  // namespace icsrisk::report
