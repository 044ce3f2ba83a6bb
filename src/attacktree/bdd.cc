// Binary decision diagrams for attack trees with shared sub-trees (method.md §8; Kordy &
// Wideł, "On quantitative analysis of attack–defense trees with repeated labels", 2018).

#include "attacktree/bdd.h"

#include <bdd.h>
// The C++ header maps bdd_ithvar to its class wrapper; this file uses the C interface.
#undef bdd_ithvar

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

namespace icsrisk::attacktree {

namespace {

// BuDDy's constant nodes (its C++ header redefines bddfalse/bddtrue as objects).
constexpr BDD kFalse = 0;
constexpr BDD kTrue = 1;

// BuDDy keeps one global node table: one analysis at a time.
std::mutex g_bdd_mutex;
int g_bdd_error = 0;

void on_bdd_error(int code) {
  // BuDDy's default handler prints and exits; record the error and let the call unwind.
  if (g_bdd_error == 0) g_bdd_error = code;
}

/// Sets BuDDy up for one analysis and tears it down on every path out.
class BddSession {
 public:
  BddSession(int nodes, int cache, int max_nodes, int vars) {
    g_bdd_error = 0;
    bdd_error_hook(on_bdd_error);
    if (bdd_init(nodes, cache) < 0) g_bdd_error = BDD_MEMORY;
    bdd_error_hook(on_bdd_error);
    bdd_gbc_hook(nullptr);  // the default prints a line per garbage collection
    bdd_resize_hook(nullptr);
    bdd_setmaxnodenum(max_nodes);
    bdd_setvarnum(std::max(vars, 1));
  }
  ~BddSession() { bdd_done(); }
  BddSession(const BddSession&) = delete;
  BddSession& operator=(const BddSession&) = delete;
};

using Family = std::vector<std::vector<int>>;  // sets of variables, each sorted ascending

class Analyzer {
 public:
  Analyzer(const std::vector<double>& p, const BddOptions& o) : p_(p), options_(o) {}

  double probability(BDD f) {
    if (f == kFalse) return 0;
    if (f == kTrue) return 1;
    auto it = prob_.find(f);
    if (it != prob_.end()) return it->second;
    // Shannon expansion: P(f) = p(x)·P(f|x=1) + (1 − p(x))·P(f|x=0).
    double px = p_[static_cast<std::size_t>(bdd_var(f))];
    double v = px * probability(bdd_high(f)) + (1 - px) * probability(bdd_low(f));
    prob_.emplace(f, v);
    return v;
  }

  /// Rauzy's minimal solutions of a monotone function: mcs(ite(x, H, L)) = mcs(L) ∪
  /// {{x} ∪ s : s ∈ mcs(H), no set of mcs(L) is a subset of s}. nullptr past the work bound.
  const Family* minimal_sets(BDD f) {
    if (f == kFalse) return &empty_;
    if (f == kTrue) return &unit_;
    auto it = sets_.find(f);
    if (it != sets_.end()) return &it->second;
    const Family* low = minimal_sets(bdd_low(f));
    if (!low) return nullptr;
    const Family* high = minimal_sets(bdd_high(f));
    if (!high) return nullptr;
    if (low->size() + high->size() > options_.max_intermediate_sets) return nullptr;
    Family out = *low;
    int x = bdd_var(f);
    for (const std::vector<int>& s : *high) {
      bool covered = std::any_of(low->begin(), low->end(), [&](const std::vector<int>& t) {
        return std::includes(s.begin(), s.end(), t.begin(), t.end());
      });
      if (covered) continue;
      std::vector<int> with_x;
      with_x.reserve(s.size() + 1);
      with_x.push_back(x);  // variables below x have larger indices: still sorted
      with_x.insert(with_x.end(), s.begin(), s.end());
      out.push_back(std::move(with_x));
    }
    return &sets_.emplace(f, std::move(out)).first->second;
  }

 private:
  const std::vector<double>& p_;
  const BddOptions& options_;
  std::unordered_map<BDD, double> prob_;
  std::unordered_map<BDD, Family> sets_;
  Family empty_;
  Family unit_{std::vector<int>{}};
};

/// The root's diagram, built bottom-up; every stored result holds a BuDDy reference.
BDD build(const Tree& t, const std::vector<int>& var_of) {
  std::vector<BDD> f(t.nodes.size(), kFalse);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    BDD r;
    if (!is_gate(node.kind)) {
      r = bdd_ithvar(var_of[n]);
    } else {
      bool is_or = node.kind == NodeKind::kOr;
      r = bdd_addref(is_or ? kFalse : kTrue);
      for (std::size_t c : node.children) {
        BDD next = bdd_addref(is_or ? bdd_or(r, f[c]) : bdd_and(r, f[c]));
        bdd_delref(r);
        r = next;
        if (g_bdd_error != 0) break;
      }
      bdd_delref(r);
    }
    f[n] = bdd_addref(r);
    if (g_bdd_error != 0) break;
  }
  return f[t.root];  // every reference is dropped by bdd_done
}

}  // namespace

core::Result<BddAnalysis> analyze_bdd(const Tree& t, const BddOptions& options) {
  BddAnalysis out;
  if (t.order.empty()) return core::Error{"the tree has no nodes to analyse"};
  std::vector<std::size_t> events = basic_events(t);
  out.variables = events.size();
  if (events.size() > options.max_variables)
    return core::Error{fmt::format("{} basic events, more than the {} the exact analysis takes",
                                   events.size(), options.max_variables)};
  std::vector<int> var_of(t.nodes.size(), -1);
  std::vector<double> p(events.size(), 0);
  bool all_p = true;
  for (std::size_t i = 0; i < events.size(); ++i) {
    var_of[events[i]] = static_cast<int>(i);
    const Node& n = t.nodes[events[i]];
    all_p = all_p && n.probability.has_value();
    p[i] = n.probability.value_or(0);
  }
  std::size_t max_nodes = std::max<std::size_t>(options.max_bdd_nodes, 10000);
  // BuDDy rounds the table up to a prime: start well below the bound it must not exceed.
  std::size_t nodes = std::clamp<std::size_t>(4 * t.order.size(), 5000, max_nodes / 2);

  std::lock_guard<std::mutex> lock(g_bdd_mutex);
  BddSession session(static_cast<int>(nodes),
                     static_cast<int>(std::max<std::size_t>(nodes / 8, 1000)),
                     static_cast<int>(max_nodes), static_cast<int>(events.size()));
  BDD root = build(t, var_of);
  if (g_bdd_error != 0)
    return core::Error{
        fmt::format("the decision diagram could not be built: {}", bdd_errstring(g_bdd_error))};
  out.bdd_nodes = static_cast<std::size_t>(bdd_nodecount(root));
  Analyzer a(p, options);
  if (all_p) out.probability = a.probability(root);
  const Family* sets = a.minimal_sets(root);
  if (!sets) {
    out.cut_sets_complete = false;
    return out;
  }
  out.cut_set_count = sets->size();
  bool all_cost = std::all_of(events.begin(), events.end(),
                              [&](std::size_t e) { return t.nodes[e].cost.has_value(); });
  if (all_cost && !sets->empty()) {
    double best = HUGE_VAL;
    for (const std::vector<int>& s : *sets) {
      double sum = 0;
      for (int v : s)
        sum += *t.nodes[events[static_cast<std::size_t>(v)]].cost;
      best = std::min(best, sum);
    }
    out.min_cost = best;
  }
  // Sets list their events in tree order (variables are numbered by first appearance, and
  // each set is ascending); the list goes by size, then lexicographically by that order.
  std::vector<std::vector<int>> sorted(sets->begin(), sets->end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a1, const auto& b1) {
    return a1.size() != b1.size() ? a1.size() < b1.size() : a1 < b1;
  });
  if (sorted.size() > options.max_cut_sets) sorted.resize(options.max_cut_sets);
  std::vector<std::vector<std::string>> named;
  named.reserve(sorted.size());
  for (const std::vector<int>& s : sorted) {
    std::vector<std::string> ids;
    for (int v : s)
      ids.push_back(t.nodes[events[static_cast<std::size_t>(v)]].id);
    named.push_back(std::move(ids));
  }
  out.cut_sets = std::move(named);
  return out;
}

}  // namespace icsrisk::attacktree
