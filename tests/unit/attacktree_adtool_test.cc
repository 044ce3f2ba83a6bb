// ADTool 2 import and export (attacktree/adtool.h): ADTool's own example files, values in
// ADTool's semantics, positioned errors, and round trips.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attacktree/adtool.h"
#include "attacktree/defence.h"
#include "attacktree/generate.h"
#include "attacktree/summary.h"
#include "core/diagnostics.h"
#include "core/source.h"
#include "unit/attacktree_adtool_check.h"
#include "unit/golden.h"

namespace icsrisk::attacktree {
namespace {

struct Imported {
  std::optional<Tree> tree;
  std::string diagnostics;
};

Imported import_text(const std::string& text, const std::string& name = "t.xml") {
  static std::vector<std::unique_ptr<core::SourceFile>> files;  // outlive the trees
  files.push_back(std::make_unique<core::SourceFile>(name, text));
  core::Diagnostics diags;
  Imported out;
  out.tree = import_adtool(*files.back(), diags);
  diags.sort();
  out.diagnostics = diags.render();
  return out;
}

Imported import_example(const std::string& file) {
  return import_text(
      icsrisk::testing::read_text(icsrisk::testing::source_path("tests/data/adtool/" + file)),
      file);
}

std::string export_text(const Tree& t) {
  core::Diagnostics diags;
  std::optional<std::string> text = export_adtool(t, diags);
  EXPECT_TRUE(text) << diags.render();
  return text.value_or("");
}

const Node& by_id(const Tree& t, const std::string& id) {
  std::size_t n = t.find(id);
  EXPECT_NE(n, kNone) << id;
  return t.nodes.at(n);
}

TEST(AdtoolImportTest, ReadsAdtoolsExampleWithItsDefencesAsCountermeasures) {
  Imported r = import_example("RFIDBlock.xml");
  ASSERT_TRUE(r.tree) << r.diagnostics;
  const Tree& t = *r.tree;
  EXPECT_EQ(t.nodes[t.root].name(), "Block Communication");
  EXPECT_EQ(t.nodes[t.root].kind, NodeKind::kOr);
  EXPECT_EQ(by_id(t, "shield-tag").kind, NodeKind::kAnd);
  EXPECT_EQ(basic_events(t).size(), 7u);
  const Node& vicinity = by_id(t, "be-in-vicinity-of-tag");
  ASSERT_EQ(vicinity.countermeasures().size(), 1u);
  EXPECT_EQ(vicinity.countermeasures()[0].ref, "secure-warehouse");
  EXPECT_FALSE(vicinity.countermeasures()[0].has_effect());  // the file has no domains
  ASSERT_EQ(by_id(t, "jam-signal").countermeasures().size(), 1u);
  EXPECT_EQ(by_id(t, "jam-signal").countermeasures()[0].ref, "isolate-network");
  EXPECT_EQ(r.diagnostics, "");
}

TEST(AdtoolImportTest, ValuedExampleGivesAdtoolsValues) {
  Imported r = import_example("bank-account-valued.xml");
  ASSERT_TRUE(r.tree) << r.diagnostics;
  // ADTool: security training = learn rules (0.7) ∧ (adhere 0.3 countered by threaten 0.9)
  // succeeds with 0.7 · 0.03; learn PIN = (1 − 0.5 · 0.9) · (1 − 0.021); get card 0.25.
  Tree t = with_measures_in_force(*r.tree, false);
  TreeEvaluation e = evaluate_tree(t, {Domain::kProbability, Domain::kTime});
  EXPECT_NEAR(*e.figures[0].value, 0.55 * (1 - 0.7 * 0.3 * 0.1) * 0.25, 1e-12);
  // MinTimeSeq: conjunctions add; overcoming the training takes the threat's 5.
  EXPECT_EQ(*e.figures[1].value, 10 + 5 + 20);
  EXPECT_EQ(by_id(*r.tree, "bank-account").kind, NodeKind::kSand);
  EXPECT_EQ(by_id(*r.tree, "get-past-security-training").countermeasures().at(0).adds_time, 5);
}

TEST(AdtoolImportTest, ReportsUnsupportedStructuresAtTheirPositions) {
  Imported r = import_text(R"(<adtree>
  <node refinement="disjunctive">
    <label>goal</label>
    <node refinement="disjunctive" switchRole="yes"><label>guard</label></node>
    <node refinement="sideways"><label>a</label>
      <parameter domainId="C1" category="basic">Infinity</parameter>
    </node>
  </node>
  <domain id="C1"><class>lu.uni.adtool.domains.adtpredefined.MinCost</class></domain>
</adtree>
)");
  EXPECT_FALSE(r.tree);
  EXPECT_NE(r.diagnostics.find("t.xml:4:5: error: a node of the other role (switchRole) must be "
                               "the last child"),
            std::string::npos)
      << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("t.xml:5:11: error: attribute 'refinement' must be one of"),
            std::string::npos)
      << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("t.xml:6:7: error: the value 'Infinity' must be a number of at "
                               "least 0 (icsrisk's values are finite)"),
            std::string::npos)
      << r.diagnostics;
}

TEST(AdtoolImportTest, RefusesADefendersRootAndParallelTimeOfACounterAttack) {
  Imported root = import_text(R"(<adtree><node refinement="disjunctive" switchRole="yes">
<label>defend</label></node></adtree>)");
  EXPECT_NE(root.diagnostics.find("t.xml:1:9: error: the root is the defender's"),
            std::string::npos)
      << root.diagnostics;
  Imported par = import_text(R"(<adtree>
<node refinement="disjunctive"><label>a</label>
  <parameter domainId="T">3</parameter>
  <node refinement="disjunctive" switchRole="yes"><label>d</label>
    <node refinement="disjunctive" switchRole="yes"><label>x</label>
      <parameter domainId="T">4</parameter></node></node></node>
<domain id="T"><class>lu.uni.adtool.domains.adtpredefined.MinTimePar</class></domain>
</adtree>)");
  EXPECT_FALSE(par.tree);
  EXPECT_NE(par.diagnostics.find("t.xml:4:3: error: overcoming the defence 'd' takes time 4 "
                                 "under MinTimePar"),
            std::string::npos)
      << par.diagnostics;
}

TEST(AdtoolImportTest, LeavesWithOneLabelAreOneSharedEvent) {
  Imported r = import_text(R"(<adtree><node refinement="disjunctive"><label>g</label>
<node refinement="conjunctive"><label>r1</label>
  <node refinement="disjunctive"><label>x</label></node>
  <node refinement="disjunctive"><label>y</label></node></node>
<node refinement="conjunctive"><label>r2</label>
  <node refinement="disjunctive"><label>x</label></node>
  <node refinement="disjunctive"><label>z</label></node></node>
</node></adtree>)");
  ASSERT_TRUE(r.tree) << r.diagnostics;
  EXPECT_EQ(basic_events(*r.tree).size(), 3u);
  EXPECT_EQ(shared_node_count(*r.tree), 1u);
}

void expect_round_trip(const Tree& t1);

TEST(AdtoolImportTest, ReadsASequentialTree) {
  Imported r = import_text(R"(<sandtree>
<node refinement="sequential"><label>s</label>
  <node refinement="conjunctive"><label>both</label>
    <node refinement="disjunctive"><label>a</label>
      <parameter domainId="MinTime1" category="basic">3</parameter></node>
    <node refinement="disjunctive"><label>b</label>
      <parameter domainId="MinTime1" category="basic">5</parameter></node></node>
  <node refinement="disjunctive"><label>c</label>
    <parameter domainId="MinTime1" category="basic">7</parameter></node></node>
<domain id="MinTime1"><class>lu.uni.adtool.domains.sandpredefined.MinTime</class></domain>
</sandtree>)");
  ASSERT_TRUE(r.tree) << r.diagnostics;
  EXPECT_EQ(by_id(*r.tree, "s").kind, NodeKind::kSand);
  EXPECT_EQ(by_id(*r.tree, "both").kind, NodeKind::kAnd);
  EXPECT_EQ(*evaluate_tree(*r.tree, {Domain::kTime}).figures[0].value, 5 + 7);  // max, then sum
  std::string back = export_text(*r.tree);
  EXPECT_EQ(back.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sandtree>", 0), 0u) << back;
  expect_round_trip(*r.tree);
}

/// import → export → import gives the same tree (same file written) and the same figures.
void expect_round_trip(const Tree& t1) {
  std::string a2 = export_text(t1);
  EXPECT_EQ(testing::AdtoolChecker().check(a2), std::vector<std::string>{}) << a2;
  Imported r2 = import_text(a2, "a2.xml");
  ASSERT_TRUE(r2.tree) << r2.diagnostics << a2;
  EXPECT_EQ(write_tree(*r2.tree), write_tree(t1));
  EXPECT_EQ(export_text(*r2.tree), a2);
  std::vector<Domain> ds(std::begin(kAllDomains), std::end(kAllDomains));
  TreeEvaluation e1 = evaluate_tree(with_measures_in_force(t1, true), ds);
  TreeEvaluation e2 = evaluate_tree(with_measures_in_force(*r2.tree, true), ds);
  for (std::size_t d = 0; d < ds.size(); ++d)
    EXPECT_EQ(e1.figures[d].value, e2.figures[d].value) << domain_name(ds[d]);
}

TEST(AdtoolRoundTripTest, AdtoolsExampleFilesRoundTrip) {
  for (const char* file : {"RFIDBlock.xml", "BankAccount.xml", "bank-account-valued.xml"}) {
    SCOPED_TRACE(file);
    Imported r = import_example(file);
    ASSERT_TRUE(r.tree) << r.diagnostics;
    expect_round_trip(*r.tree);
  }
}

}  // namespace
}  // namespace icsrisk::attacktree
