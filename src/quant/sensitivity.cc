// The sensitivities of method.md §9 (see sensitivity.h).

#include "quant/sensitivity.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <tuple>
#include <utility>

namespace icsrisk::quant::detail {

namespace {

/// `d` (≥ 0) rounded to 40 significant bits (about 12 digits), for ranking: derivatives that
/// are equal in exact arithmetic (symmetric assets) differ in their last bits with the
/// elimination order, and must rank by the documented tie-breaks (asset order), not by
/// rounding. Monotone, so the ranking stays a strict weak order.
double coarse(double d) {
  constexpr int kDropped = 52 - 40;
  auto bits = std::bit_cast<std::uint64_t>(d);
  bits = (bits + (std::uint64_t{1} << (kDropped - 1))) & ~((std::uint64_t{1} << kDropped) - 1);
  return std::bit_cast<double>(bits);
}

class Ranking {
 public:
  Ranking(const risk::detail::ReachGraph& g, const Chain& c, const model::Scenario& sc,
          const std::vector<double>& n_o, const std::vector<double>& goal)
      : g_(g), c_(c), sc_(sc), n_o_(n_o), goal_(goal) {}

  /// Adds step `s` taken with `weight` per attempt at a source with N[o,source] `at_source`
  /// and goal probability `g_source`, when its derivative is positive.
  void add(const ChainStep& s, double weight, double at_source, double g_source) {
    const double g_dest = s.to == kNone ? 1.0 : goal_[s.to];
    const double d = at_source * weight * (g_dest - g_source);
    if (d <= 0.0) return;
    std::size_t method = s.from == kNone ? g_.entry_method(s.entry)
                         : s.to == kNone ? sc_.attack_index
                                         : g_.lateral_method();
    all_.push_back({s.entry, s.from, s.dest, method, s.level, d});
  }

  /// The implicit segment steps of `hub` that can still rank (sensitivity.h).
  void add_hub(const Hub& hub, const std::vector<std::pair<std::size_t, std::size_t>>& explicit_) {
    std::vector<std::size_t> order = hub.dests;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return goal_[a] != goal_[b] ? goal_[a] > goal_[b] : g_.rank(a) < g_.rank(b);
    });
    std::vector<std::size_t> next(order.size());  // the first position with another g
    for (std::size_t i = order.size(); i-- > 0;)
      next[i] =
          i + 1 < order.size() && goal_[order[i + 1]] == goal_[order[i]] ? next[i + 1] : i + 1;
    for (std::size_t u : hub.sources) {
      const double at = n_o_[u] * c_.weight[u], gu = goal_[u];
      std::size_t taken = 0, in_run = 0;
      double threshold = 0.0;
      for (std::size_t i = 0; i < order.size();) {
        const std::size_t v = order[i];
        // d is non-increasing along `order`: past the K-th best only ties can still rank, and
        // of a run of equal g only its K lowest ranks.
        const double d = at * (goal_[v] - gu);
        if (d <= 0.0 || (taken >= kSensitiveSteps && coarse(d) < threshold)) break;
        const bool skip =
            v == u || std::binary_search(explicit_.begin(), explicit_.end(), std::make_pair(u, v));
        if (!skip) {
          add({.from = u, .to = v, .dest = v, .level = g_.segment_level(v)}, c_.weight[u], n_o_[u],
              gu);
          if (++taken == kSensitiveSteps) threshold = coarse(d);
          ++in_run;
        }
        const bool run_done = in_run >= kSensitiveSteps;
        const std::size_t to = run_done ? next[i] : i + 1;
        if (to == next[i]) in_run = 0;
        i = to;
      }
    }
  }

  std::vector<StepSensitivity> top() {
    auto key = [&](const StepSensitivity& s) {
      return std::make_tuple(-coarse(s.derivative), s.from == kNone ? 0 : 1,
                             s.entry == kNone ? 0 : s.entry, s.from == kNone ? 0 : g_.rank(s.from),
                             g_.rank(s.to), s.method);
    };
    const std::size_t k = std::min(kSensitiveSteps, all_.size());
    std::partial_sort(all_.begin(), all_.begin() + static_cast<std::ptrdiff_t>(k), all_.end(),
                      [&](const auto& a, const auto& b) { return key(a) < key(b); });
    all_.resize(k);
    return std::move(all_);
  }

 private:
  const risk::detail::ReachGraph& g_;
  const Chain& c_;
  const model::Scenario& sc_;
  const std::vector<double>& n_o_;
  const std::vector<double>& goal_;
  std::vector<StepSensitivity> all_;
};

}  // namespace

std::vector<StepSensitivity> sensitive_steps(const risk::detail::ReachGraph& g, const Chain& c,
                                             const model::Scenario& sc,
                                             const std::vector<double>& n_o, double n_oo,
                                             const std::vector<double>& goal, double p_goal) {
  Ranking r(g, c, sc, n_o, goal);
  const auto entries = static_cast<double>(c.entry_steps.size());
  for (const auto& steps : c.entry_steps)
    for (const ChainStep& s : steps)
      r.add(s, s.weight / entries, n_oo, p_goal);
  std::vector<std::pair<std::size_t, std::size_t>> explicit_lateral;
  for (const ChainStep& s : c.steps) {
    r.add(s, s.weight, n_o[s.from], goal[s.from]);
    if (s.to != kNone) explicit_lateral.emplace_back(s.from, s.to);
  }
  std::sort(explicit_lateral.begin(), explicit_lateral.end());
  for (const Hub& hub : c.hubs)
    r.add_hub(hub, explicit_lateral);
  return r.top();
}

}  // namespace icsrisk::quant::detail
