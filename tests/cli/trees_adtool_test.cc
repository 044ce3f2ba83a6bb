// `icsrisk trees import adtool` and `trees export adtool` (issue 12, item 5), end to end.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test.h"

namespace icsrisk::testing {
namespace {

using TreesAdtoolTest = CliTest;

TEST_F(TreesAdtoolTest, ImportsAdtoolsExampleIntoATreeThatEvaluates) {
  CliResult r = run("trees import adtool " +
                    repo_file("tests/data/adtool/bank-account-valued.xml") + " -o bank.xml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  CliResult e = run("trees eval bank.xml --domain probability,time --planned");
  ASSERT_EQ(e.code, 0) << e.err;
  EXPECT_NE(e.out.find("probability  0.134612 exact"), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("time         35 exact"), std::string::npos) << e.out;
}

TEST_F(TreesAdtoolTest, ExportThenImportKeepsTheFigures) {
  std::string tree = repo_file("attack-trees/examples/shared-subtree.xml");
  CliResult x = run("trees export adtool " + tree + " -o shared.adt.xml");
  // shared-subtree.xml mixes <and> and <sand>: ADTool 2 has one conjunction.
  EXPECT_EQ(x.code, 3);
  EXPECT_NE(x.err.find("shared-subtree.xml:"), std::string::npos) << x.err;
  EXPECT_NE(x.err.find(": error: the tree has both <and> and <sand>"), std::string::npos) << x.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "shared.adt.xml"));
  write("t.xml", R"(<attack-tree id="t" xmlns="urn:icsrisk:attack-tree:1">
  <or id="g" name="goal">
    <sand id="r1"><leaf id="a" probability="0.5" cost="10" time="2" skill="1">
        <countermeasure ref="guard" function="protect" probability-factor="0.5" adds-time="3"/>
      </leaf><leaf id="b" probability="0.4" cost="5" time="1" skill="2"/></sand>
    <sand id="r2"><ref node="a"/><leaf id="c" probability="0.1" cost="1" time="9" skill="3"/></sand>
  </or>
</attack-tree>
)");
  CliResult ex = run("trees export adtool t.xml -o t.adt.xml");
  ASSERT_EQ(ex.code, 0) << ex.err;
  EXPECT_NE(read("t.adt.xml").find("<class>lu.uni.adtool.domains.adtpredefined.MinTimeSeq"),
            std::string::npos);
  ASSERT_EQ(run("trees import adtool t.adt.xml -o back.xml").code, 0);
  CliResult before = run("trees eval t.xml --domain probability,cost,time,skill");
  CliResult after = run("trees eval back.xml --domain probability,cost,time,skill");
  ASSERT_EQ(before.code, 0) << before.err;
  ASSERT_EQ(after.code, 0) << after.err;
  auto figures = [](const std::string& out) { return out.substr(out.find("  probability")); };
  EXPECT_EQ(figures(after.out), figures(before.out));
}

TEST_F(TreesAdtoolTest, BadFileIsAPositionedErrorAndWritesNothing) {
  write("bad.xml", "<adtree>\n  <node refinement=\"xor\"><label>a</label></node>\n</adtree>\n");
  CliResult r = run("trees import adtool bad.xml -o out.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("bad.xml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "out.xml"));
}

TEST_F(TreesAdtoolTest, HostileLabelsStayText) {
  write("h.xml",
        "<adtree><node refinement=\"disjunctive\"><label>\"/&gt;&lt;node x=\"1\">"
        "</label></node></adtree>");
  ASSERT_EQ(run("trees import adtool h.xml -o h.tree.xml").code, 0);
  ASSERT_EQ(run("trees export adtool h.tree.xml -o h2.xml").code, 0);
  EXPECT_NE(read("h2.xml").find("<label>\"/&gt;&lt;node x=\"1\"&gt;</label>"), std::string::npos)
      << read("h2.xml");
  CliResult back = run("trees import adtool h2.xml -o h3.xml");
  EXPECT_EQ(back.code, 0) << back.err;
}

}  // namespace
}  // namespace icsrisk::testing
