// The listed routes of a scenario (method.md §7 "Routes listed": the worst non-detour simple
// routes within the hop bound).
//
// A depth-first enumeration of simple routes in id order, pruned where the target cannot be
// reached within the hop bound (fewest remaining steps from hops_to_target, a lower bound that
// ignores simplicity) and where every extension is a detour. A route R' is a detour exactly when
// it has a *chord*: an entry step of its entry point onto one of its later assets, or a step
// R'[i] → R'[j] with j > i + 1, at a level no higher than R''s level — the chord gives a
// shorter route from the same entry with the same final step, whose assets are a subsequence
// of R''s and whose level is no higher. (Conversely such a shorter route starts with an entry
// step or contains a step that skips at least one asset of R': that step is a chord.) The
// enumeration keeps the least chord level into the current path; once it is at or below the
// path's level, every extension is a detour and the branch is cut. The first pass counts every
// route and keeps the k first in listing order; if it runs out of budget (kRouteCountCap routes or
// kWorkBudget edge examinations), a second pass searches again with branch-and-bound: a branch is
// cut when even its best case (level max(prefix, minimax of the branch's asset), fewest hops) sorts
// after the k-th kept route on (risk, vulnerability, hops). Both passes are bounded, so the work is
// bounded for any model size.

#include <algorithm>

#include "risk/analysis.h"
#include "risk/scenario_analysis.h"
#include "risk/scenario_search.h"

namespace icsrisk::risk::detail {

namespace {

struct Key {
  Risk risk;
  int vulnerability;
  std::size_t hops;
};

/// a sorts strictly after b on (risk, vulnerability, hops).
bool worse(const Key& a, const Key& b) {
  if (a.risk != b.risk) return worse_than(b.risk, a.risk);
  if (a.vulnerability != b.vulnerability) return a.vulnerability < b.vulnerability;
  return a.hops > b.hops;
}

class Enumerator {
 public:
  Enumerator(const ReachGraph& g, const FinalSteps& f, const std::vector<int>& minimax,
             int impact_level, std::size_t k, std::size_t max_hops)
      : g_(g),
        f_(f),
        minimax_(minimax),
        impact_(impact_level),
        k_(k),
        max_hops_(max_hops),
        hops_(hops_to_target(g, f, 3)),
        in_path_(g.model().assets.size(), false),
        older_(g.model().assets.size(), kUnreached),
        entry_chord_(g.model().assets.size(), kUnreached) {
    for (std::size_t a = 0; a < f.level.size(); ++a)
      if (a != f.target && f.level[a] < kUnreached) ++bases_left_;
  }

  /// One pass over every entry; returns false when the budget ran out.
  bool run(bool counting, bool prune) {
    counting_ = counting;
    prune_ = prune;
    work_ = 0;
    aborted_ = false;
    for (std::size_t e : entries_by_id(g_.model())) {
      entry_ = e;
      std::vector<std::size_t> first = entry_assets(g_, e, f_.target);
      std::sort(first.begin(), first.end(),
                [&](std::size_t a, std::size_t b) { return g_.rank(a) < g_.rank(b); });
      if (!aborted_ && spend(1)) at_target(e);
      for (std::size_t v : first)
        entry_chord_[v] = g_.entry_level(e, v);
      for (std::size_t v : first) {
        if (aborted_ || !spend(1)) break;
        if (hops_[v] == kNone || 1 + hops_[v] > max_hops_) continue;
        int level = entry_chord_[v];
        if (prune_ && cut(level, v, 1)) continue;
        descend(v, level, kUnreached);
      }
      for (std::size_t v : first)
        entry_chord_[v] = kUnreached;
    }
    return !aborted_;
  }

  void insert(const RawRoute& r) {
    if (top_.size() == k_ && !route_before(g_, r, top_.back())) return;
    auto at = std::upper_bound(
        top_.begin(), top_.end(), r,
        [&](const RawRoute& a, const RawRoute& b) { return route_before(g_, a, b); });
    // The listing order is total on distinct routes: a copy of r would sit just before `at`.
    if (at != top_.begin() && std::prev(at)->entry == r.entry && std::prev(at)->assets == r.assets)
      return;
    top_.insert(at, r);
    if (top_.size() > k_) top_.pop_back();
  }

  std::vector<RawRoute>& top() { return top_; }
  std::size_t count() const { return count_; }

 private:
  bool spend(std::size_t units) {
    work_ += units;
    if (work_ > kWorkBudget) aborted_ = true;
    return !aborted_;
  }

  Key key_of(int level, std::size_t hops) const {
    int vul = vulnerability_of(level);
    return {g_.profile().risk_of(impact_, g_.model().entries[entry_].threat_level, vul), vul, hops};
  }

  /// Whether a branch at asset v (position `pos`, prefix level `level`) cannot enter the top k.
  bool cut(int level, std::size_t v, std::size_t pos) const {
    if (top_.size() < k_) return false;
    const RawRoute& last = top_.back();
    Key best = key_of(route_level(level, minimax_[v]), pos + hops_[v]);
    return worse(best, {last.risk, last.vulnerability, last.hops()});
  }

  void record(int level) {
    if (counting_ && ++count_ >= kRouteCountCap) aborted_ = true;
    Key k = key_of(level, path_.size() + 1);
    if (top_.size() == k_ &&
        worse(k, {top_.back().risk, top_.back().vulnerability, top_.back().hops()}))
      return;
    RawRoute r;
    r.entry = entry_;
    r.assets = path_;
    r.level = level;
    r.vulnerability = k.vulnerability;
    r.risk = k.risk;
    insert(r);
  }

  /// The two-step route of entry `e` that lands on the target and attacks it from there
  /// (method.md §7 "Attacks at the target").
  void at_target(std::size_t e) {
    if (max_hops_ < 2 || f_.self_level >= kUnreached || g_.entry_method(e) == kNone ||
        !entry_reaches(g_, e, f_.target))
      return;
    path_.push_back(f_.target);
    record(route_level(g_.entry_level(e, f_.target), f_.self_level));
    path_.pop_back();
  }

  /// `chord`: the least chord level into the path ending at x (kUnreached: none); always above
  /// `level`, or the branch would be all detours.
  void descend(std::size_t x, int level, int chord) {
    path_.push_back(x);
    in_path_[x] = true;
    bool base = f_.level[x] < kUnreached;
    if (base) {
      int route = route_level(level, f_.level[x]);
      if (chord > route) record(route);  // else a detour: never listed, never counted
      --bases_left_;
    }
    // Once every attack base is on the path no extension can end in a final step.
    if (!aborted_ && bases_left_ > 0 && path_.size() + 2 <= max_hops_) expand(x, level, chord);
    if (base) ++bases_left_;
    in_path_[x] = false;
    path_.pop_back();
  }

  void expand(std::size_t x, int level, int chord) {
    const std::size_t depth = path_.size();
    // A child at position `depth` has chords from every position up to depth − 2: add the steps
    // of the asset before x (its filtered list, buffers_[depth − 1]) for the children of x.
    const std::size_t undo_mark = undo_.size();
    if (depth >= 2 && !spend(buffers_[depth - 1].size())) return;
    if (depth >= 2)
      for (const auto& [y, l] : buffers_[depth - 1])
        if (l < older_[y]) {
          undo_.emplace_back(y, older_[y]);
          older_[y] = l;
        }
    // Deeper calls may grow buffers_: index it again after the recursion, never keep `next`.
    if (buffers_.size() <= depth) buffers_.resize(depth + 1);
    std::vector<std::pair<std::size_t, int>>& next = buffers_[depth];
    // One step per destination, at its weakest channel.
    if (!spend(g_.lateral_steps_from(x, next) + 1)) return;
    std::size_t w = 0;
    for (std::size_t i = 0; i < next.size(); ++i) {
      const auto& [y, l] = next[i];
      if (y == f_.target || in_path_[y] || hops_[y] == kNone || depth + 1 + hops_[y] > max_hops_)
        continue;
      next[w++] = {y, l};
    }
    next.resize(w);
    std::sort(next.begin(), next.end(),
              [&](const auto& a, const auto& b) { return g_.rank(a.first) < g_.rank(b.first); });
    for (std::size_t i = 0; i < buffers_[depth].size() && !aborted_; ++i) {
      int nl = route_level(level, buffers_[depth][i].second);
      std::size_t y = buffers_[depth][i].first;
      int ny = std::min({chord, older_[y], entry_chord_[y]});
      if (ny <= nl) continue;  // every route through y here is a detour
      if (prune_ && cut(nl, y, depth + 1)) continue;
      descend(y, nl, ny);
    }
    for (std::size_t u = undo_.size(); u > undo_mark; --u)
      older_[undo_[u - 1].first] = undo_[u - 1].second;
    undo_.resize(undo_mark);
  }

  const ReachGraph& g_;
  const FinalSteps& f_;
  const std::vector<int>& minimax_;
  int impact_;
  std::size_t k_, max_hops_;
  std::vector<std::size_t> hops_;
  std::vector<bool> in_path_;
  /// Per asset, the least level of a step into it from the path's positions before the last
  /// two (chords into a child of the path's last asset); restored through undo_.
  std::vector<int> older_;
  std::vector<std::pair<std::size_t, int>> undo_;
  /// Per asset, the level of the current entry's entry step onto it (kUnreached: none).
  std::vector<int> entry_chord_;
  std::vector<std::size_t> path_;
  std::vector<std::vector<std::pair<std::size_t, int>>> buffers_;
  std::vector<RawRoute> top_;
  std::size_t entry_ = kNone, count_ = 0, work_ = 0, bases_left_ = 0;
  bool counting_ = true, prune_ = false, aborted_ = false;
};

}  // namespace

Listing list_routes(const ReachGraph& g, const FinalSteps& f, const std::vector<int>& minimax,
                    int impact_level, std::size_t k, std::size_t max_hops,
                    const std::vector<RawRoute>& seed) {
  Listing out;
  Enumerator en(g, f, minimax, impact_level, k, max_hops);
  if (k == 0) return out;
  bool complete = en.run(/*counting=*/true, /*prune=*/false);
  out.total = en.count();
  if (!complete) {
    out.exact = false;
    for (const RawRoute& r : seed)
      if (r.hops() <= max_hops) en.insert(r);
    en.run(/*counting=*/false, /*prune=*/true);
  }
  out.routes = std::move(en.top());
  return out;
}

}  // namespace icsrisk::risk::detail
