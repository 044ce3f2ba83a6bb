// Every figure of `trees eval` and of the report's tree says whether it is exact; each
// fallback to a bottom-up value names its reason (issue 12, item 1).

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "attacktree/summary.h"
#include "attacktree_builder.h"

namespace icsrisk::attacktree {
namespace {

using testing::Builder;
using testing::fmt_id;

/// A ∧ ⋁ᵢ (A ∧ eᵢ), i < n, every event p 0.5, A cost 100 and each eᵢ cost 1: exact
/// P = 0.5 · (1 − 0.5^n) and cost 101; bottom-up counts A twice (cost 201).
Tree shared_dag(int n) {
  Builder b;
  std::size_t a = b.event("A", 0.5);
  b.last().cost = 100;
  std::vector<std::size_t> ands;
  for (int i = 0; i < n; ++i) {
    std::size_t e = b.event(fmt_id(i), 0.5);
    b.last().cost = 1;
    ands.push_back(b.gate(NodeKind::kAnd, {a, e}));
  }
  std::size_t any = b.gate(NodeKind::kOr, ands);
  return b.done(b.gate(NodeKind::kAnd, {a, any}));
}

const Figure& figure(const TreeEvaluation& e, Domain d) {
  for (const Figure& f : e.figures)
    if (f.bottom_up.domain == d) return f;
  throw std::logic_error("no such domain");
}

TEST(AttackTreeExactTest, BddFiguresAreExactAndDifferFromBottomUp) {
  Tree t = shared_dag(3);
  TreeEvaluation e = evaluate_tree(t, {Domain::kProbability, Domain::kCost});
  const Figure& p = figure(e, Domain::kProbability);
  EXPECT_TRUE(p.exactness.exact);
  EXPECT_TRUE(p.from_bdd);
  EXPECT_NEAR(*p.value, 0.5 * (1 - 0.125), 1e-15);
  const Figure& c = figure(e, Domain::kCost);
  EXPECT_TRUE(c.exactness.exact);
  EXPECT_DOUBLE_EQ(*c.value, 101);
  EXPECT_DOUBLE_EQ(*c.bottom_up.value, 201);  // A paid twice under the root AND
}

TEST(AttackTreeExactTest, TooManyEventsLabelsProbabilityAndCostWithTheReason) {
  // The DAG of 10,001 events printed the naive value unlabelled.
  Tree t = shared_dag(5);
  BddOptions o;
  o.max_variables = 4;
  TreeEvaluation e = evaluate_tree(t, {Domain::kProbability, Domain::kCost}, {}, o);
  for (Domain d : {Domain::kProbability, Domain::kCost}) {
    const Figure& f = figure(e, d);
    EXPECT_FALSE(f.exactness.exact) << domain_name(d);
    EXPECT_EQ(f.exactness.reason, "6 basic events, more than the 4 the exact analysis takes");
    EXPECT_EQ(f.value, f.bottom_up.value);
  }
  std::string text = render_evaluation(t, e);
  EXPECT_NE(text.find("cost         201 bottom-up, not exact: 6 basic events, more than the 4"),
            std::string::npos)
      << text;
}

TEST(AttackTreeExactTest, NodeBudgetLabelsTheFallback) {
  // (x₁ ∧ … ∧ x₁₆) ∨ ⋁ᵢ (xᵢ ∧ yᵢ) with the x's first and no sifting: 2^16 nodes.
  Builder b;
  std::vector<std::size_t> xs, pairs;
  for (int i = 0; i < 16; ++i)
    xs.push_back(b.event("x" + std::to_string(i), 0.5));
  for (int i = 0; i < 16; ++i)
    pairs.push_back(b.gate(NodeKind::kAnd, {xs[i], b.event("y" + std::to_string(i), 0.5)}));
  std::size_t all_x = b.gate(NodeKind::kAnd, xs);
  Tree t = b.done(b.gate(NodeKind::kOr, {all_x, b.gate(NodeKind::kOr, pairs)}));
  BddOptions o;
  o.max_bdd_nodes = 10000;
  o.max_reorder_variables = 0;
  TreeEvaluation e = evaluate_tree(t, {Domain::kProbability}, {}, o);
  const Figure& p = figure(e, Domain::kProbability);
  EXPECT_FALSE(p.exactness.exact);
  EXPECT_NE(p.exactness.reason.find("within the budget of 10000 nodes"), std::string::npos);
  EXPECT_NE(render_evaluation(t, e).find("bottom-up, not exact: the decision diagram"),
            std::string::npos);
}

TEST(AttackTreeExactTest, TimeBudgetLabelsTheFallback) {
  Tree t = shared_dag(4);
  BddOptions o;
  o.max_seconds = 0;
  TreeFigures f = tree_figures(t, {}, o);
  EXPECT_FALSE(f.probability);  // no exact value
  EXPECT_TRUE(f.probability_naive);
  EXPECT_FALSE(f.probability_exactness.exact);
  EXPECT_FALSE(f.cost_exactness.exact);
  EXPECT_EQ(f.cost_exactness.reason,
            "the decision diagram was not finished within the time budget of 0 s");
  EXPECT_DOUBLE_EQ(*f.cost, 201);  // the bottom-up value, labelled
}

TEST(AttackTreeExactTest, CheapestCostDoesNotDependOnListingTheSets) {
  // The 37-event tree fell back to the bottom-up cost when the listing stopped.
  Tree t = shared_dag(6);
  BddOptions o;
  o.max_set_nodes = 2;
  TreeEvaluation e = evaluate_tree(t, {Domain::kCost}, {}, o);
  ASSERT_TRUE(e.bdd);
  EXPECT_FALSE(e.bdd->cut_sets_complete);
  EXPECT_TRUE(figure(e, Domain::kCost).exactness.exact);
  EXPECT_DOUBLE_EQ(*figure(e, Domain::kCost).value, 101);
  EXPECT_NE(render_evaluation(t, e).find("minimal attack sets: not computed (the minimal sets "
                                         "need more than 2 diagram nodes)"),
            std::string::npos);
}

TEST(AttackTreeExactTest, ATreeWithoutSharingIsExactWithoutTheBdd) {
  // Bottom-up is exact on a tree, so the event bound of the BDD does not make it inexact.
  Builder b;
  std::vector<std::size_t> leaves;
  for (int i = 0; i < 8; ++i) {
    leaves.push_back(b.event(fmt_id(i), 0.5));
    b.last().cost = i;
  }
  Tree t = b.done(b.gate(NodeKind::kAnd, leaves));
  BddOptions o;
  o.max_variables = 4;
  TreeFigures f = tree_figures(t, {}, o);
  EXPECT_TRUE(f.probability_exactness.exact);
  EXPECT_TRUE(f.cost_exactness.exact);
  EXPECT_DOUBLE_EQ(*f.probability, 1.0 / 256);
  EXPECT_DOUBLE_EQ(*f.cost, 28);
}

TEST(AttackTreeExactTest, TimeIsLabelledWhenASandSumsASharedEventTwice) {
  Builder b;
  std::size_t x = b.event("X"), w = b.event("W"), v = b.event("V");
  std::size_t p = b.gate(NodeKind::kAnd, {x, w});
  std::size_t q = b.gate(NodeKind::kAnd, {x, v});
  Tree twice = b.done(b.gate(NodeKind::kSand, {p, q}));
  for (Node& n : twice.nodes)
    if (!is_gate(n.kind)) n.time = 2;
  TreeEvaluation e = evaluate_tree(twice, {Domain::kTime, Domain::kSkill});
  EXPECT_FALSE(figure(e, Domain::kTime).exactness.exact);
  EXPECT_EQ(figure(e, Domain::kTime).exactness.reason,
            "an event shared by two branches of a sand is counted twice");
  // A shared node under two branches of an OR (the README's example) is fine: min and max
  // count it once.
  Builder c;
  std::size_t s = c.event("S"), a = c.event("A"), bb = c.event("B");
  std::size_t shared = c.gate(NodeKind::kSand, {s, a});
  Tree ok = c.done(c.gate(NodeKind::kOr, {shared, c.gate(NodeKind::kSand, {bb, shared})}));
  for (Node& n : ok.nodes)
    if (!is_gate(n.kind)) n.time = 1;
  TreeEvaluation f = evaluate_tree(ok, {Domain::kTime});
  EXPECT_TRUE(figure(f, Domain::kTime).exactness.exact);
  EXPECT_DOUBLE_EQ(*figure(f, Domain::kTime).value, 2);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeExactTest, TheSandCheckHasABound) {
  Builder b;
  std::size_t x = b.event("X"), w = b.event("W"), v = b.event("V");
  std::size_t p = b.gate(NodeKind::kAnd, {x, w});
  std::size_t q = b.gate(NodeKind::kAnd, {x, v});
  Tree t = b.done(b.gate(NodeKind::kSand, {p, q}));
  EXPECT_EQ(sand_counts_twice(t, 1000), std::optional<bool>(true));
  EXPECT_EQ(sand_counts_twice(t, 2), std::nullopt);  // stopped: not "false"
}

}  // namespace
}  // namespace icsrisk::attacktree
