#pragma once
// The chain of method.md §9 written again for the quant tests, from the method's words alone:
// own step enumeration (every pair of assets, the bases rule, entry landings by segment), with
// the step levels of the public §7 query (risk::StepLevels). Solved two independent ways: an
// exact dense solve (Eigen dense, tests only) and a seeded Monte-Carlo simulation of the walk.

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/scenario_steps.h"

namespace icsrisk::testing {

/// A step of the reference chain; `to` = kGoal for the final step.
struct RefStep {
  std::size_t to;
  int level;
  double ds = 0.0;  ///< added to the step's s by the dense solve (finite differences)
};
inline constexpr std::size_t kGoal = static_cast<std::size_t>(-2);

struct RefChain {
  std::size_t n = 0;
  std::vector<std::vector<RefStep>> at;     ///< per asset, its steps
  std::vector<std::vector<RefStep>> entry;  ///< per entry point, its entry steps
  model::QuantParams q;
};

/// §9 "Chain of a scenario", with the §7 steps.
inline RefChain reference_chain(const model::Model& m, const model::Profile& p,
                                const graph::Topology& topo, const risk::StepLevels& levels,
                                const model::Scenario& sc) {
  RefChain c;
  c.n = m.assets.size();
  c.q = p.quant;
  c.at.resize(c.n);
  const std::size_t t = sc.target_index, a = sc.attack_index;
  const std::size_t lateral = p.find_threat(p.lateral_method);
  auto is_base = [&](std::size_t u) {
    bool listed =
        sc.base_indices.empty()
            ? std::any_of(
                  m.flows.begin(), m.flows.end(),
                  [&](const model::Flow& f) { return f.from_index == u && f.to_index == t; })
            : std::find(sc.base_indices.begin(), sc.base_indices.end(), u) != sc.base_indices.end();
    return listed || (sc.access == model::Access::kSegment && topo.share_segment(u, t));
  };
  for (std::size_t u = 0; u < c.n; ++u) {
    if (u == t) {
      if (auto l = levels.level(t, t, a, false, &sc)) c.at[u].push_back({kGoal, *l});
      continue;
    }
    for (std::size_t v = 0; v < c.n; ++v)
      if (v != u && v != t)
        if (auto l = levels.level(u, v, lateral, false)) c.at[u].push_back({v, *l});
    if (is_base(u))
      if (auto l = levels.level(u, t, a, false, &sc)) c.at[u].push_back({kGoal, *l});
  }
  for (const model::Entry& e : m.entries) {
    std::vector<RefStep> steps;
    std::size_t method = p.find_threat(p.vectors[e.vector_index].method);
    for (std::size_t v = 0; v < c.n; ++v) {
      bool lands = e.asset_index == v;
      if (e.network_index != model::kNone) {
        std::size_t s = topo.segment_of_network(e.network_index);
        for (std::size_t sv : topo.segments_of(v))
          lands = lands || sv == s;
      }
      if (lands)
        if (auto l = levels.level(model::kNone, v, method, false)) steps.push_back({v, *l});
    }
    c.entry.push_back(std::move(steps));
  }
  return c;
}

/// Exact values of the chain started at `outside` picking among `entries`.
struct RefValues {
  double p_goal = 0, attempts = 0;
  std::vector<double> visit;
  std::vector<double> goal_from;  ///< p_goal from each state: [outside, assets…]
};

/// Every entry point of `c`: the attacker picks among all of them (§9).
inline std::vector<std::size_t> all_entries(const RefChain& c) {
  std::vector<std::size_t> e(c.entry.size());
  std::iota(e.begin(), e.end(), 0);
  return e;
}

/// Dense: N = (I − Q)⁻¹ over [outside, assets]; the row sums and ratios of §9 "Results".
inline RefValues dense_solve(const RefChain& c, const std::vector<std::size_t>& entries) {
  const auto n = static_cast<Eigen::Index>(c.n) + 1;  // state 0: outside
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd goal = Eigen::VectorXd::Zero(n), att = Eigen::VectorXd::Zero(n);
  auto row = [&](Eigen::Index from, const std::vector<RefStep>& steps, double pick) {
    for (const RefStep& s : steps) {
      double w = pick / static_cast<double>(steps.size());
      double sp = c.q.s[s.level] + s.ds, cp = c.q.c[s.level];
      q(from, from) += w * (1 - sp - cp);
      if (s.to == kGoal)
        goal[from] += w * sp;
      else
        q(from, static_cast<Eigen::Index>(s.to) + 1) += w * sp;
    }
  };
  for (std::size_t e : entries)
    row(0, c.entry[e], 1.0 / static_cast<double>(entries.size()));
  att[0] = entries.empty() ? 0.0 : 1.0;  // an entry without a step ends the attack: 1 attempt
  for (std::size_t u = 0; u < c.n; ++u) {
    row(static_cast<Eigen::Index>(u) + 1, c.at[u], 1.0);
    att[static_cast<Eigen::Index>(u) + 1] = c.at[u].empty() ? 0.0 : 1.0;
  }
  Eigen::MatrixXd nm = (Eigen::MatrixXd::Identity(n, n) - q).inverse();
  RefValues out;
  out.p_goal = nm.row(0).dot(goal);
  out.attempts = nm.row(0).dot(att);
  for (Eigen::Index v = 1; v < n; ++v)
    out.visit.push_back(nm(0, v) / nm(v, v));
  Eigen::VectorXd g = nm * goal;
  out.goal_from.assign(g.data(), g.data() + n);
  return out;
}

/// Monte-Carlo estimates with their standard errors.
struct McValues {
  double p_goal = 0, p_goal_se = 0, attempts = 0, attempts_se = 0;
  std::vector<double> visit;
};

/// `runs` walks of §9, seeded: at `outside` pick an entry uniformly (one without entry step
/// ends the walk), then one of its steps; at an asset one of its steps (none: the walk ends);
/// an attempt succeeds with s, stops with c, else stays.
inline McValues monte_carlo(const RefChain& c, const std::vector<std::size_t>& entries, int runs,
                            unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  auto pick = [&](std::size_t k) {
    return std::uniform_int_distribution<std::size_t>(0, k - 1)(rng);
  };
  McValues out;
  out.visit.assign(c.n, 0.0);
  double goals = 0, sum = 0, sum2 = 0;
  std::vector<int> seen(c.n, -1);
  for (int r = 0; r < runs; ++r) {
    std::size_t at = kGoal - 1;  // outside
    double attempts = 0;
    while (true) {
      const bool outside = at == kGoal - 1;
      if (outside && entries.empty()) break;
      const std::vector<RefStep>& steps =
          outside ? c.entry[entries[pick(entries.size())]] : c.at[at];
      if (steps.empty()) {
        if (outside) attempts += 1;  // the attempt at outside picked an entry without a step
        break;
      }
      const RefStep& s = steps[pick(steps.size())];
      attempts += 1;
      double x = u01(rng);
      if (x < c.q.s[s.level]) {
        if (s.to == kGoal) {
          goals += 1;
          break;
        }
        at = s.to;
        if (seen[at] != r) out.visit[at] += 1;
        seen[at] = r;
      } else if (x < c.q.s[s.level] + c.q.c[s.level]) {
        break;
      }
    }
    sum += attempts;
    sum2 += attempts * attempts;
  }
  const double n = runs;
  out.p_goal = goals / n;
  out.p_goal_se = std::sqrt(out.p_goal * (1 - out.p_goal) / n);
  out.attempts = sum / n;
  out.attempts_se = std::sqrt(std::max(0.0, sum2 / n - out.attempts * out.attempts) / n);
  for (double& v : out.visit)
    v /= n;
  return out;
}

}  // namespace icsrisk::testing
