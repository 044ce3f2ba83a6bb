#pragma once
// Pieces of the ADTool 2 importer (adtool_import.cc): the file's nodes as read, and ADTool's own
// evaluation of the defence sub-trees that become countermeasure effects.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"

namespace icsrisk::attacktree::adtool {

/// Our domains that ADTool has: ProbSucc, MinCost, MinTimePar / MinTimeSeq, MinSkill.
enum Dom : std::size_t { kProb, kCost, kTime, kSkill, kDomains };

using Values = std::array<std::optional<double>, kDomains>;

/// Which of our domains the file has, and how its time combines.
struct Domains {
  std::array<bool, kDomains> present{};
  bool sequential = false;  ///< MinTimeSeq: a conjunction adds times (else MinTimePar: max)
  bool any() const { return present[0] || present[1] || present[2] || present[3]; }
};

/// One <node> of the file.
struct Node {
  core::Loc loc;
  std::string label;
  bool conjunctive = false;
  bool sequential = false;        ///< <sandtree>: refinement="sequential", our <sand>
  bool defender = false;          ///< the node's role (root: the attacker)
  Values values;                  ///< its `basic` parameters in the domains read
  std::vector<Node> children;     ///< the children of its own role, in order
  std::unique_ptr<Node> counter;  ///< its last child of the other role, if any
};

/// What a defence does to the attacker's node it counters, in ADTool's semantics: the factor
/// on the attack's success probability (1 − the defence's success probability), and the
/// attacker's cost, time and skill to overcome it (∞: it cannot be overcome).
struct DefenceValue {
  double factor = 1;
  double cost = 0, time = 0, skill = 0;
};

/// ADTool's value of the defence sub-tree `d` (a node of the defender): a basic defence
/// succeeds with its ProbSucc and cannot be overcome in the other domains; a counter-attack
/// lowers its success (d·(1 − a)) and makes it overcomable at the attack's cost, time and
/// skill; a disjunctive group succeeds when any member does (the attacker must overcome each),
/// a conjunctive one when all do (the attacker overcomes the cheapest). A counter-attack's
/// missing value is an error at it. Recursion bounded by the file's nesting (checked on read).
DefenceValue defence_value(const Node& d, const Domains& domains, core::Diagnostics& diags);

}  // namespace icsrisk::attacktree::adtool
