#pragma once
// The heat map of a scenario (method.md §9): the system view with every asset shaded by
// visit(v), the probability that the attacker ever holds it, written as DOT text.

#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"
#include "report/diagram.h"

namespace icsrisk::report {

/// The fill colour of a probability in [0, 1]: white at 0 to dark red at 1 ("#rrggbb").
std::string heat_colour(double p);

/// Shades a node of a heat map: filled heat_colour(shade), its text readable on that fill, and
/// outlined in red (penwidth 4) when it holds the scenario's target. Attributes already in
/// `at` are replaced where they stand, the others appended.
void shade_node(dot::Attrs& at, double shade, bool target);

/// A complete DOT document: the system view (write_system) muted and without its legend, each
/// asset re-declared filled with heat_colour(visit / the scenario's highest visit) and a line
/// "visit 0.123" in its label, the target outlined in red; titled with the scenario's name,
/// p_goal and the highest visit (the darkest shade). Deterministic; linear in
/// the model size.
std::string heat_map_dot(const model::Model& m, const model::Profile& p,
                         const model::Scenario& scenario, const quant::ScenarioQuant& q,
                         const DiagramOptions& options);

}  // namespace icsrisk::report
