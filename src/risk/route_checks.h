#pragma once
// Warnings about a model's attack routes (method.md §7) that need the reachability graph: an
// explicit attack base that no route can use, and an entry point that reaches no scenario's
// target. Each is reported at its element's position, with the reason.

#include "core/diagnostics.h"
#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"

namespace icsrisk::risk {

/// Warns, for a linked, error-free model:
/// - at each explicit base (`bases` of a scenario) that no route can use: its flows to the
///   target cannot be routed, or no entry point reaches it;
/// - at each entry point from which no route reaches the target of any scenario (none when the
///   model has no scenario): its entry step reaches no asset, or no attack base is reachable.
/// O(S · (A + C + F)) for S scenarios, A assets, C connections and F flows.
void report_route_problems(const model::Model& model, const model::Profile& profile,
                           const Coverage& coverage, const graph::Topology& topology,
                           core::Diagnostics& diags);

/// The same, building the coverage and the topology.
void report_route_problems(const model::Model& model, const model::Profile& profile,
                           core::Diagnostics& diags);

}  // namespace icsrisk::risk
