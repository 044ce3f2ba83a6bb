#pragma once
// Ranked minimal attack sets (issue 12, item 3): the k most probable, cheapest or fastest,
// each with its values, drawn from the minimal sets' ZDD without listing them all.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "attacktree/minimal_sets.h"
#include "attacktree/tree.h"

namespace icsrisk::attacktree {

/// kPareto: the Pareto front of attacker cost vs success probability (the sets no other set
/// beats on both: as cheap or cheaper and as likely or likelier), cheapest first.
enum class Rank { kProbability, kCost, kTime, kPareto };

/// "probability", "cost", "time", "pareto".
const char* rank_name(Rank r);

/// A minimal attack set with its values.
struct AttackSet {
  std::vector<std::string> events;    ///< ids, in tree order
  std::optional<double> probability;  ///< Π p over its events; nullopt when one lacks it
  std::optional<double> cost;         ///< Σ cost over its events; nullopt when one lacks it
  /// The tree's time with only these events done (OR: the fastest available branch, AND: the
  /// longest child, SAND: the sum); nullopt when one of its events lacks a time.
  std::optional<double> time;
};

struct RankedSets {
  Rank by = Rank::kProbability;
  std::vector<AttackSet> sets;  ///< best first; empty when not ranked
  std::string not_ranked;       ///< why the sets are not ranked, when they are not
  /// The search stopped at its bound (SetFamily::lightest) before listing k sets: `sets` are
  /// the best ones, but fewer than asked and than there are.
  bool stopped = false;
};

/// The values of one set of basic events (node indices).
AttackSet attack_set(const Tree& t, const std::vector<std::size_t>& events);

/// The nodes an attack takes (indexed like t.nodes): the basic events of `events` and every
/// gate they satisfy (OR: one child taken, AND and SAND: all). O(nodes + edges).
std::vector<bool> attack_nodes(const Tree& t, const std::vector<std::size_t>& events);

/// The k best sets of `family` (variable v is basic event events[v]): by probability
/// (largest Π p first) and by cost (smallest Σ first) through a k-best search on the ZDD,
/// O(k · depth · log) — sets of probability 0 are not listed; by time, every set is evaluated
/// (the time of a set is not a sum over its events), so only when the number of sets times
/// the tree's size stays within `max_work`; the Pareto front from every set, listed by cost
/// (at most kMaxParetoSets sets, else not ranked), its first k. Not ranked (with the reason) when
/// an event lacks the value. Equal values keep a deterministic order.
inline constexpr std::size_t kMaxParetoSets = 1000000;

RankedSets rank_sets(const Tree& t, const std::vector<std::size_t>& events, const SetFamily& family,
                     Rank by, std::size_t k, std::size_t max_work);

}  // namespace icsrisk::attacktree
