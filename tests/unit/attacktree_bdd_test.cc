// Exact probability and minimal attack sets on DAGs (method.md §8), checked by brute force;
// the order, the budgets and the set searches.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <thread>

#include "attacktree/bdd.h"
#include "attacktree/evaluate.h"
#include "attacktree/minimal_sets.h"
#include "attacktree_brute.h"
#include "attacktree_builder.h"

namespace icsrisk::attacktree {
namespace {

using testing::brute_min_cost;
using testing::brute_minimal_sets;
using testing::brute_probability;
using testing::Builder;
using testing::fmt_id;
using testing::random_dag;

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
  BddOptions o;
  o.max_seconds = 600;  // the node table is under test, not the clock (slow sanitizer builds)
  core::Result<BddAnalysis> r = analyze_bdd(t, o);
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
