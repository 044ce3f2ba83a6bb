// Binary decision diagrams for attack trees with shared sub-trees (method.md §8; Kordy &
// Wideł, "On quantitative analysis of attack–defense trees with repeated labels", 2018).

#include "attacktree/bdd.h"

#include <bdd.h>
// The C++ header maps bdd_ithvar to its class wrapper; this file uses the C interface.
#undef bdd_ithvar

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "attacktree/decision_diagram.h"
#include "attacktree/minimal_sets.h"

namespace icsrisk::attacktree {

namespace {

// BuDDy's constant nodes (its C++ header redefines bddfalse/bddtrue as objects).
constexpr BDD kFalse = 0;
constexpr BDD kTrue = 1;

// BuDDy keeps one global node table: one analysis at a time.
std::mutex g_bdd_mutex;
int g_bdd_error = 0;
// Not a BuDDy error code (those are negative): the time budget ran out between operations.
constexpr int kTimeBudget = 1;

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
    bdd_reorder_hook(nullptr);
    bdd_setmaxnodenum(max_nodes);
    bdd_setvarnum(std::max(vars, 1));
  }
  ~BddSession() { bdd_done(); }
  BddSession(const BddSession&) = delete;
  BddSession& operator=(const BddSession&) = delete;
};

/// The variable order: a depth-first walk from the root that visits the lighter children of a
/// gate first (weight: basic events below, counted per path, saturating), each event once, at
/// its first visit. On (x₁ ∧ … ∧ xₙ ∧ z) ∨ ⋁ᵢ (xᵢ ∧ yᵢ) it gives x₁ y₁ … xₙ yₙ z, whose diagram
/// is linear, where first appearance (x₁ … xₙ z y₁ … yₙ) is exponential.
std::vector<std::size_t> static_order(const Tree& t) {
  constexpr std::uint64_t kCap = std::uint64_t{1} << 62;
  std::vector<std::uint64_t> weight(t.nodes.size(), 1);
  for (std::size_t n : t.order) {
    if (!is_gate(t.nodes[n].kind)) continue;
    std::uint64_t w = 0;
    for (std::size_t c : t.nodes[n].children)
      w = std::min(kCap, w + weight[c]);
    weight[n] = w;
  }
  std::vector<std::size_t> out;
  std::vector<bool> seen(t.nodes.size(), false);
  std::vector<std::size_t> stack{t.root};
  std::vector<std::size_t> kids;
  while (!stack.empty()) {
    std::size_t n = stack.back();
    stack.pop_back();
    if (seen[n]) continue;
    seen[n] = true;
    if (!is_gate(t.nodes[n].kind)) {
      out.push_back(n);
      continue;
    }
    kids = t.nodes[n].children;
    std::stable_sort(kids.begin(), kids.end(),
                     [&](std::size_t a, std::size_t b) { return weight[a] < weight[b]; });
    for (auto it = kids.rbegin(); it != kids.rend(); ++it)
      if (!seen[*it]) stack.push_back(*it);
  }
  return out;
}

/// The root's diagram, built bottom-up; every stored result holds a BuDDy reference. Stops
/// (with g_bdd_error set) past the deadline.
BDD build(const Tree& t, const std::vector<int>& var_of, const Budget& budget) {
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
      if (budget.expired()) g_bdd_error = kTimeBudget;
    }
    f[n] = bdd_addref(r);
    if (g_bdd_error != 0) break;
  }
  return f[t.root];  // every reference is dropped by bdd_done
}

/// A plain copy of the diagram under `root` (children before parents), with each node's level.
Diagram export_diagram(BDD root) {
  Diagram d;
  if (root == kFalse || root == kTrue) {
    d.root = static_cast<std::uint32_t>(root);
    return d;
  }
  std::unordered_map<BDD, std::uint32_t> index{{kFalse, 0}, {kTrue, 1}};
  std::vector<BDD> stack{root};
  while (!stack.empty()) {
    BDD f = stack.back();
    if (index.contains(f)) {
      stack.pop_back();
      continue;
    }
    BDD lo = bdd_low(f), hi = bdd_high(f);
    auto lo_it = index.find(lo), hi_it = index.find(hi);
    if (lo_it == index.end() || hi_it == index.end()) {
      if (lo_it == index.end()) stack.push_back(lo);
      if (hi_it == index.end()) stack.push_back(hi);
      continue;
    }
    int var = bdd_var(f);
    d.nodes.push_back({var, bdd_var2level(var), lo_it->second, hi_it->second});
    index.emplace(f, static_cast<std::uint32_t>(d.nodes.size() - 1));
    stack.pop_back();
  }
  d.root = index.at(root);
  return d;
}

/// Builds the diagram with BuDDy and copies it out; BuDDy is held only for this call.
core::Result<Diagram> make_diagram(const Tree& t, const std::vector<std::size_t>& events,
                                   const BddOptions& options, const Budget& budget) {
  std::vector<int> var_of(t.nodes.size(), -1);
  for (std::size_t i = 0; i < events.size(); ++i)
    var_of[events[i]] = static_cast<int>(i);
  std::size_t max_nodes = std::max<std::size_t>(options.max_bdd_nodes, 10000);
  // BuDDy rounds the table up to a prime: start well below the bound it must not exceed.
  std::size_t nodes = std::clamp<std::size_t>(4 * t.order.size(), 5000, max_nodes / 2);
  std::lock_guard<std::mutex> lock(g_bdd_mutex);
  BddSession session(static_cast<int>(nodes),
                     static_cast<int>(std::max<std::size_t>(nodes / 8, 1000)),
                     static_cast<int>(max_nodes), static_cast<int>(events.size()));
  if (events.size() <= options.max_reorder_variables && g_bdd_error == 0) {
    bdd_varblockall();
    bdd_autoreorder(BDD_REORDER_SIFT);
  }
  BDD root = build(t, var_of, budget);
  if (g_bdd_error == kTimeBudget)
    return core::Error{
        fmt::format("the decision diagram was not finished within the time "
                    "budget of {} s",
                    options.max_seconds)};
  if (g_bdd_error != 0)
    return core::Error{
        fmt::format("the decision diagram could not be built within the budget of {} nodes "
                    "({})",
                    max_nodes, bdd_errstring(g_bdd_error))};
  bdd_disable_reorder();
  return export_diagram(root);
}

/// Lists `family`'s smallest sets (at most `cap`) as ids, by size, then in tree order.
std::vector<std::vector<std::string>> list_sets(const Tree& t,
                                                const std::vector<std::size_t>& events,
                                                const SetFamily& family, std::size_t cap,
                                                bool* stopped) {
  std::vector<std::size_t> position(t.nodes.size(), 0);
  std::vector<std::size_t> tree_order = basic_events(t);
  for (std::size_t i = 0; i < tree_order.size(); ++i)
    position[tree_order[i]] = i;
  std::vector<std::vector<std::size_t>> sets;
  for (const std::vector<int>& s :
       family.lightest(cap, std::vector<double>(events.size(), 1), stopped)) {
    std::vector<std::size_t> p;
    p.reserve(s.size());
    for (int v : s)
      p.push_back(position[events[static_cast<std::size_t>(v)]]);
    std::sort(p.begin(), p.end());
    sets.push_back(std::move(p));
  }
  std::sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  std::vector<std::vector<std::string>> named;
  named.reserve(sets.size());
  for (const std::vector<std::size_t>& s : sets) {
    std::vector<std::string> ids;
    ids.reserve(s.size());
    for (std::size_t p : s)
      ids.push_back(t.nodes[tree_order[p]].id);
    named.push_back(std::move(ids));
  }
  return named;
}

}  // namespace

core::Result<BddAnalysis> analyze_bdd(const Tree& t, const BddOptions& options) {
  BddAnalysis out;
  if (t.order.empty()) return core::Error{"the tree has no nodes to analyse"};
  Budget budget;
  budget.max_nodes = options.max_bdd_nodes;
  budget.deadline = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(std::min(options.max_seconds, 1e9)));
  std::vector<std::size_t> events = static_order(t);
  out.variables = events.size();
  if (events.size() > options.max_variables)
    return core::Error{fmt::format("{} basic events, more than the {} the exact analysis takes",
                                   events.size(), options.max_variables)};
  core::Result<Diagram> d = make_diagram(t, events, options, budget);
  if (!d) return d.error();
  out.bdd_nodes = d->nodes.size() - 2;
  std::vector<double> p(events.size(), 0), cost(events.size(), 0);
  bool all_p = true, all_cost = true;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Node& n = t.nodes[events[i]];
    all_p = all_p && n.probability.has_value();
    all_cost = all_cost && n.cost.has_value();
    p[i] = n.probability.value_or(0);
    cost[i] = n.cost.value_or(0);
  }
  if (all_p) out.probability = diagram_probability(*d, p);
  if (all_cost) out.min_cost = diagram_min_cost(*d, cost);
  budget.max_nodes = options.max_set_nodes;
  SetFamily family(*d, budget);
  if (!family.ok()) {
    out.cut_sets_complete = false;
    out.cut_sets_error = family.error();
    return out;
  }
  std::uint64_t count = family.count();
  out.cut_set_count = count > SIZE_MAX ? SIZE_MAX : static_cast<std::size_t>(count);
  out.cut_sets = list_sets(t, events, family, options.max_cut_sets, &out.listing_stopped);
  for (Rank r : options.rank)
    out.ranked.push_back(rank_sets(t, events, family, r, options.top, options.max_rank_work));
  return out;
}

}  // namespace icsrisk::attacktree
