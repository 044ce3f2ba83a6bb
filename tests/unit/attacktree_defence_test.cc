// Attack–defence trees (issue 12, item 4): countermeasures with a cost and an effect,
// --planned, and the ranking of countermeasures.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <string>

#include "attacktree/defence.h"
#include "attacktree/loader.h"
#include "unit/attacktree_text.h"
#include "unit/cli_run.h"

namespace icsrisk::attacktree {
namespace {

using Loaded = LoadedText;

// a: p 0.5, cost 10, halved by m1 (cost 10); b: p 0.4, cost 20, blocked by m2 (cost 100,
// planned); c: p 0.2, cost 30, +50 cost by m3 (no cost given).
const char* kTree = R"(<attack-tree id="t">
  <or id="g0">
    <leaf id="a" probability="0.5" cost="10">
      <countermeasure ref="m1" function="protect" cost="10" probability-factor="0.5"/>
    </leaf>
    <leaf id="b" probability="0.4" cost="20">
      <countermeasure ref="m2" function="protect" cost="100" effect="block" status="planned"/>
    </leaf>
    <leaf id="c" probability="0.2" cost="30">
      <countermeasure ref="m3" function="detect" adds-cost="50" adds-time="5"/>
    </leaf>
  </or>
</attack-tree>)";

TEST(AttackTreeDefenceTest, EffectsApplyWhileTheMeasureIsInForce) {
  Loaded l = load_text(kTree);
  ASSERT_TRUE(l.tree) << l.diagnostics;
  ASSERT_TRUE(has_effects(*l.tree));
  Tree now = with_measures_in_force(*l.tree, false);
  EXPECT_DOUBLE_EQ(*now.nodes[now.find("a")].probability, 0.25);
  EXPECT_DOUBLE_EQ(*now.nodes[now.find("b")].probability, 0.4);  // planned: not yet
  EXPECT_DOUBLE_EQ(*now.nodes[now.find("c")].cost, 80);
  EXPECT_FALSE(now.nodes[now.find("c")].time);  // adds to a time the event has
  Tree planned = with_measures_in_force(*l.tree, true);
  EXPECT_DOUBLE_EQ(*planned.nodes[planned.find("b")].probability, 0);
  EXPECT_TRUE(std::isinf(*planned.nodes[planned.find("b")].cost));
  // P(root) = 1 − (1 − 0.25)(1 − 0.4)(1 − 0.2) now; 1 − 0.75 · 0.8 planned.
  EXPECT_NEAR(*evaluate(now, Domain::kProbability).value, 1 - 0.75 * 0.6 * 0.8, 1e-15);
  EXPECT_NEAR(*evaluate(planned, Domain::kProbability).value, 1 - 0.75 * 0.8, 1e-15);
}

TEST(AttackTreeDefenceTest, EveryAttackBlockedIsSaid) {
  Loaded l = load_text(R"(<attack-tree id="t"><and id="g0">
    <leaf id="a" probability="0.5" cost="1"><countermeasure ref="m" function="protect" effect="block"/></leaf>
    <leaf id="b" probability="0.5" cost="1"/>
  </and></attack-tree>)");
  ASSERT_TRUE(l.tree) << l.diagnostics;
  Tree t = with_measures_in_force(*l.tree, false);
  std::string text = render_evaluation(t, evaluate_tree(t, {Domain::kProbability, Domain::kCost}));
  EXPECT_NE(text.find("probability  0 exact"), std::string::npos) << text;
  EXPECT_NE(text.find("cost         ∞ (every attack is blocked) exact"), std::string::npos) << text;
}

TEST(AttackTreeDefenceTest, MeasuresAreRankedByChangePerCostUnit) {
  Loaded l = load_text(kTree);
  ASSERT_TRUE(l.tree);
  std::vector<MeasureValue> r = rank_measures(*l.tree, Domain::kProbability, true);
  ASSERT_EQ(r.size(), 3u);
  double with = 1 - 0.75 * 0.8;
  // m1: without it 1 − 0.5 · 0.8 = 0.6, change 0.2, per cost 0.02; m2: without it
  // 1 − 0.75 · 0.6 · 0.8 = 0.64, change 0.24, per cost 0.0024; m3 changes no probability.
  EXPECT_EQ(r[0].ref, "m1");
  EXPECT_NEAR(*r[0].with, with, 1e-15);
  EXPECT_NEAR(*r[0].change, 0.2, 1e-15);
  EXPECT_NEAR(*r[0].per_cost, 0.02, 1e-15);
  EXPECT_EQ(r[1].ref, "m2");
  EXPECT_NEAR(*r[1].change, 0.24, 1e-15);
  EXPECT_EQ(r[2].ref, "m3");
  EXPECT_FALSE(r[2].per_cost);  // no cost given
  EXPECT_NEAR(*r[2].change, 0, 1e-15);
  std::vector<MeasureValue> now = rank_measures(*l.tree, Domain::kCost, false);
  ASSERT_EQ(now.size(), 2u);  // m2 is planned
  EXPECT_EQ(now[1].ref, "m3");
  EXPECT_DOUBLE_EQ(*now[1].change, 0);  // the cheapest attack is a (10), untouched by m3
}

TEST(AttackTreeDefenceTest, EffectsAreCheckedAtTheirPosition) {
  Loaded both = load_text(R"(<attack-tree id="t"><or id="g0"><leaf id="a">
    <countermeasure ref="m" function="protect" effect="block" adds-cost="1"/></leaf></or></attack-tree>)");
  EXPECT_FALSE(both.tree);
  EXPECT_NE(both.diagnostics.find("effect=\"block\" removes the event"), std::string::npos)
      << both.diagnostics;
  Loaded gate = load_text(R"(<attack-tree id="t"><or id="g0">
    <countermeasure ref="m" function="protect" probability-factor="0.5"/><leaf id="a"/></or></attack-tree>)");
  EXPECT_FALSE(gate.tree);
  EXPECT_NE(gate.diagnostics.find("t.xml:2:5: error: a countermeasure's effect stands on a step "
                                  "or leaf, not on a gate"),
            std::string::npos)
      << gate.diagnostics;
  Loaded range = load_text(R"(<attack-tree id="t"><or id="g0"><leaf id="a">
    <countermeasure ref="m" function="protect" probability-factor="1.5"/></leaf></or></attack-tree>)");
  EXPECT_NE(range.diagnostics.find("attribute 'probability-factor' must be a number from 0 to 1"),
            std::string::npos);
}

TEST(AttackTreeDefenceTest, CliPlannedAndRankMeasures) {
  std::string dir = testing::fresh_test_dir("defence").string();
  {
    std::ofstream f(dir + "/t.xml");
    f << kTree;
  }
  testing::CliResult now = testing::run_icsrisk("trees eval '" + dir + "/t.xml' --domain cost");
  EXPECT_EQ(now.code, 0) << now.err;
  EXPECT_NE(now.out.find("cost         10 exact"), std::string::npos) << now.out;
  testing::CliResult r =
      testing::run_icsrisk("trees eval '" + dir + "/t.xml' --planned --rank-measures probability");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("probability  0.4 exact"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  countermeasures by probability (every measure in force: 0.4):\n"
                       "    1. m1: without it 0.6, change 0.2, cost 10, 0.02 per cost unit\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(testing::run_icsrisk("trees eval '" + dir + "/t.xml' --rank-measures skill").code, 2);
}

}  // namespace
}  // namespace icsrisk::attacktree

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeDefenceTest, RankingMeasuresStopsAtTheTimeBudgetAndSaysSo) {
  Loaded l = load_text(kTree);
  ASSERT_TRUE(l.tree);
  BddOptions o;
  o.max_seconds = 0;
  bool stopped = false;
  std::vector<MeasureValue> r = rank_measures(*l.tree, Domain::kProbability, true, {}, o, &stopped);
  EXPECT_TRUE(stopped);
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(render_measures(Domain::kProbability, r, stopped),
            "  countermeasures by probability: not ranked (the time budget ran out)\n");
}

}  // namespace
}  // namespace icsrisk::attacktree
