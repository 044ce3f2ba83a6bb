// Attack-tree domains (method.md §8 table) against hand-computed values.

#include <gtest/gtest.h>

#include <string>

#include "attacktree/evaluate.h"
#include "attacktree/loader.h"
#include "model/loader.h"
#include "unit/model_check.h"

namespace icsrisk::attacktree {
namespace {

using icsrisk::testing::builtin_profile;

Tree parse(const std::string& text) {
  static std::vector<std::unique_ptr<core::SourceFile>> files;
  files.push_back(std::make_unique<core::SourceFile>("t.xml", text));
  core::Diagnostics d;
  std::optional<Tree> t = load_tree(*files.back(), d, {&builtin_profile(), nullptr});
  EXPECT_TRUE(t) << d.render();
  return t ? std::move(*t) : Tree{};
}

double value(const Tree& t, Domain d, const EvalContext& ctx = {}) {
  DomainValue v = evaluate(t, d, ctx);
  EXPECT_TRUE(v.value) << domain_name(d);
  return v.value.value_or(-1);
}

// (a AND b) OR c, with every attribute.
const char* kSmall = R"(<attack-tree id="t"><or id="g0">
  <and id="ab">
    <leaf id="a" probability="0.5" cost="10" time="3" skill="1"/>
    <leaf id="b" probability="0.4" cost="20" time="5" skill="4"/>
  </and>
  <leaf id="c" probability="0.1" cost="50" time="2" skill="3"/>
</or></attack-tree>)";

TEST(AttackTreeEvalTest, ProbabilityFollowsTheTable) {
  Tree t = parse(kSmall);
  // AND: 0.5·0.4 = 0.2; OR: 1 − (1 − 0.2)(1 − 0.1) = 0.28.
  EXPECT_NEAR(value(t, Domain::kProbability), 0.28, 1e-12);
}

TEST(AttackTreeEvalTest, CostIsTheCheapestAlternative) {
  Tree t = parse(kSmall);
  EXPECT_DOUBLE_EQ(value(t, Domain::kCost), 30);  // min(10 + 20, 50)
}

TEST(AttackTreeEvalTest, SkillIsTheLeastNeededOverAlternatives) {
  Tree t = parse(kSmall);
  EXPECT_DOUBLE_EQ(value(t, Domain::kSkill), 3);  // min(max(1, 4), 3)
}

TEST(AttackTreeEvalTest, TimeIsMaxUnderAndButSumUnderSand) {
  const char* tmpl = R"(<attack-tree id="t"><{0} id="g">
    <leaf id="a" time="3"/><leaf id="b" time="5"/><leaf id="c" time="4"/>
  </{0}></attack-tree>)";
  auto with = [&](const std::string& gate) {
    std::string s = tmpl;
    for (std::size_t p; (p = s.find("{0}")) != std::string::npos;)
      s.replace(p, 3, gate);
    return parse(s);
  };
  EXPECT_DOUBLE_EQ(value(with("and"), Domain::kTime), 5);    // in parallel
  EXPECT_DOUBLE_EQ(value(with("sand"), Domain::kTime), 12);  // one after the other
  EXPECT_DOUBLE_EQ(value(with("or"), Domain::kTime), 3);
  // The other domains do not depend on the order.
  EXPECT_DOUBLE_EQ(value(with("sand"), Domain::kIpa), value(with("and"), Domain::kIpa));
}

TEST(AttackTreeEvalTest, NestedSandInsideOrSumsOnlyItsOwnChildren) {
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <sand id="s"><leaf id="a" time="3"/><and id="p"><leaf id="b" time="5"/><leaf id="c" time="7"/></and></sand>
    <leaf id="d" time="11"/>
  </or></attack-tree>)");
  EXPECT_DOUBLE_EQ(value(t, Domain::kTime), 10);  // min(3 + max(5, 7), 11)
}

TEST(AttackTreeEvalTest, MissingAttributeGivesNaWithTheEventsThatLackIt) {
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <leaf id="a" cost="1"/><leaf id="b"/><and id="x"><leaf id="c"/><leaf id="d" cost="2"/></and>
  </or></attack-tree>)");
  DomainValue v = evaluate(t, Domain::kCost);
  EXPECT_FALSE(v.value);
  EXPECT_EQ(v.missing, (std::vector<std::string>{"b", "c"}));
}

TEST(AttackTreeEvalTest, IpaLevelIsMinOverAlternativesAndMaxOverSteps) {
  // a: protect → 2; b: protect + detect → 3; c: nothing → 1; d: level attribute 2.
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <and id="ab">
      <leaf id="a"><countermeasure ref="anti-virus"/></leaf>
      <leaf id="b"><countermeasure ref="fw-packet-filter"/><countermeasure ref="ids"/></leaf>
    </and>
    <sand id="cd"><leaf id="c"/><leaf id="d" level="2"/></sand>
  </or></attack-tree>)");
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa), 2);  // min(max(2, 3), max(1, 2))
  std::vector<std::optional<double>> per_node = evaluate_nodes(t, Domain::kIpa);
  EXPECT_EQ(per_node[t.find("ab")], 3);
  EXPECT_EQ(per_node[t.find("c")], 1);
}

TEST(AttackTreeEvalTest, PlannedCountermeasuresCountOnlyWhenAsked) {
  Tree t = parse(R"(<attack-tree id="t"><leaf id="a">
    <countermeasure ref="anti-virus"/><countermeasure ref="ids" status="planned"/>
  </leaf></attack-tree>)");
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa), 2);
  EvalContext after;
  after.include_planned = true;
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa, after), 3);
}

TEST(AttackTreeEvalTest, GateCountermeasuresApplyToEveryEventBelowOnThatPathOnly) {
  // The shared leaf x is protected (anti-virus) but detected only through gate "watched":
  // under "watched" it is level 3, under "plain" level 2.
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <and id="watched">
      <countermeasure ref="log-collection"/>
      <leaf id="x"><countermeasure ref="anti-virus"/></leaf>
      <leaf id="y"/>
    </and>
    <and id="plain"><ref node="x"/><leaf id="z" level="1"/></and>
  </or></attack-tree>)");
  std::vector<std::optional<double>> v = evaluate_nodes(t, Domain::kIpa);
  EXPECT_EQ(v[t.find("watched")], 3);  // max(x: 3, y: detect only → 2)
  EXPECT_EQ(v[t.find("plain")], 2);    // max(x: 2, z: 1)
  EXPECT_EQ(v[t.find("x")], 2);        // the weakest path
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa), 2);
}

TEST(AttackTreeEvalTest, StepsCountOnlyMeasuresOfTheirMethodsStage) {
  // anti-virus acts only in the intrusion stage: it protects a malware step, not a theft step.
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <step id="in" from="attacker" to="pc" method="malware-infection"><countermeasure ref="anti-virus"/></step>
    <step id="obj" from="pc" to="srv" method="information-theft"><countermeasure ref="anti-virus"/></step>
  </or></attack-tree>)");
  EvalContext ctx;
  ctx.profile = &builtin_profile();
  std::vector<std::optional<double>> v = evaluate_nodes(t, Domain::kIpa, ctx);
  EXPECT_EQ(v[t.find("in")], 2);
  EXPECT_EQ(v[t.find("obj")], 1);
}

TEST(AttackTreeEvalTest, StepsTakeTheModelsLevelWhenOneIsGiven) {
  Tree t = parse(R"(<attack-tree id="t"><and id="g0">
    <step id="s1" from="attacker" to="pc" method="malware-infection"/>
    <step id="s2" from="pc" to="srv" method="unauthorized-access"><countermeasure ref="ids"/></step>
    <step id="s3" from="srv" to="plc" method="unauthorized-transmission"/>
  </and></attack-tree>)");
  EvalContext ctx;
  ctx.step_level = [](const std::string& from, const std::string&,
                      const std::string&) -> std::optional<int> {
    if (from == "attacker") return 1;
    if (from == "pc") return 3;
    return std::nullopt;  // the model has no such step
  };
  DomainValue v = evaluate(t, Domain::kIpa, ctx);
  EXPECT_FALSE(v.value);
  EXPECT_EQ(v.missing, std::vector<std::string>{"s3"});
  ctx.step_level = [](const std::string& from, const std::string&,
                      const std::string&) -> std::optional<int> { return from == "pc" ? 3 : 1; };
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa, ctx), 3);
}

TEST(AttackTreeEvalTest, SharedNodesAreEvaluatedOnceAndNaivelyDoubleCounted) {
  // (a ∧ b) ∨ (a ∧ c), P(a) = 0.5, P(b) = P(c) = 0.5: naive 1 − (1 − 0.25)² = 0.4375.
  Tree t = parse(R"(<attack-tree id="t"><or id="g0">
    <and id="ab"><leaf id="a" probability="0.5"/><leaf id="b" probability="0.5"/></and>
    <and id="ac"><ref node="a"/><leaf id="c" probability="0.5"/></and>
  </or></attack-tree>)");
  EXPECT_NEAR(value(t, Domain::kProbability), 0.4375, 1e-12);
  EXPECT_EQ(shared_node_count(t), 1u);
}

TEST(AttackTreeEvalTest, DomainNamesRoundTrip) {
  for (Domain d : kAllDomains)
    EXPECT_EQ(parse_domain(domain_name(d)), d);
  EXPECT_FALSE(parse_domain("risk"));
}

TEST(AttackTreeEvalTest, DeepChainsEvaluateWithoutRecursion) {
  Tree t;
  const std::size_t n = 200000;
  for (std::size_t i = 0; i < n; ++i) {
    Node g;
    g.kind = NodeKind::kSand;
    g.children = {i + 1};
    t.nodes.push_back(g);
  }
  Node leaf;
  leaf.kind = NodeKind::kLeaf;
  leaf.id = "x";
  leaf.time = 2;
  t.nodes.push_back(leaf);
  t.root = 0;
  ASSERT_TRUE(order_nodes(t).empty());
  EXPECT_DOUBLE_EQ(value(t, Domain::kTime), 2);
  EXPECT_DOUBLE_EQ(value(t, Domain::kIpa), 1);
}

}  // namespace
}  // namespace icsrisk::attacktree
