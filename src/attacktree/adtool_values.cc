// ADTool 2's evaluation of defence sub-trees (adtool_parts.h), from its domain classes
// (lu.uni.adtool.domains.adtpredefined): ProbSucc (OR 1 − Π(1 − x), AND Π x, countered
// x·(1 − y)), MinCost and MinTimeSeq (attacker OR min, AND sum; defender OR sum, AND min;
// countered attack x + y, countered defence min(x, y)), MinTimePar (as MinTimeSeq with max for
// sum), MinSkill (attacker OR min, AND max; defender OR max, AND min; countered as MinTimePar).
// A defender's basic value is ∞ in every domain but ProbSucc (ADTool does not let it be edited).

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "attacktree/adtool_parts.h"

namespace icsrisk::attacktree::adtool {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// The attacker's values of a counter-attack sub-tree: probability, cost, time, skill.
struct AttackValue {
  double p = 0, cost = 0, time = 0, skill = 0;
};

AttackValue attack_value(const Node& a, const Domains& doms, core::Diagnostics& diags);

/// x·(1 − y) on success probabilities, written on the attack's side as a factor: exact when
/// the defence surely succeeds (factor = the counter-attack's probability) or never does.
double countered_factor(double defence_factor, double attack_p) {
  if (defence_factor == 0) return attack_p;
  if (defence_factor == 1) return 1;
  return 1 - (1 - defence_factor) * (1 - attack_p);
}

AttackValue basic_attack(const Node& a, const Domains& doms, core::Diagnostics& diags) {
  static const std::array<const char*, kDomains> kWhat = {"probability", "cost", "time", "skill"};
  AttackValue v;
  double* slot[kDomains] = {&v.p, &v.cost, &v.time, &v.skill};
  for (std::size_t d = 0; d < kDomains; ++d) {
    if (!doms.present[d]) continue;
    if (a.values[d])
      *slot[d] = *a.values[d];
    else
      diags.error(a.loc, fmt::format("the counter-attack '{}' has no {}", a.label, kWhat[d]));
  }
  return v;
}

AttackValue attack_value(const Node& a, const Domains& doms, core::Diagnostics& diags) {
  AttackValue v;
  if (a.children.empty()) {
    v = basic_attack(a, doms, diags);
  } else {
    v = {a.conjunctive ? 1.0 : 0.0, a.conjunctive ? 0 : kInf, a.conjunctive ? 0 : kInf,
         a.conjunctive ? 0 : kInf};
    for (const Node& c : a.children) {
      AttackValue x = attack_value(c, doms, diags);
      if (a.conjunctive) {
        v = {v.p * x.p, v.cost + x.cost,
             doms.sequential ? v.time + x.time : std::max(v.time, x.time),
             std::max(v.skill, x.skill)};
      } else {
        v = {1 - (1 - v.p) * (1 - x.p), std::min(v.cost, x.cost), std::min(v.time, x.time),
             std::min(v.skill, x.skill)};
      }
    }
  }
  if (a.counter) {
    DefenceValue d = defence_value(*a.counter, doms, diags);
    v = {v.p * d.factor, v.cost + d.cost,
         doms.sequential ? v.time + d.time : std::max(v.time, d.time), std::max(v.skill, d.skill)};
  }
  return v;
}

}  // namespace

DefenceValue defence_value(const Node& d, const Domains& doms, core::Diagnostics& diags) {
  DefenceValue v;
  if (d.children.empty()) {
    v = {1 - d.values[kProb].value_or(0), kInf, kInf, kInf};
  } else if (d.children.size() == 1) {
    v = defence_value(d.children.front(), doms, diags);
  } else {
    v = {1.0, d.conjunctive ? kInf : 0, d.conjunctive ? kInf : 0, d.conjunctive ? kInf : 0};
    double all_succeed = 1;  // conjunctive: the group succeeds when every member does
    for (const Node& c : d.children) {
      DefenceValue x = defence_value(c, doms, diags);
      if (d.conjunctive) {
        all_succeed *= 1 - x.factor;
        v = {v.factor, std::min(v.cost, x.cost), std::min(v.time, x.time),
             std::min(v.skill, x.skill)};
      } else {
        v = {v.factor * x.factor, v.cost + x.cost,
             doms.sequential ? v.time + x.time : std::max(v.time, x.time),
             std::max(v.skill, x.skill)};
      }
    }
    if (d.conjunctive) v.factor = 1 - all_succeed;
  }
  if (d.counter) {
    AttackValue a = attack_value(*d.counter, doms, diags);
    v = {countered_factor(v.factor, a.p), std::min(v.cost, a.cost), std::min(v.time, a.time),
         std::min(v.skill, a.skill)};
  }
  return v;
}

}  // namespace icsrisk::attacktree::adtool
