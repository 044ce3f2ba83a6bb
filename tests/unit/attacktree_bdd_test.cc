// Exact probability and minimal attack sets on DAGs (method.md §8), checked by brute force.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <thread>

#include "attacktree/bdd.h"
#include "attacktree/defence.h"
#include "attacktree/evaluate.h"
#include "attacktree/minimal_sets.h"
#include "attacktree/summary.h"
#include "attacktree_builder.h"

namespace icsrisk::attacktree {
namespace {

using testing::Builder;
using testing::fmt_id;
using testing::holds;

/// P(root) by summing over all 2^k assignments of the k basic events.
double brute_probability(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  double total = 0;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    double w = 1;
    for (std::size_t i = 0; i < ev.size(); ++i) {
      bool b = (mask >> i) & 1u;
      on[ev[i]] = b;
      double p = *t.nodes[ev[i]].probability;
      w *= b ? p : 1 - p;
    }
    if (holds(t, on)) total += w;
  }
  return total;
}

/// The cheapest satisfying assignment's total cost, by brute force.
double brute_min_cost(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  double best = HUGE_VAL;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    double sum = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
      on[ev[i]] = (mask >> i) & 1u;
      if (on[ev[i]]) sum += *t.nodes[ev[i]].cost;
    }
    if (holds(t, on)) best = std::min(best, sum);
  }
  return best;
}

/// Minimal satisfying sets by brute force: events in tree order, sets by size then that order.
std::vector<std::vector<std::string>> brute_minimal_sets(const Tree& t) {
  std::vector<std::size_t> ev = basic_events(t);
  std::vector<std::uint32_t> sat;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<bool> on(t.nodes.size(), false);
    for (std::size_t i = 0; i < ev.size(); ++i)
      on[ev[i]] = (mask >> i) & 1u;
    if (holds(t, on)) sat.push_back(mask);
  }
  std::vector<std::vector<std::size_t>> minimal;
  for (std::uint32_t s : sat) {
    bool is_minimal = std::none_of(sat.begin(), sat.end(),
                                   [&](std::uint32_t o) { return o != s && (o & s) == o; });
    if (!is_minimal) continue;
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < ev.size(); ++i)
      if ((s >> i) & 1u) positions.push_back(i);
    minimal.push_back(positions);
  }
  std::sort(minimal.begin(), minimal.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  std::vector<std::vector<std::string>> out;
  for (const auto& positions : minimal) {
    std::vector<std::string> ids;
    for (std::size_t i : positions)
      ids.push_back(t.nodes[ev[i]].id);
    out.push_back(ids);
  }
  return out;
}

Tree random_dag(std::mt19937& rng) {
  Builder b;
  std::uniform_int_distribution<int> n_events(2, 12), n_gates(1, 8), n_kids(1, 4), kind(0, 2);
  std::uniform_real_distribution<double> prob(0.0, 1.0);
  std::vector<std::size_t> nodes;
  int events = n_events(rng);
  std::uniform_int_distribution<int> cost(0, 9);
  for (int i = 0; i < events; ++i) {
    nodes.push_back(b.event("e" + std::to_string(i), prob(rng)));
    b.last().cost = cost(rng);
    b.last().time = cost(rng);
    b.last().skill = cost(rng) % 5 + 1;
  }
  int gates = n_gates(rng);
  std::size_t last = 0;
  for (int g = 0; g < gates; ++g) {
    std::uniform_int_distribution<std::size_t> pick(0, nodes.size() - 1);
    std::vector<std::size_t> kids;
    int k = n_kids(rng);
    for (int i = 0; i < k; ++i)
      kids.push_back(pick(rng));  // repeats make shared nodes
    NodeKind kinds[] = {NodeKind::kOr, NodeKind::kAnd, NodeKind::kSand};
    last = b.gate(kinds[kind(rng)], kids);
    nodes.push_back(last);
  }
  return b.done(last);
}

TEST(AttackTreeBddTest, ExactProbabilityEqualsBruteForceOnRandomDags) {
  std::mt19937 rng(20260427);
  int with_sharing_that_differs = 0;
  for (int i = 0; i < 250; ++i) {
    Tree t = random_dag(rng);
    core::Result<BddAnalysis> r = analyze_bdd(t);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(r->probability);
    double brute = brute_probability(t);
    EXPECT_NEAR(*r->probability, brute, 1e-12) << "dag " << i;
    EXPECT_EQ(r->cut_sets, brute_minimal_sets(t)) << "dag " << i;
    EXPECT_EQ(r->cut_set_count, r->cut_sets.size());
    double cheapest = brute_min_cost(t);
    if (std::isinf(cheapest)) {
      EXPECT_FALSE(r->min_cost);  // the root cannot be reached
    } else {
      EXPECT_EQ(r->min_cost, cheapest) << "dag " << i;
    }
    double naive = *evaluate(t, Domain::kProbability).value;
    if (shared_node_count(t) == 0) {
      EXPECT_NEAR(naive, brute, 1e-12) << "a tree without sharing: bottom-up is exact";
    } else if (std::fabs(naive - brute) > 1e-9) {
      ++with_sharing_that_differs;
    }
  }
  EXPECT_GT(with_sharing_that_differs, 20);  // the generator does exercise shared nodes
}

TEST(AttackTreeBddTest, SharedEventDiffersFromNaiveBottomUp) {
  // (A ∧ B) ∨ (A ∧ C) with P = 0.5 each: exact P(A)·P(B ∨ C) = 0.5 · 0.75 = 0.375;
  // bottom-up treats the two A's as independent: 1 − (1 − 0.25)² = 0.4375.
  Builder b;
  std::size_t a = b.event("A", 0.5), bb = b.event("B", 0.5), c = b.event("C", 0.5);
  std::size_t ab = b.gate(NodeKind::kAnd, {a, bb});
  std::size_t ac = b.gate(NodeKind::kAnd, {a, c});
  Tree t = b.done(b.gate(NodeKind::kOr, {ab, ac}));
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r);
  EXPECT_NEAR(*r->probability, 0.375, 1e-15);
  EXPECT_NEAR(*evaluate(t, Domain::kProbability).value, 0.4375, 1e-15);
  EXPECT_EQ(r->variables, 3u);
  EXPECT_EQ(r->cut_sets, (std::vector<std::vector<std::string>>{{"A", "B"}, {"A", "C"}}));
}

TEST(AttackTreeBddTest, AbsorptionLeavesOnlyMinimalSets) {
  // A ∨ (A ∧ B) ∨ (B ∧ C ∧ D) ∨ (C ∧ D): {A}, {C, D}.
  Builder b;
  std::size_t a = b.event("A"), bb = b.event("B"), c = b.event("C"), d = b.event("D");
  std::size_t ab = b.gate(NodeKind::kAnd, {a, bb});
  std::size_t bcd = b.gate(NodeKind::kSand, {bb, c, d});
  std::size_t cd = b.gate(NodeKind::kAnd, {c, d});
  Tree t = b.done(b.gate(NodeKind::kOr, {a, ab, bcd, cd}));
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->probability);  // no probabilities given
  EXPECT_EQ(r->cut_sets, (std::vector<std::vector<std::string>>{{"A"}, {"C", "D"}}));
}

TEST(AttackTreeBddTest, ListsAreCappedWithTheTotalCount) {
  Builder b;
  std::vector<std::size_t> leaves;
  for (int i = 0; i < 1500; ++i)
    leaves.push_back(b.event(fmt_id(i)));
  Tree t = b.done(b.gate(NodeKind::kOr, leaves));
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->cut_set_count, 1500u);
  ASSERT_EQ(r->cut_sets.size(), 1000u);
  EXPECT_EQ(r->cut_sets.front(), std::vector<std::string>{"e0000"});
  EXPECT_EQ(r->cut_sets.back(), std::vector<std::string>{"e0999"});
}

TEST(AttackTreeBddTest, CountsAnExponentialFamilyWithoutListingIt) {
  // AND of 18 two-way ORs has 2^18 minimal sets (issue 13 item 12: > 120 s before); the ZDD
  // holds them in 36 nodes and the listing stops at its cap.
  Builder b;
  std::vector<std::size_t> ors;
  for (int i = 0; i < 18; ++i)
    ors.push_back(b.gate(NodeKind::kOr, {b.event(fmt_id(2 * i)), b.event(fmt_id(2 * i + 1))}));
  Tree t = b.done(b.gate(NodeKind::kAnd, ors));
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->cut_sets_complete);
  EXPECT_EQ(r->cut_set_count, 262144u);
  ASSERT_EQ(r->cut_sets.size(), 1000u);
  std::vector<std::string> first;
  for (int i = 0; i < 18; ++i)
    first.push_back(fmt_id(2 * i));
  EXPECT_EQ(r->cut_sets.front(), first);  // all sets have 18 events: lexicographic first
}

TEST(AttackTreeBddTest, StopsAtTheSetNodeBudgetAndSaysWhy) {
  Builder b;
  std::vector<std::size_t> ors;
  for (int i = 0; i < 14; ++i)
    ors.push_back(b.gate(NodeKind::kOr, {b.event(fmt_id(2 * i)), b.event(fmt_id(2 * i + 1))}));
  Tree t = b.done(b.gate(NodeKind::kAnd, ors));
  BddOptions o;
  o.max_set_nodes = 10;
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->cut_sets_complete);
  EXPECT_TRUE(r->cut_sets.empty());
  EXPECT_EQ(r->cut_sets_error, "the minimal sets need more than 10 diagram nodes");
  EXPECT_EQ(analyze_bdd(t)->cut_set_count, 16384u);  // within the default budget
}

TEST(AttackTreeBddTest, ConcurrentCallsAreSerialisedAndCorrect) {
  Builder b;
  std::size_t a = b.event("A", 0.5), bb = b.event("B", 0.5), c = b.event("C", 0.5);
  Tree t = b.done(
      b.gate(NodeKind::kOr, {b.gate(NodeKind::kAnd, {a, bb}), b.gate(NodeKind::kAnd, {a, c})}));
  std::vector<double> got(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k)
        got[i] = *analyze_bdd(t)->probability;
    });
  for (std::thread& th : threads)
    th.join();
  for (double g : got)
    EXPECT_NEAR(g, 0.375, 1e-15);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, RefusesTreesWithMoreEventsThanTheBound) {
  Builder b;
  std::vector<std::size_t> leaves;
  for (int i = 0; i < 50; ++i)
    leaves.push_back(b.event(fmt_id(i), 0.5));
  Tree t = b.done(b.gate(NodeKind::kAnd, leaves));
  BddOptions o;
  o.max_variables = 40;
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "50 basic events, more than the 40 the exact analysis takes");
  EXPECT_NEAR(*analyze_bdd(t)->probability, std::pow(0.5, 50), 1e-25);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, MinimalCostPaysASharedEventOnce) {
  // A ∧ (A ∨ B) ∧ (A ∨ C) with cost(A) = 5, B = C = 1: bottom-up sums A three times under the
  // AND (5 + 1 + 1 = 7 with the ORs taking B and C); the cheapest attack set is {A}: 5.
  Builder b;
  std::size_t a = b.event("A"), bb = b.event("B"), c = b.event("C");
  std::size_t ab = b.gate(NodeKind::kOr, {a, bb});
  std::size_t ac = b.gate(NodeKind::kOr, {a, c});
  Tree t = b.done(b.gate(NodeKind::kAnd, {a, ab, ac}));
  for (Node& n : t.nodes)
    if (!is_gate(n.kind)) n.cost = n.id == "A" ? 5 : 1;
  EXPECT_DOUBLE_EQ(*evaluate(t, Domain::kCost).value, 7);
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->cut_sets, std::vector<std::vector<std::string>>{{"A"}});
  EXPECT_DOUBLE_EQ(*r->min_cost, 5);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, ManyGatesOverFewEventsFitTheNodeTable) {
  // 1.2 million single-child gates over one OR of two events: the node-table estimate (four
  // per tree node) passes the table bound, which must not make the analysis fail.
  Builder b;
  std::size_t top = b.gate(NodeKind::kOr, {b.event("A", 0.5), b.event("B", 0.5)});
  for (int i = 0; i < 1200000; ++i)
    top = b.gate(i % 2 ? NodeKind::kAnd : NodeKind::kSand, {top});
  Tree t = b.done(top);
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_NEAR(*r->probability, 0.75, 1e-15);
  EXPECT_EQ(r->cut_sets, (std::vector<std::vector<std::string>>{{"A"}, {"B"}}));
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

/// (x₁ ∧ … ∧ xₙ ∧ z) ∨ ⋁ᵢ (xᵢ ∧ yᵢ), every event with probability 0.5.
Tree order_sensitive_family(int n) {
  Builder b;
  std::vector<std::size_t> xs, all;
  for (int i = 0; i < n; ++i)
    xs.push_back(b.event("x" + std::to_string(i), 0.5));
  all = xs;
  all.push_back(b.event("z", 0.5));
  std::vector<std::size_t> top{b.gate(NodeKind::kAnd, all)};
  for (int i = 0; i < n; ++i)
    top.push_back(b.gate(NodeKind::kAnd, {xs[i], b.event("y" + std::to_string(i), 0.5)}));
  return b.done(b.gate(NodeKind::kOr, top));
}

TEST(AttackTreeBddTest, OrderSensitiveFamilyStaysSmallAtFortyPairs) {
  // First appearance orders the x's before the y's: 2^n nodes (n = 20 took 67 s and 1.9 GB).
  // P = 1 − P(no pair) + P(all x, z, no y) = 1 − 0.75^n + 0.5^(2n+1).
  Tree t = order_sensitive_family(40);
  core::Result<BddAnalysis> r = analyze_bdd(t);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_LT(r->bdd_nodes, 400u);
  EXPECT_NEAR(*r->probability, 1 - std::pow(0.75, 40) + std::pow(0.5, 81), 1e-15);
  EXPECT_EQ(r->cut_set_count, 41u);
  EXPECT_EQ(r->cut_sets.front(), (std::vector<std::string>{"x0", "y0"}));
  EXPECT_EQ(r->cut_sets.back().size(), 41u);
}

TEST(AttackTreeBddTest, FailsWithItsReasonAtTheBddNodeBudget) {
  // (x₁ ∧ … ∧ x₂₀) ∨ ⋁ᵢ (xᵢ ∧ yᵢ): the all-x gate is the lighter child, so the static order
  // puts every x before every y (2^20 nodes). With sifting off the budget stops it.
  Builder b;
  std::vector<std::size_t> xs, pairs;
  for (int i = 0; i < 20; ++i)
    xs.push_back(b.event("x" + std::to_string(i), 0.5));
  for (int i = 0; i < 20; ++i)
    pairs.push_back(b.gate(NodeKind::kAnd, {xs[i], b.event("y" + std::to_string(i), 0.5)}));
  std::size_t all_x = b.gate(NodeKind::kAnd, xs);
  Tree t = b.done(b.gate(NodeKind::kOr, {all_x, b.gate(NodeKind::kOr, pairs)}));
  BddOptions o;
  o.max_bdd_nodes = 10000;
  o.max_reorder_variables = 0;
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("within the budget of 10000 nodes"), std::string::npos)
      << r.error().message;
  o.max_reorder_variables = 2000;  // sifting finds the interleaved order
  o.max_bdd_nodes = 200000;
  core::Result<BddAnalysis> sifted = analyze_bdd(t, o);
  ASSERT_TRUE(sifted) << sifted.error().message;
  EXPECT_EQ(sifted->cut_set_count, 21u);
}

TEST(AttackTreeBddTest, FailsWithItsReasonAtTheTimeBudget) {
  Tree t = order_sensitive_family(10);
  BddOptions o;
  o.max_seconds = 0;
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "the decision diagram was not finished within the time budget of 0 s");
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

/// The least, over satisfying assignments, of the bottom-up value of domain d with only the
/// assignment's events available (OR: the best available child; AND, SAND: all needed).
double brute_best(const Tree& t, Domain d) {
  std::vector<std::size_t> ev = basic_events(t);
  double best = HUGE_VAL;
  for (std::uint32_t mask = 0; mask < (1u << ev.size()); ++mask) {
    std::vector<double> v(t.nodes.size(), HUGE_VAL);  // HUGE_VAL: not achieved
    for (std::size_t i = 0; i < ev.size(); ++i)
      if ((mask >> i) & 1u)
        v[ev[i]] = *(d == Domain::kTime ? t.nodes[ev[i]].time : t.nodes[ev[i]].skill);
    for (std::size_t n : t.order) {
      const Node& node = t.nodes[n];
      if (!is_gate(node.kind)) continue;
      double acc = node.kind == NodeKind::kOr ? HUGE_VAL : 0;
      for (std::size_t c : node.children) {
        if (node.kind == NodeKind::kOr)
          acc = std::min(acc, v[c]);
        else if (std::isinf(v[c]) || std::isinf(acc))
          acc = HUGE_VAL;
        else
          acc =
              node.kind == NodeKind::kSand && d == Domain::kTime ? acc + v[c] : std::max(acc, v[c]);
      }
      v[n] = acc;
    }
    best = std::min(best, v[t.root]);
  }
  return best;
}

TEST(AttackTreeBddTest, EveryFigureLabelledExactMatchesBruteForceOnRandomDags) {
  std::mt19937 rng(20261129);
  int inexact_time = 0, exact_time_on_dags = 0;
  for (int i = 0; i < 300; ++i) {
    Tree t = random_dag(rng);
    TreeEvaluation e =
        evaluate_tree(t, std::vector<Domain>(std::begin(kAllDomains) + 1, std::end(kAllDomains)));
    for (const Figure& f : e.figures) {
      Domain d = f.bottom_up.domain;
      ASSERT_TRUE(f.value) << domain_name(d);
      if (!f.exactness.exact) {
        ASSERT_EQ(d, Domain::kTime) << "only time may fall back on a small DAG";
        ++inexact_time;
        continue;
      }
      double brute = d == Domain::kProbability ? brute_probability(t)
                     : d == Domain::kCost      ? brute_min_cost(t)
                                               : brute_best(t, d);
      EXPECT_NEAR(*f.value, brute, 1e-12) << domain_name(d) << " dag " << i;
      if (d == Domain::kTime && e.shared > 0) ++exact_time_on_dags;
    }
  }
  EXPECT_GT(inexact_time, 10);  // the generator makes sands that sum a shared node twice
  EXPECT_GT(exact_time_on_dags, 10);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

/// The tree's time with only the events of `ids` available (OR min, AND max, SAND sum).
double brute_set_time(const Tree& t, const std::vector<std::string>& ids) {
  std::vector<double> v(t.nodes.size(), HUGE_VAL);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    if (!is_gate(node.kind)) {
      if (std::find(ids.begin(), ids.end(), node.id) != ids.end()) v[n] = *node.time;
      continue;
    }
    double acc = node.kind == NodeKind::kOr ? HUGE_VAL : 0;
    for (std::size_t c : node.children)
      acc = node.kind == NodeKind::kOr     ? std::min(acc, v[c])
            : node.kind == NodeKind::kSand ? acc + v[c]
                                           : std::max(acc, v[c]);
    v[n] = acc;
  }
  return v[t.root];
}

TEST(AttackTreeBddTest, RankedSetsMatchBruteForceOnRandomDags) {
  std::mt19937 rng(777);
  BddOptions o;
  o.rank = {Rank::kProbability, Rank::kCost, Rank::kTime};
  o.top = 4;
  for (int i = 0; i < 200; ++i) {
    Tree t = random_dag(rng);
    core::Result<BddAnalysis> r = analyze_bdd(t, o);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->ranked.size(), 3u);
    std::vector<std::vector<std::string>> sets = brute_minimal_sets(t);
    for (const RankedSets& ranked : r->ranked) {
      std::vector<double> expected;
      for (const std::vector<std::string>& s : sets) {
        double p = 1, c = 0;
        for (const std::string& id : s) {
          p *= *t.nodes[t.find(id)].probability;
          c += *t.nodes[t.find(id)].cost;
        }
        if (ranked.by == Rank::kProbability && p > 0) expected.push_back(-p);
        if (ranked.by == Rank::kCost) expected.push_back(c);
        if (ranked.by == Rank::kTime) expected.push_back(brute_set_time(t, s));
      }
      std::sort(expected.begin(), expected.end());
      if (expected.size() > o.top) expected.resize(o.top);
      ASSERT_EQ(ranked.sets.size(), expected.size()) << rank_name(ranked.by) << " dag " << i;
      for (std::size_t k = 0; k < expected.size(); ++k) {
        const AttackSet& s = ranked.sets[k];
        EXPECT_NE(std::find(sets.begin(), sets.end(), s.events), sets.end());
        double got = ranked.by == Rank::kProbability ? -*s.probability
                     : ranked.by == Rank::kCost      ? *s.cost
                                                     : *s.time;
        EXPECT_NEAR(got, expected[k], 1e-12) << rank_name(ranked.by) << " dag " << i;
        EXPECT_NEAR(*s.time, brute_set_time(t, s.events), 1e-12);
      }
    }
  }
}

TEST(AttackTreeBddTest, RankingNeedsTheValueOnEveryEvent) {
  Builder b;
  std::size_t x = b.event("X", 0.5), y = b.event("Y", 0.5);
  Tree t = b.done(b.gate(NodeKind::kOr, {x, y}));
  BddOptions o;
  o.rank = {Rank::kCost};
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->ranked.front().not_ranked, "'X' has no cost");
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, RankingByTimeStopsAtItsWorkBoundAndSaysWhy) {
  Builder b;
  std::vector<std::size_t> ors;
  for (int i = 0; i < 10; ++i) {
    std::size_t x = b.event(fmt_id(2 * i)), y = b.event(fmt_id(2 * i + 1));
    ors.push_back(b.gate(NodeKind::kOr, {x, y}));
  }
  Tree t = b.done(b.gate(NodeKind::kAnd, ors));
  for (Node& n : t.nodes)
    if (!is_gate(n.kind)) n.time = 1;
  BddOptions o;
  o.rank = {Rank::kTime};
  o.max_rank_work = 1000;
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->ranked.front().not_ranked,
            "1024 sets in a tree of 31 nodes exceed the work bound of 1000");
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, TheSetSearchStopsAtTheDeadlineAndSaysSo) {
  Diagram d;  // ⋁ xᵢ over 6000 variables: a chain of nodes, each high edge to true
  for (int v = 5999; v >= 0; --v)
    d.nodes.push_back(
        {v, v, static_cast<std::uint32_t>(d.nodes.size() == 2 ? 0 : d.nodes.size() - 1), 1});
  d.nodes[2].lo = Diagram::kFalse;
  d.root = static_cast<std::uint32_t>(d.nodes.size() - 1);
  Budget b;
  b.deadline = std::chrono::steady_clock::now();  // passes before the search's first check
  SetFamily f(d, b);
  ASSERT_TRUE(f.ok()) << f.error();
  EXPECT_EQ(f.count(), 6000u);
  bool stopped = false;
  std::vector<std::vector<int>> sets = f.lightest(6000, std::vector<double>(6000, 1), &stopped);
  EXPECT_TRUE(stopped);
  EXPECT_LT(sets.size(), 6000u);
  EXPECT_EQ(sets.front(), std::vector<int>{0});
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, DefencesAndPlannedMatchBruteForceOnRandomDags) {
  std::mt19937 rng(4242);
  std::uniform_int_distribution<int> effect(0, 4);
  std::uniform_real_distribution<double> factor(0.0, 1.0);
  int blocked = 0;
  for (int i = 0; i < 200; ++i) {
    Tree t = random_dag(rng);
    for (Node& n : t.nodes) {
      if (is_gate(n.kind)) continue;
      TreeCountermeasure m;
      m.ref = "m-" + n.id;
      m.status = effect(rng) % 2 ? model::Status::kPlanned : model::Status::kImplemented;
      switch (effect(rng)) {
        case 0:
          m.blocks = true;
          break;
        case 1:
          m.probability_factor = factor(rng);
          break;
        case 2:
          m.adds_cost = 3;
          break;
        default:
          continue;  // no measure on this event
      }
      n.countermeasures.push_back(m);
    }
    for (bool planned : {false, true}) {
      // The effects, applied here independently of defence.cc.
      Tree expected = t;
      for (Node& n : expected.nodes) {
        for (const TreeCountermeasure& m : n.countermeasures) {
          if (m.status == model::Status::kPlanned && !planned) continue;
          if (m.blocks) n.probability = 0, n.cost = HUGE_VAL, ++blocked;
          if (m.probability_factor) *n.probability *= *m.probability_factor;
          if (m.adds_cost) *n.cost += *m.adds_cost;
        }
      }
      Tree got = with_measures_in_force(t, planned);
      TreeEvaluation e = evaluate_tree(got, {Domain::kProbability, Domain::kCost});
      ASSERT_TRUE(e.figures[0].exactness.exact && e.figures[1].exactness.exact);
      EXPECT_NEAR(*e.figures[0].value, brute_probability(expected), 1e-12) << "dag " << i;
      double cheapest = brute_min_cost(expected);
      if (std::isinf(cheapest))
        EXPECT_TRUE(std::isinf(*e.figures[1].value)) << "dag " << i;
      else
        EXPECT_NEAR(*e.figures[1].value, cheapest, 1e-9) << "dag " << i;
    }
  }
  EXPECT_GT(blocked, 50);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeBddTest, ParetoFrontMatchesBruteForceOnRandomDags) {
  std::mt19937 rng(99);
  BddOptions o;
  o.rank = {Rank::kPareto};
  o.top = 1000;
  std::size_t fronts_with_several = 0;
  for (int i = 0; i < 200; ++i) {
    Tree t = random_dag(rng);
    core::Result<BddAnalysis> r = analyze_bdd(t, o);
    ASSERT_TRUE(r);
    // Brute force: the minimal sets no other minimal set dominates (cost ≤, p ≥, one strict),
    // one per distinct (cost, p) point, as (cost, p) pairs sorted by cost.
    std::vector<std::pair<double, double>> points, front;
    for (const std::vector<std::string>& s : brute_minimal_sets(t)) {
      double c = 0, p = 1;
      for (const std::string& id : s)
        c += *t.nodes[t.find(id)].cost, p *= *t.nodes[t.find(id)].probability;
      points.emplace_back(c, p);
    }
    for (const auto& [c, p] : points) {
      bool dominated = std::any_of(points.begin(), points.end(), [&](const auto& q) {
        return q.first <= c && q.second >= p && (q.first < c || q.second > p);
      });
      bool repeat = std::find(front.begin(), front.end(), std::make_pair(c, p)) != front.end();
      if (!dominated && !repeat) front.emplace_back(c, p);
    }
    std::sort(front.begin(), front.end());
    const RankedSets& got = r->ranked.front();
    ASSERT_EQ(got.sets.size(), front.size()) << "dag " << i;
    for (std::size_t k = 0; k < front.size(); ++k) {
      EXPECT_DOUBLE_EQ(*got.sets[k].cost, front[k].first) << "dag " << i;
      EXPECT_NEAR(*got.sets[k].probability, front[k].second, 1e-15) << "dag " << i;
    }
    fronts_with_several += front.size() > 1 ? 1 : 0;
  }
  EXPECT_GT(fronts_with_several, 20u);
}

}  // namespace
}  // namespace icsrisk::attacktree
