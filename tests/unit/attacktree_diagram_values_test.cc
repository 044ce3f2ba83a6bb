// Attack-tree diagrams with values, the best attack and defence nodes (issue 12, item 6).

#include <gtest/gtest.h>

#include <string>

#include "attacktree/evaluate.h"
#include "attacktree/loader.h"
#include "attacktree/ranking.h"
#include "report/tree_diagram.h"
#include "unit/cli_run.h"
#include "unit/model_check.h"

namespace icsrisk::report {
namespace {

const char* kTree = R"(<attack-tree id="t">
  <or id="g0" name="top">
    <and id="cheap" name="cheap way"><leaf id="a" name="A" cost="1"/><leaf id="b" name="B" cost="2"/></and>
    <leaf id="c" name="C" cost="10">
      <countermeasure ref="anti-virus"/>
      <countermeasure ref="patching" status="planned"/>
    </leaf>
  </or>
</attack-tree>)";

/// The DOT line of the node labelled first with `name`.
std::string line_of(const std::string& dot, const std::string& name) {
  std::size_t at = dot.find("label=\"" + name);
  if (at == std::string::npos) return {};
  std::size_t start = dot.rfind('\n', at) + 1;
  return dot.substr(start, dot.find('\n', at) - start);
}

TEST(AttackTreeDiagramValuesTest, ShowsValuesTheBestAttackAndDefenceNodes) {
  core::SourceFile file("t.xml", kTree);
  core::Diagnostics d;
  const model::Profile& p = testing::builtin_profile();
  std::optional<attacktree::Tree> t = attacktree::load_tree(file, d, {&p, nullptr});
  ASSERT_TRUE(t) << d.render();
  TreeDiagramOptions o;
  o.lang = model::Lang::kEn;
  o.values = attacktree::evaluate_nodes(*t, attacktree::Domain::kCost);
  o.value_name = "cost";
  o.highlight = attacktree::attack_nodes(*t, {t->find("a"), t->find("b")});
  o.countermeasures = true;
  std::string dot = tree_dot(*t, {}, &p, o);
  EXPECT_NE(line_of(dot, "OR\\ntop").find("cost 3"), std::string::npos) << dot;
  EXPECT_NE(line_of(dot, "OR\\ntop").find("#cc0000"), std::string::npos);
  EXPECT_NE(line_of(dot, "A").find("#cc0000"), std::string::npos);
  EXPECT_EQ(line_of(dot, "C").find("#cc0000"), std::string::npos);  // not on the best attack
  EXPECT_NE(dot.find("cost at each node: exact; red: the best attack by cost"), std::string::npos);
  EXPECT_NE(line_of(dot, "Anti-virus").find("octagon"), std::string::npos) << dot;
  EXPECT_NE(line_of(dot, "Applying patches").find("dashed"), std::string::npos) << dot;
  EXPECT_NE(dot.find("(planned)"), std::string::npos);
}

TEST(AttackTreeDiagramValuesTest, AttackNodesAreTheGatesTheSetSatisfies) {
  core::SourceFile file("t.xml", kTree);
  core::Diagnostics d;
  std::optional<attacktree::Tree> t =
      attacktree::load_tree(file, d, {&testing::builtin_profile(), nullptr});
  ASSERT_TRUE(t);
  std::vector<bool> on = attacktree::attack_nodes(*t, {t->find("a")});
  EXPECT_TRUE(on[t->find("a")]);
  EXPECT_FALSE(on[t->find("cheap")]);  // an AND needs b too
  EXPECT_FALSE(on[t->find("g0")]);
  on = attacktree::attack_nodes(*t, {t->find("c")});
  EXPECT_TRUE(on[t->find("g0")]);
}

TEST(AttackTreeDiagramValuesTest, CliDrawsValuesAndRejectsAnUnknownDomain) {
  std::string dir = testing::fresh_test_dir("diagram-values").string();
  std::string tree = testing::source_path("attack-trees/examples/shared-subtree.xml");
  testing::CliResult r = testing::run_icsrisk("trees diagram '" + tree + "' -o '" + dir +
                                              "/t.dot' --values probability --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  std::string dot = testing::read_text(dir + "/t.dot");
  EXPECT_NE(dot.find("probability at each node: bottom-up, not exact on shared sub-trees; red: "
                     "the best attack by probability"),
            std::string::npos);
  EXPECT_NE(dot.find("#cc0000"), std::string::npos);
  EXPECT_EQ(
      testing::run_icsrisk("trees diagram '" + tree + "' -o '" + dir + "/u.dot' --values speed")
          .code,
      2);
}

}  // namespace
}  // namespace icsrisk::report
