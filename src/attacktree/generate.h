#pragma once
// Attack trees generated from the business-impact analysis, and the tree file writer.

#include <string>

#include "attacktree/tree.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::attacktree {

/// The attack tree of one scenario (method.md §8), shaped like the guide's: the root <or>
/// (id g0, the scenario's name) over the entry points, in the order of their first listed
/// route; under an entry point with several listed routes an <or> (id g1, g2, …, the entry's
/// name) over them, an entry with one route hangs it under the root. Each route is a <sand>
/// (id r<i>, i its rank in the listing; named "entry: asset → … → target" with asset names,
/// ids where names are missing) of its steps in route order — a route's steps happen one after
/// the other, so its time is their sum — each step (id r<i>s<j>, named "source → destination")
/// carrying the measures the analysis counted for it. A step that several routes share (same
/// entry point for an entry step; same source, destination and method) is one node,
/// referenced from each route, so the exact probability treats it as one event. A scenario without
/// routes gives a single leaf "no-route" with probability 0 and level 3. Ids: tree "at-<scenario
/// id>".
Tree tree_of_scenario(const model::Model& m, const model::Profile& p, const risk::ScenarioRisk& s);

/// The tree as a file (design.md "Attack-tree file (XML)"): two-space indentation, LF endings,
/// attributes in a fixed order, text escaped for XML. A node met a second time in the
/// depth-first, left-to-right walk is written as <ref node="…"/>. A countermeasure's function
/// and stage are written only where they differ from `profile`'s entry for it (or when it is
/// not in the profile). Deterministic: the same tree gives the same bytes.
std::string write_tree(const Tree& t, const model::Profile* profile = nullptr);

}  // namespace icsrisk::attacktree
