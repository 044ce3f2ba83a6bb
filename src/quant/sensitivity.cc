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

/// Where each source's explicit steps are in Chain::steps (they are contiguous: the chain adds
/// a source's steps together), to mark the destinations of its explicit lateral steps, whose
/// implicit segment steps add_hub skips.
class ExplicitSteps {
 public:
  explicit ExplicitSteps(const Chain& c) : range_(c.assets, {0, 0}) {
    for (std::size_t k = 0; k < c.steps.size(); ++k) {
      auto& [begin, end] = range_[c.steps[k].from];
      if (end != k) begin = k;  // the source's first step
      end = k + 1;
    }
  }
  /// mark[v] = u for every explicit lateral step u → v.
  void mark(std::size_t u, const Chain& c, std::vector<std::size_t>& mark) const {
    for (std::size_t k = range_[u].first; k < range_[u].second; ++k)
      if (c.steps[k].to != kNone) mark[c.steps[k].to] = u;
  }

 private:
  std::vector<std::pair<std::size_t, std::size_t>> range_;  ///< per source: [begin, end)
};

class Ranking {
 public:
  Ranking(const risk::detail::ReachGraph& g, const Chain& c, const model::Scenario& sc,
          const std::vector<double>& n_o, const std::vector<double>& goal, std::size_t prune_at)
      : g_(g),
        c_(c),
        sc_(sc),
        n_o_(n_o),
        goal_(goal),
        prune_at_(std::max(prune_at, kSensitiveSteps + 1)) {}

  /// Adds step `s` taken with `weight` per attempt at a source with N[o,source] `at_source`
  /// and goal probability `g_source`, when its derivative is positive.
  void add(const ChainStep& s, double weight, double at_source, double g_source) {
    const double g_dest = s.to == kNone ? 1.0 : goal_[s.to];
    const double d = at_source * weight * (g_dest - g_source);
    if (d <= 0.0 || coarse(d) < floor_) return;
    std::size_t method = s.from == kNone ? g_.entry_method(s.entry)
                         : s.to == kNone ? sc_.attack_index
                                         : g_.lateral_method();
    all_.push_back({s.entry, s.from, s.dest, method, s.level, d});
    if (all_.size() >= prune_at_) prune();
  }

  /// The implicit segment steps of `hub` that can still rank (sensitivity.h).
  /// `explicit_` lists each source's explicit lateral steps (ExplicitSteps).
  void add_hub(const Hub& hub, const ExplicitSteps& explicit_) {
    std::vector<std::size_t> order = hub.dests;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return goal_[a] != goal_[b] ? goal_[a] > goal_[b] : g_.rank(a) < g_.rank(b);
    });
    std::vector<std::size_t> next(order.size());  // the first position with another g
    for (std::size_t i = order.size(); i-- > 0;)
      next[i] =
          i + 1 < order.size() && goal_[order[i + 1]] == goal_[order[i]] ? next[i + 1] : i + 1;
    for (std::size_t u : hub.sources) {
      explicit_.mark(u, c_, mark_);
      const double at = n_o_[u] * c_.weight[u], gu = goal_[u];
      std::size_t taken = 0, in_run = 0;
      double threshold = 0.0;
      for (std::size_t i = 0; i < order.size();) {
        const std::size_t v = order[i];
        // d is non-increasing along `order`: past the K-th best only ties can still rank, and
        // of a run of equal g only its K lowest ranks.
        const double d = at * (goal_[v] - gu);
        if (d <= 0.0 || (taken >= kSensitiveSteps && coarse(d) < threshold)) break;
        const bool skip = v == u || mark_[v] == u;
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
    keep_best(std::min(kSensitiveSteps, all_.size()));
    return std::move(all_);
  }

 private:
  /// The order of the ranking: larger derivative first, then the documented tie-breaks (entry
  /// step first, entry, asset ids, threat), then the level.
  using Key = std::tuple<double, int, std::size_t, std::size_t, std::size_t, std::size_t, int>;
  Key key(const StepSensitivity& s) const {
    return {-coarse(s.derivative),
            s.from == kNone ? 0 : 1,
            s.entry == kNone ? std::size_t{0} : s.entry,
            s.from == kNone ? std::size_t{0} : g_.rank(s.from),
            g_.rank(s.to),
            s.method,
            s.level};
  }

  /// Keeps the kSensitiveSteps best candidates so far and raises floor_ to the rounded
  /// derivative of the last of them: a candidate dropped here, or a later step below floor_,
  /// has kSensitiveSteps better ones and cannot rank (a later step tied with floor_ is kept for
  /// top() to decide by the tie-breaks). So top() lists what it would list over every step, and
  /// the candidates stay few (a scenario of the 100,000-asset benchmark has ~500,000 steps with
  /// a positive derivative).
  void prune() {
    keep_best(kSensitiveSteps);
    floor_ = coarse(all_.back().derivative);
  }

  /// Keeps the `k` first candidates in the order of key(), in that order.
  void keep_best(std::size_t k) {
    std::partial_sort(all_.begin(), all_.begin() + static_cast<std::ptrdiff_t>(k), all_.end(),
                      [&](const auto& a, const auto& b) { return key(a) < key(b); });
    all_.resize(k);
  }

  const risk::detail::ReachGraph& g_;
  const Chain& c_;
  const model::Scenario& sc_;
  const std::vector<double>& n_o_;
  const std::vector<double>& goal_;
  std::vector<StepSensitivity> all_;
  std::vector<std::size_t> mark_ = std::vector<std::size_t>(c_.states, kNone);
  double floor_ = 0.0;  ///< coarse derivatives below this cannot rank
  const std::size_t prune_at_;
};

}  // namespace

std::vector<StepSensitivity> sensitive_steps(const risk::detail::ReachGraph& g, const Chain& c,
                                             const model::Scenario& sc,
                                             const std::vector<double>& n_o, double n_oo,
                                             const std::vector<double>& goal, double p_goal,
                                             std::size_t prune_at) {
  Ranking r(g, c, sc, n_o, goal, prune_at);
  const auto entries = static_cast<double>(c.entry_steps.size());
  for (const auto& steps : c.entry_steps)
    for (const ChainStep& s : steps)
      r.add(s, s.weight / entries, n_oo, p_goal);
  for (const ChainStep& s : c.steps)
    r.add(s, s.weight, n_o[s.from], goal[s.from]);
  const ExplicitSteps explicit_steps(c);
  for (const Hub& hub : c.hubs)
    r.add_hub(hub, explicit_steps);
  return r.top();
}

}  // namespace icsrisk::quant::detail
