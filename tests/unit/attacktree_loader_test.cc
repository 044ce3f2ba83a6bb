// Attack-tree loader: the format of design.md and its positioned diagnostics.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "attacktree/loader.h"
#include "model/loader.h"
#include "model/validate.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk::attacktree {
namespace {

using icsrisk::testing::builtin_profile;

struct Loaded {
  std::optional<Tree> tree;
  std::string diagnostics;
};

Loaded load(const std::string& text, const LoadContext& ctx = {}) {
  static std::vector<std::unique_ptr<core::SourceFile>> files;  // outlive the trees
  files.push_back(std::make_unique<core::SourceFile>("t.xml", text));
  core::Diagnostics diags;
  Loaded out;
  out.tree = load_tree(*files.back(), diags, ctx);
  diags.sort();
  out.diagnostics = diags.render();
  return out;
}

TEST(AttackTreeLoaderTest, ReadsGatesStepsLeavesRefsAndAttributes) {
  Loaded l = load(R"(<attack-tree id="t" scenario="sc-1" name="n">
  <or id="g0">
    <and id="a">
      <step id="s1" from="attacker" to="pc" method="malware-infection" probability="0.4" cost="1000"/>
      <ref node="x"/>
    </and>
    <leaf id="x" name="shared" probability="0.3" time="48" skill="2" level="2">
      <countermeasure ref="whitelisting" function="detect" stage="objective" status="planned"/>
    </leaf>
  </or>
</attack-tree>)",
                  {&builtin_profile(), nullptr});
  ASSERT_TRUE(l.tree) << l.diagnostics;
  const Tree& t = *l.tree;
  EXPECT_EQ(t.id, "t");
  EXPECT_EQ(t.scenario, "sc-1");
  ASSERT_EQ(t.nodes.size(), 4u);
  const Node& g0 = t.nodes[t.root];
  EXPECT_EQ(g0.kind, NodeKind::kOr);
  ASSERT_EQ(g0.children.size(), 2u);
  const Node& a = t.nodes[g0.children[0]];
  EXPECT_EQ(a.kind, NodeKind::kAnd);
  ASSERT_EQ(a.children.size(), 2u);
  EXPECT_EQ(a.children[1], g0.children[1]);  // the <ref> is the same node
  const Node& s1 = t.nodes[a.children[0]];
  EXPECT_EQ(s1.from(), "attacker");
  EXPECT_EQ(s1.method(), "malware-infection");
  EXPECT_DOUBLE_EQ(*s1.probability, 0.4);
  EXPECT_DOUBLE_EQ(*s1.cost, 1000);
  EXPECT_FALSE(s1.time);
  const Node& x = t.nodes[g0.children[1]];
  EXPECT_EQ(*x.level, 2);
  ASSERT_EQ(x.countermeasures().size(), 1u);
  EXPECT_EQ(x.countermeasures()[0].function, model::Function::kDetect);
  EXPECT_EQ(x.countermeasures()[0].stages, static_cast<std::uint8_t>(model::Stage::kObjective));
  EXPECT_EQ(x.countermeasures()[0].status, model::Status::kPlanned);
  EXPECT_EQ(t.order.size(), 4u);
  EXPECT_EQ(t.order.back(), t.root);
}

TEST(AttackTreeLoaderTest, CountermeasureDefaultsComeFromTheProfile) {
  Loaded l = load(R"(<attack-tree id="t"><leaf id="x">
  <countermeasure ref="log-collection"/>
  <countermeasure ref="my-own" function="mitigate"/>
</leaf></attack-tree>)",
                  {&builtin_profile(), nullptr});
  ASSERT_TRUE(l.tree) << l.diagnostics;
  const Node& x = l.tree->nodes[0];
  EXPECT_EQ(x.countermeasures()[0].function, model::Function::kDetect);
  EXPECT_EQ(x.countermeasures()[0].stages, 3);  // intrusion and objective
  EXPECT_NE(x.countermeasures()[0].measure, kNone);
  EXPECT_EQ(x.countermeasures()[1].function, model::Function::kMitigate);
  EXPECT_EQ(x.countermeasures()[1].measure, kNone);
}

TEST(AttackTreeLoaderTest, ReportsACycleThroughRefsWithItsPath) {
  Loaded l = load(R"(<attack-tree id="t">
  <or id="g0">
    <and id="a">
      <leaf id="x"/>
      <ref node="g0"/>
    </and>
  </or>
</attack-tree>)");
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(l.diagnostics,
            "t.xml:5:7: error: cycle through shared sub-trees: g0 → a → g0\n"
            "        <ref node=\"g0\"/>\n"
            "        ^\n");
}

TEST(AttackTreeLoaderTest, ReportsADanglingRefWithASuggestion) {
  Loaded l = load(R"(<attack-tree id="t">
  <and id="g0">
    <leaf id="shared-1"/>
    <ref node="shared-2"/>
  </and>
</attack-tree>)");
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(l.diagnostics,
            "t.xml:4:10: error: unknown node 'shared-2' (did you mean 'shared-1'?); a shared node "
            "is defined once, with its id (inline under one gate, or in a top-level <shared> "
            "section), and <ref node=\"…\"/> names it everywhere else\n"
            "      <ref node=\"shared-2\"/>\n"
            "           ^\n");
}

TEST(AttackTreeLoaderTest, ReportsADuplicateIdWithTheFirstDefinition) {
  Loaded l = load(R"(<attack-tree id="t">
  <or id="g0">
    <leaf id="x"/>
    <leaf id="x"/>
  </or>
</attack-tree>)");
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(l.diagnostics,
            "t.xml:4:11: error: duplicate node id 'x'\n"
            "      <leaf id=\"x\"/>\n"
            "            ^\n"
            "t.xml:3:5: note: first defined here\n"
            "      <leaf id=\"x\"/>\n"
            "      ^\n");
}

TEST(AttackTreeLoaderTest, ReportsOutOfRangeValues) {
  Loaded l = load(R"(<attack-tree id="t">
  <or id="g0">
    <leaf id="a" probability="1.5"/>
    <leaf id="b" cost="-3" time="nan" skill="2x" level="4"/>
  </or>
</attack-tree>)");
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(l.diagnostics,
            "t.xml:3:18: error: attribute 'probability' must be a number from 0 to 1, not '1.5'\n"
            "      <leaf id=\"a\" probability=\"1.5\"/>\n"
            "                   ^\n"
            "t.xml:4:18: error: attribute 'cost' must be a number of at least 0, not '-3'\n"
            "      <leaf id=\"b\" cost=\"-3\" time=\"nan\" skill=\"2x\" level=\"4\"/>\n"
            "                   ^\n"
            "t.xml:4:28: error: attribute 'time' must be a number of at least 0, not 'nan'\n"
            "      <leaf id=\"b\" cost=\"-3\" time=\"nan\" skill=\"2x\" level=\"4\"/>\n"
            "                             ^\n"
            "t.xml:4:39: error: attribute 'skill' must be a number of at least 0, not '2x'\n"
            "      <leaf id=\"b\" cost=\"-3\" time=\"nan\" skill=\"2x\" level=\"4\"/>\n"
            "                                        ^\n"
            "t.xml:4:50: error: attribute 'level' must be an integer from 1 to 3, not '4'\n"
            "      <leaf id=\"b\" cost=\"-3\" time=\"nan\" skill=\"2x\" level=\"4\"/>\n"
            "                                                   ^\n");
}

TEST(AttackTreeLoaderTest, ReportsGatesWithoutChildren) {
  Loaded l = load(R"(<attack-tree id="t">
  <or id="g0">
    <sand id="empty"><countermeasure ref="x" function="protect"/></sand>
    <leaf id="a"/>
  </or>
</attack-tree>)");
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(l.diagnostics,
            "t.xml:3:5: error: <sand> has no children; a gate needs at least one\n"
            "      <sand id=\"empty\"><countermeasure ref=\"x\" function=\"protect\"/></sand>\n"
            "      ^\n");
}

TEST(AttackTreeLoaderTest, ChecksStepsAgainstTheModelAndProfile) {
  core::Diagnostics d;
  std::string text = testing::read_text(testing::source_path("models/small-plant.xml"));
  core::SourceFile model_file("small-plant.xml", text);
  std::optional<model::Model> m = model::load_model(model_file, d);
  ASSERT_TRUE(m);
  model::link_model(*m, builtin_profile(), d);
  ASSERT_FALSE(d.has_errors()) << d.render();
  Loaded l = load(R"(<attack-tree id="t" scenario="sc-9">
  <sand id="r1">
    <step id="s1" from="atacker" to="office-pc" method="malware-infection"/>
    <step id="s2" from="office-pc" to="scadaa" method="unauthorised-access"/>
  </sand>
</attack-tree>)",
                  {&builtin_profile(), &*m});
  EXPECT_FALSE(l.tree);
  EXPECT_EQ(
      l.diagnostics,
      "t.xml:1:21: error: unknown scenario 'sc-9'; did you mean 'sc-1'?\n"
      "  <attack-tree id=\"t\" scenario=\"sc-9\">\n"
      "                      ^\n"
      "t.xml:3:19: error: unknown asset 'atacker'; did you mean 'attacker'?\n"
      "      <step id=\"s1\" from=\"atacker\" to=\"office-pc\" method=\"malware-infection\"/>\n"
      "                    ^\n"
      "t.xml:4:36: error: unknown asset 'scadaa'; did you mean 'scada'?\n"
      "      <step id=\"s2\" from=\"office-pc\" to=\"scadaa\" method=\"unauthorised-access\"/>\n"
      "                                     ^\n"
      "t.xml:4:48: error: unknown method 'unauthorised-access'; did you mean "
      "'unauthorized-access'?\n"
      "      <step id=\"s2\" from=\"office-pc\" to=\"scadaa\" method=\"unauthorised-access\"/>\n"
      "                                                 ^\n");
}

TEST(AttackTreeLoaderTest, WarnsAboutUnknownAttributesAndRejectsUnknownBranches) {
  Loaded l =
      load(R"(<attack-tree id="t"><or id="g0"><leaf id="a" probabilty="0.5"/></or></attack-tree>)");
  ASSERT_TRUE(l.tree);  // warnings only
  EXPECT_NE(l.diagnostics.find("unknown attribute 'probabilty' on <leaf> is ignored; did you mean "
                               "'probability'?"),
            std::string::npos)
      << l.diagnostics;
  // A misspelt child of a gate would drop its branch: an error (issue 12, item 8).
  Loaded b =
      load(R"(<attack-tree id="t"><or id="g0"><leaf id="a"/><leef id="b"/></or></attack-tree>)");
  EXPECT_FALSE(b.tree);
  EXPECT_NE(b.diagnostics.find("error: unknown element <leef> in <or>: the gates are <or>, <and> "
                               "and <sand>, the events <step> and <leaf>; did you mean <leaf>?"),
            std::string::npos)
      << b.diagnostics;
}

TEST(AttackTreeLoaderTest, RejectsAWrongRootAndMalformedXml) {
  EXPECT_FALSE(load("<system id='x'/>").tree);
  Loaded bad = load("<attack-tree id='t'><or>");
  EXPECT_FALSE(bad.tree);
  EXPECT_NE(bad.diagnostics.find("malformed XML"), std::string::npos);
  Loaded empty = load("<attack-tree id='t'/>");
  EXPECT_FALSE(empty.tree);
  EXPECT_NE(empty.diagnostics.find("has no top node"), std::string::npos);
}

TEST(AttackTreeLoaderTest, StopsAtTheNestingBoundInsteadOfRecursingForever) {
  std::string text = "<attack-tree id='t'>";
  for (std::size_t i = 0; i < kMaxDepth + 5; ++i)
    text += "<or>";
  text += "<leaf id='x'/>";
  for (std::size_t i = 0; i < kMaxDepth + 5; ++i)
    text += "</or>";
  text += "</attack-tree>";
  Loaded l = load(text);
  EXPECT_FALSE(l.tree);
  EXPECT_NE(l.diagnostics.find("nested deeper than 500 levels"), std::string::npos);
}

TEST(AttackTreeLoaderTest, LoadsEveryTreeOfTheRepository) {
  std::size_t files = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(testing::source_path("attack-trees"))) {
    if (e.path().extension() != ".xml") continue;
    ++files;
    Loaded l = load(testing::read_text(e.path().string()), {&builtin_profile(), nullptr});
    EXPECT_TRUE(l.tree) << e.path() << "\n" << l.diagnostics;
    EXPECT_EQ(l.diagnostics, "") << e.path();
  }
  EXPECT_GE(files, 8u);  // the example and the trees generated for both example plants
}

}  // namespace
}  // namespace icsrisk::attacktree
