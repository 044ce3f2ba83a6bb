// The solves of method.md §9 (see quant.h for the formulation).

#include "quant/quant.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "quant/chain.h"
#include "quant/inverse_diagonal.h"
#include "quant/sensitivity.h"
#include "risk/scenario_graph.h"

namespace icsrisk::quant {

namespace {

using detail::Chain;
using detail::ChainStep;
using Vector = Eigen::VectorXd;

/// `v` over the asset states, 0 on the hub states that follow them.
Vector to_vector(const std::vector<double>& v, std::size_t states) {
  Vector out = Vector::Zero(static_cast<Eigen::Index>(states));
  out.head(static_cast<Eigen::Index>(v.size())) =
      Eigen::Map<const Vector>(v.data(), static_cast<Eigen::Index>(v.size()));
  return out;
}

std::vector<double> to_std(const Vector& v) {
  return {v.data(), v.data() + v.size()};
}

/// `outside` from one row of entry steps: Q[o,·] and the probability of leaving `outside`.
struct OutsideRow {
  std::vector<std::pair<std::size_t, double>> q;  ///< (asset, probability per attempt)
  double leave = 0.0;
};

/// The row of `outside` when the attacker picks among `entries` uniformly (§9); an entry
/// without entry step ends the attack.
OutsideRow outside_row(const Chain& c, const std::vector<std::size_t>& entries,
                       const model::QuantParams& p) {
  OutsideRow row;
  const double pick = entries.empty() ? 0.0 : 1.0 / static_cast<double>(entries.size());
  for (std::size_t e : entries) {
    if (c.entry_steps[e].empty()) row.leave += pick;
    for (const ChainStep& s : c.entry_steps[e]) {
      row.q.emplace_back(s.to, pick * s.weight * p.s[s.level]);
      row.leave += pick * s.weight * (p.s[s.level] + p.c[s.level]);
    }
  }
  return row;
}

/// p_goal and expected attempts from `outside` with row `row` (0, 0 for a dead end).
std::pair<double, double> from_outside(const OutsideRow& row, const Vector& g, const Vector& t) {
  if (row.leave <= 0.0) return {0.0, 0.0};
  double pg = 0.0, at = 1.0;
  for (const auto& [v, q] : row.q) {
    pg += q * g[static_cast<Eigen::Index>(v)];
    at += q * t[static_cast<Eigen::Index>(v)];
  }
  return {pg / row.leave, at / row.leave};
}

ScenarioQuant solve(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                    std::size_t hub_min) {
  const model::QuantParams& p = g.profile().quant;
  Chain c = detail::build_chain(g, sc, p, hub_min);
  const auto n = static_cast<Eigen::Index>(c.states);
  ScenarioQuant out;
  out.visit.assign(c.assets, 0.0);
  std::vector<std::size_t> all_entries(c.entry_steps.size());
  for (std::size_t e = 0; e < all_entries.size(); ++e)
    all_entries[e] = e;
  if (n == 0) {
    for (std::size_t e : all_entries)
      out.entries.push_back({e, 0.0, 0.0});
    return out;
  }
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(c.a.size());
  for (const detail::Entry& e : c.a)
    triplets.emplace_back(static_cast<int>(e.row), static_cast<int>(e.col), e.value);
  detail::SparseMatrix a(n, n);
  a.setFromTriplets(triplets.begin(), triplets.end());
  detail::SparseLu lu;
  // Diagonal pivots: Gaussian elimination needs no pivoting on an M-matrix, and a symmetric
  // permutation lets inverse_diagonal() use selected inversion.
  lu.setPivotThreshold(0.0);
  lu.compute(a);  // A is a non-singular M-matrix: every state leaves with s + c > 0 per attempt
  const Vector goal = lu.solve(to_vector(c.goal, c.states));
  const Vector attempts = lu.solve(to_vector(c.attempts, c.states));

  for (std::size_t e : all_entries) {
    auto [pg, at] = from_outside(outside_row(c, {e}, p), goal, attempts);
    out.entries.push_back({e, pg, at});
  }
  const OutsideRow row = outside_row(c, all_entries, p);
  std::tie(out.p_goal, out.expected_attempts) = from_outside(row, goal, attempts);
  if (row.leave <= 0.0) return out;

  Vector b = Vector::Zero(n);
  for (const auto& [v, q] : row.q)
    b[static_cast<Eigen::Index>(v)] += q / row.leave;
  const Vector n_o = lu.transpose().solve(b);  // the row of outside in N
  const std::vector<double> diag = detail::inverse_diagonal(lu);
  for (std::size_t v = 0; v < c.assets; ++v) {
    const auto i = static_cast<Eigen::Index>(v);
    out.visit[v] = std::clamp(n_o[i] / diag[v], 0.0, 1.0);
  }
  out.sensitive_steps =
      detail::sensitive_steps(g, c, sc, to_std(n_o), 1.0 / row.leave, to_std(goal), out.p_goal);
  return out;
}

}  // namespace

std::vector<ScenarioQuant> analyze_quant(const model::Model& model, const model::Profile& profile,
                                         const risk::Coverage& coverage,
                                         const graph::Topology& topology) {
  return detail::analyze_quant(model, profile, coverage, topology, detail::kDefaultHubMin);
}

std::vector<ScenarioQuant> detail::analyze_quant(const model::Model& model,
                                                 const model::Profile& profile,
                                                 const risk::Coverage& coverage,
                                                 const graph::Topology& topology,
                                                 std::size_t hub_min) {
  risk::detail::ReachGraph g(model, profile, coverage, topology, /*planned=*/false);
  std::vector<ScenarioQuant> out;
  for (std::size_t i = 0; i < model.impacts.size(); ++i)
    for (std::size_t s = 0; s < model.impacts[i].scenarios.size(); ++s) {
      ScenarioQuant q = solve(g, model.impacts[i].scenarios[s], hub_min);
      q.impact = i;
      q.scenario = s;
      out.push_back(std::move(q));
    }
  return out;
}

}  // namespace icsrisk::quant
