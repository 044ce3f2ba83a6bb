#include "attacktree/minimal_sets.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <queue>

#include <fmt/format.h>

namespace icsrisk::attacktree {

namespace {

// Unique-table keys pack (level, lo, hi) into 64 bits: 14 + 25 + 25.
constexpr std::size_t kMaxPackedNodes = (std::size_t{1} << 25) - 1;
constexpr int kMaxPackedLevel = (1 << 14) - 1;
constexpr std::size_t kStepsPerClockCheck = 4096;
// The memo of without() is the computation's memory: at most this many entries per node.
constexpr std::size_t kMemoPerNode = 4;

}  // namespace

SetFamily::SetFamily(const Diagram& d, const Budget& budget) : budget_(budget) {
  budget_.max_nodes = std::min(budget_.max_nodes, kMaxPackedNodes);
  std::vector<std::uint32_t> mcs(d.nodes.size(), 0);
  mcs[Diagram::kTrue] = 1;
  // Diagram children precede their parents, so one pass in index order suffices.
  for (std::size_t i = 2; i < d.nodes.size() && error_.empty(); ++i) {
    const Diagram::DNode& n = d.nodes[i];
    assert(n.level <= kMaxPackedLevel);
    std::uint32_t lo = mcs[n.lo];
    std::uint32_t hi = without(mcs[n.hi], lo);
    mcs[i] = make(n.var, n.level, lo, hi);
  }
  if (error_.empty()) root_ = mcs[d.root];
  unique_ = {};
  without_memo_ = {};
}

std::uint32_t SetFamily::make(int var, int level, std::uint32_t lo, std::uint32_t hi) {
  if (hi == 0) return lo;  // zero-suppression: a variable in no set is not a node
  std::uint64_t key = (std::uint64_t(level) << 50) | (std::uint64_t(lo) << 25) | hi;
  if (auto it = unique_.find(key); it != unique_.end()) return it->second;
  if (nodes_.size() >= budget_.max_nodes) {
    if (error_.empty())
      error_ = fmt::format("the minimal sets need more than {} diagram nodes", budget_.max_nodes);
    return 0;
  }
  auto index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(ZNode{var, level, lo, hi});
  unique_.emplace(key, index);
  return index;
}

std::uint32_t SetFamily::without(std::uint32_t f, std::uint32_t g) {
  if (!error_.empty()) return 0;
  if (f == 0 || g == 1 || f == g) return 0;  // ∅ is below every set; a set contains itself
  if (g == 0 || f == 1) return f;            // g holds no empty set here, so ∅ contains none of g
  if (++steps_ % kStepsPerClockCheck == 0 && budget_.expired()) {
    error_ = "the minimal sets were not finished within the time budget";
    return 0;
  }
  std::uint64_t key = (std::uint64_t(f) << 32) | g;
  if (auto it = without_memo_.find(key); it != without_memo_.end()) return it->second;
  if (without_memo_.size() >= kMemoPerNode * budget_.max_nodes) {
    error_ = fmt::format("the minimal sets need more than {} steps", without_memo_.size());
    return 0;
  }
  ZNode nf = nodes_[f];
  std::uint32_t r = 0;
  if (nf.level < level(g)) {
    r = make(nf.var, nf.level, without(nf.lo, g), without(nf.hi, g));
  } else if (nf.level > level(g)) {
    r = without(f, nodes_[g].lo);  // sets of g holding g's variable cannot lie inside f's
  } else {
    ZNode ng = nodes_[g];
    std::uint32_t lo = without(nf.lo, ng.lo);
    std::uint32_t hi = without(without(nf.hi, ng.lo), ng.hi);
    r = make(nf.var, nf.level, lo, hi);
  }
  without_memo_.emplace(key, r);
  return r;
}

std::uint64_t SetFamily::count() const {
  if (!ok()) return 0;
  std::vector<std::uint64_t> c(nodes_.size(), 0);
  c[1] = 1;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  for (std::size_t i = 2; i < nodes_.size(); ++i) {
    std::uint64_t a = c[nodes_[i].lo], b = c[nodes_[i].hi];
    c[i] = a > kMax - b ? kMax : a + b;
  }
  return c[root_];
}

std::vector<std::vector<int>> SetFamily::lightest(std::size_t k, const std::vector<double>& weight,
                                                  bool* stopped) const {
  std::vector<std::vector<int>> out;
  if (!ok() || k == 0) return out;
  // h[n]: the lightest completion from n to the family's empty set (exact, so the search
  // never expands a node off an optimal path more than needed).
  std::vector<double> h(nodes_.size(), HUGE_VAL);
  h[1] = 0;
  for (std::size_t i = 2; i < nodes_.size(); ++i)
    h[i] = std::min(h[nodes_[i].lo],
                    weight[static_cast<std::size_t>(nodes_[i].var)] + h[nodes_[i].hi]);
  if (std::isinf(h[root_])) return out;
  struct Trail {
    int var;
    std::size_t prev;  // kNoTrail at the start
  };
  constexpr std::size_t kNoTrail = std::numeric_limits<std::size_t>::max();
  std::vector<Trail> trails;
  struct Item {
    double f, g;
    std::size_t seq;
    std::uint32_t node;
    std::size_t trail;
  };
  // Least f first; equal f, the latest pushed first (a depth-first walk preferring the high
  // edge, which is the diagram's lexicographic order).
  auto later = [](const Item& a, const Item& b) { return a.f != b.f ? a.f > b.f : a.seq < b.seq; };
  std::priority_queue<Item, std::vector<Item>, decltype(later)> open(later);
  std::size_t seq = 0;
  open.push({h[root_], 0, seq++, root_, kNoTrail});
  std::size_t pops = 0;
  while (!open.empty() && out.size() < k) {
    if (open.size() + trails.size() > kMaxSearchItems ||
        (++pops % kStepsPerClockCheck == 0 && budget_.expired())) {
      if (stopped) *stopped = true;
      break;
    }
    Item it = open.top();
    open.pop();
    if (it.node == 1) {
      std::vector<int> set;
      for (std::size_t t = it.trail; t != kNoTrail; t = trails[t].prev)
        set.push_back(trails[t].var);
      std::reverse(set.begin(), set.end());
      out.push_back(std::move(set));
      continue;
    }
    const ZNode& n = nodes_[it.node];
    if (!std::isinf(h[n.lo])) open.push({it.g + h[n.lo], it.g, seq++, n.lo, it.trail});
    double w = weight[static_cast<std::size_t>(n.var)];
    if (!std::isinf(w) && !std::isinf(h[n.hi])) {
      trails.push_back({n.var, it.trail});
      open.push({it.g + w + h[n.hi], it.g + w, seq++, n.hi, trails.size() - 1});
    }
  }
  return out;
}

}  // namespace icsrisk::attacktree
