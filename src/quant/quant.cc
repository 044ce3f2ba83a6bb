// The solves of method.md §9 (see quant.h for the formulation).

#include "quant/quant.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>

#include <Eigen/OrderingMethods>

#include "quant/chain.h"
#include "quant/inverse_diagonal.h"
#include "quant/lists.h"
#include "quant/sensitivity.h"
#include "risk/scenario_graph.h"

namespace icsrisk::quant {

namespace {

using detail::Chain;
using detail::ChainStep;
using detail::grouped;
using detail::Lists;
using Vector = Eigen::VectorXd;

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
std::pair<double, double> from_outside(const OutsideRow& row, const std::vector<double>& g,
                                       const std::vector<double>& t) {
  if (row.leave <= 0.0) return {0.0, 0.0};
  double pg = 0.0, at = 1.0;
  for (const auto& [v, q] : row.q) {
    pg += q * g[v];
    at += q * t[v];
  }
  return {pg / row.leave, at / row.leave};
}

/// The states `outside` can reach (through entry steps, then non-zero off-diagonals of M),
/// ascending (until ordered: see StateOrder); `index[s]` is a state's position among them, kNone
/// when unreachable. Rows of
/// reachable states have columns in the set only, so M is block triangular and every value
/// `outside` depends on (g and t at reachable states, their row of N, their diagonal of N)
/// comes from the block of the reachable states alone.
struct Reachable {
  std::vector<std::size_t> states;
  std::vector<std::size_t> index;
};

Reachable reachable(const Chain& c) {
  const Lists<std::size_t> next = grouped<std::size_t>(c.states, [&](auto&& emit) {
    for (const detail::Entry& e : c.a)  // the off-diagonal entries of M by row
      if (e.row != e.col) emit(e.row, e.col);
  });
  Reachable r;
  r.index.assign(c.states, kNone);
  std::vector<std::size_t> stack;
  auto visit = [&](std::size_t s) {
    if (r.index[s] != kNone) return;
    r.index[s] = 0;
    stack.push_back(s);
  };
  for (const auto& steps : c.entry_steps)
    for (const ChainStep& s : steps)
      visit(s.to);
  while (!stack.empty()) {
    const std::size_t s = stack.back();
    stack.pop_back();
    r.states.push_back(s);
    for (auto [p, e] = next.of(s); p != e; ++p)
      visit(*p);
  }
  std::sort(r.states.begin(), r.states.end());
  for (std::size_t k = 0; k < r.states.size(); ++k)
    r.index[r.states[k]] = k;
  return r;
}

/// The elimination order of the states, shared by the scenarios of a model. COLAMD (the
/// fill-reducing ordering SparseLU would compute) runs once, on the matrix of the reference
/// scenario (the first); it ranks each state by a key that means the same in every scenario:
/// an asset's index, or assets + segment index for a segment's hub. The matrices of a model's
/// scenarios differ only around their targets and entry points, so the other scenarios order
/// their states by those ranks (unranked ones last, by key) and skip COLAMD, which took a third
/// of the factorisation's time. A scenario with more than an eighth of its states unranked (a
/// reference that reaches a small part of the plant) runs COLAMD itself. The ranks depend on
/// the model only, never on which worker solved what: the results stay the same bytes.
class StateOrder {
 public:
  StateOrder() : ranks_(published_.get_future().share()) {}
  /// The ranks by key (kNone: not ranked) once the reference has published them.
  const std::vector<std::size_t>& ranks() const { return ranks_.get(); }
  void publish(std::vector<std::size_t> ranks) {
    if (!published_flag_.exchange(true)) published_.set_value(std::move(ranks));
  }

 private:
  std::promise<std::vector<std::size_t>> published_;
  std::shared_future<std::vector<std::size_t>> ranks_;
  std::atomic<bool> published_flag_{false};
};

/// Publishes no ranks (every scenario runs COLAMD) unless the reference published its own:
/// a reference that fails must not leave the other workers waiting.
struct PublishOnExit {
  StateOrder* order = nullptr;
  ~PublishOnExit() {
    if (order) order->publish({});
  }
};

/// The key of state `s` (see StateOrder).
std::vector<std::size_t> state_keys(const Chain& c) {
  std::vector<std::size_t> key(c.states);
  for (std::size_t s = 0; s < c.assets; ++s)
    key[s] = s;
  for (const detail::Hub& h : c.hubs)
    key[h.state] = c.assets + h.segment;
  return key;
}

/// Renumbers `r` so that position k holds `states[k]`.
void reorder(Reachable& r, std::vector<std::size_t> states) {
  r.states = std::move(states);
  for (std::size_t k = 0; k < r.states.size(); ++k)
    r.index[r.states[k]] = k;
}

/// M over the reachable states, in their order in `r`.
detail::SparseMatrix matrix(const Chain& c, const Reachable& r) {
  const auto n = static_cast<Eigen::Index>(r.states.size());
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(c.a.size());
  for (const detail::Entry& e : c.a)
    if (r.index[e.row] != kNone)
      triplets.emplace_back(static_cast<int>(r.index[e.row]), static_cast<int>(r.index[e.col]),
                            e.value);
  detail::SparseMatrix a(n, n);
  a.setFromTriplets(triplets.begin(), triplets.end());
  return a;
}

/// Orders the reachable states (see StateOrder): by COLAMD on M when `reference` (then publishes
/// the ranks) or when too many states have no rank; otherwise by the reference's ranks.
void order_states(const Chain& c, Reachable& r, StateOrder& order, bool reference) {
  if (r.states.empty()) return;  // a reference with no states publishes no ranks on exit
  const std::vector<std::size_t> key = state_keys(c);
  const std::vector<std::size_t>* ranks = reference ? nullptr : &order.ranks();
  std::size_t unranked = 0;
  if (ranks)
    for (std::size_t s : r.states)
      unranked += key[s] < ranks->size() && (*ranks)[key[s]] != kNone ? 0 : 1;
  if (ranks && unranked * 8 <= r.states.size()) {
    auto sort_key = [&](std::size_t s) {
      const std::size_t k = key[s];
      const bool ranked = k < ranks->size() && (*ranks)[k] != kNone;
      return std::make_pair(ranked ? 0 : 1, ranked ? (*ranks)[k] : k);
    };
    std::vector<std::size_t> states = r.states;
    std::sort(states.begin(), states.end(),
              [&](std::size_t a, std::size_t b) { return sort_key(a) < sort_key(b); });
    reorder(r, std::move(states));
    return;
  }
  detail::SparseMatrix a = matrix(c, r);
  a.makeCompressed();
  Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> perm;
  Eigen::COLAMDOrdering<int>()(a, perm);  // perm.indices()[old position] = new position
  std::vector<std::size_t> states(r.states.size());
  for (std::size_t k = 0; k < r.states.size(); ++k)
    states[static_cast<std::size_t>(perm.indices()[static_cast<Eigen::Index>(k)])] = r.states[k];
  if (reference) {
    std::size_t keys = c.assets;
    for (const detail::Hub& h : c.hubs)
      keys = std::max(keys, c.assets + h.segment + 1);
    std::vector<std::size_t> ranks_by_key(keys, kNone);
    for (std::size_t k = 0; k < states.size(); ++k)
      ranks_by_key[key[states[k]]] = k;
    order.publish(std::move(ranks_by_key));
  }
  reorder(r, std::move(states));
}

/// `v` over the reachable states, scattered back to every state (0 where unreachable).
std::vector<double> scatter(const Vector& v, const Reachable& r, std::size_t states) {
  std::vector<double> out(states, 0.0);
  for (std::size_t k = 0; k < r.states.size(); ++k)
    out[r.states[k]] = v[static_cast<Eigen::Index>(k)];
  return out;
}

/// `v` (one value per state) gathered over the reachable states.
Vector gather(const std::vector<double>& v, const Reachable& r) {
  Vector out(static_cast<Eigen::Index>(r.states.size()));
  for (std::size_t k = 0; k < r.states.size(); ++k)
    out[static_cast<Eigen::Index>(k)] = r.states[k] < v.size() ? v[r.states[k]] : 0.0;
  return out;
}

ScenarioQuant solve(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                    std::size_t hub_min, std::size_t prune_at, StateOrder& order, bool reference) {
  PublishOnExit publish_if_failed{reference ? &order : nullptr};
  const model::QuantParams& p = g.profile().quant;
  Chain c = detail::build_chain(g, sc, p, hub_min);
  Reachable r = reachable(c);
  order_states(c, r, order, reference);
  const auto n = static_cast<Eigen::Index>(r.states.size());
  ScenarioQuant out;
  out.visit.assign(c.assets, 0.0);
  std::vector<std::size_t> all_entries(c.entry_steps.size());
  for (std::size_t e = 0; e < all_entries.size(); ++e)
    all_entries[e] = e;
  if (c.states == 0) {
    for (std::size_t e : all_entries)
      out.entries.push_back({e, 0.0, 0.0});
    return out;
  }
  std::optional<detail::SparseLu> factors;  // dropped once the diagonal of N is known
  detail::SparseLu& lu = factors.emplace();
  std::vector<double> goal(c.states, 0.0), attempts(c.states, 0.0);
  if (n > 0) {
    detail::SparseMatrix a = matrix(c, r);
    std::vector<detail::Entry>().swap(c.a);  // the matrix holds them from here on
    // In the order of `r` (no ordering of its own). Diagonal pivots: Gaussian elimination needs
    // no pivoting on an M-matrix, and a symmetric permutation lets inverse_diagonal() use
    // selected inversion.
    lu.setPivotThreshold(0.0);
    lu.compute(a);  // a non-singular M-matrix: every state leaves with s + c > 0 per attempt
    goal = scatter(lu.solve(gather(c.goal, r)), r, c.states);
    attempts = scatter(lu.solve(gather(c.attempts, r)), r, c.states);
  }

  for (std::size_t e : all_entries) {
    auto [pg, at] = from_outside(outside_row(c, {e}, p), goal, attempts);
    out.entries.push_back({e, pg, at});
  }
  const OutsideRow row = outside_row(c, all_entries, p);
  std::tie(out.p_goal, out.expected_attempts) = from_outside(row, goal, attempts);
  if (row.leave <= 0.0 || n == 0) return out;  // n = 0: no entry step, nothing visited

  Vector b = Vector::Zero(n);
  for (const auto& [v, q] : row.q)
    b[static_cast<Eigen::Index>(r.index[v])] += q / row.leave;
  const std::vector<double> n_o = scatter(lu.transpose().solve(b), r, c.states);  // N[o,·]
  const std::vector<double> diag = detail::inverse_diagonal(lu);
  factors.reset();
  for (std::size_t k = 0; k < r.states.size(); ++k)  // hubs are not assets: no visit
    if (const std::size_t s = r.states[k]; s < c.assets)
      out.visit[s] = std::clamp(n_o[s] / diag[k], 0.0, 1.0);
  out.sensitive_steps =
      detail::sensitive_steps(g, c, sc, n_o, 1.0 / row.leave, goal, out.p_goal, prune_at);
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
                                                 std::size_t hub_min, std::size_t workers,
                                                 std::size_t prune_at) {
  risk::detail::ReachGraph g(model, profile, coverage, topology, /*planned=*/false);
  std::vector<ScenarioQuant> out;
  for (std::size_t i = 0; i < model.impacts.size(); ++i)
    for (std::size_t s = 0; s < model.impacts[i].scenarios.size(); ++s) {
      out.emplace_back();
      out.back().impact = i;
      out.back().scenario = s;
    }
  // The scenarios are independent (the step graph is only read): one worker per core, each
  // result in its own slot, so the output does not depend on the number of workers.
  std::atomic<std::size_t> next{0};
  StateOrder order;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::exception_ptr> failed(workers);
  auto work = [&](std::size_t worker) {
    try {
      for (std::size_t k; (k = next++) < out.size();) {
        ScenarioQuant q = solve(g, model.impacts[out[k].impact].scenarios[out[k].scenario], hub_min,
                                prune_at, order, /*reference=*/k == 0);
        q.impact = out[k].impact;
        q.scenario = out[k].scenario;
        out[k] = std::move(q);
      }
    } catch (...) {
      failed[worker] = std::current_exception();
      next = out.size();
    }
  };
  {
    std::vector<std::jthread> workers;
    for (std::size_t w = 1; w < std::min(failed.size(), out.size()); ++w)
      workers.emplace_back(work, w);
    work(0);
  }
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  return out;
}

}  // namespace icsrisk::quant
