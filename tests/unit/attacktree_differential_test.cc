// Differential tests against the brute-force evaluator (attacktree_brute.h) on random trees
// and DAGs: every figure labelled exact in every domain, the ranked sets, the Pareto front,
// defences and --planned (issue 12, "Done when").

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "attacktree/bdd.h"
#include "attacktree/defence.h"
#include "attacktree/summary.h"
#include "attacktree_brute.h"

namespace icsrisk::attacktree {
namespace {

using testing::brute_best;
using testing::brute_min_cost;
using testing::brute_minimal_sets;
using testing::brute_probability;
using testing::brute_set_time;
using testing::Builder;
using testing::random_dag;

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
      n.edit_extra().countermeasures.push_back(m);
    }
    for (bool planned : {false, true}) {
      // The effects, applied here independently of defence.cc.
      Tree expected = t;
      for (Node& n : expected.nodes) {
        for (const TreeCountermeasure& m : n.countermeasures()) {
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
