// `icsrisk analyze` end to end: the real binary on real files.

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_test.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

using Outcome = testing::CliResult;

class CliAnalyzeTest : public testing::CliTest {
 protected:
  /// Runs `icsrisk analyze ARGS` in the test's folder.
  Outcome analyze(const std::string& args) {
    return testing::run_icsrisk("analyze " + args, dir_.string());
  }
  static std::string data(const std::string& name) {
    return "'" + source_path("tests/data/analysis/" + name) + "'";
  }
  /// Names in the test folder that look like temporary output folders.
  std::vector<std::string> leftovers() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      if (e.path().filename().string().find(".tmp-") != std::string::npos)
        out.push_back(e.path().string());
    return out;
  }
};

TEST_F(CliAnalyzeTest, ExampleAnalysesTheBundledExampleIntoTheDefaultFolder) {
  Outcome r = analyze("--example --format json,csv,md,xlsx");
  ASSERT_EQ(r.code, 0) << r.err;
  fs::path out = dir_ / "reports" / "model-plant";
  for (const char* f : {"results.json", "asset-list.csv", "dataflow-matrix.csv", "asset-risk.csv",
                        "impact-risk.csv", "report.md", "icsrisk.xlsx"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  EXPECT_NE(read_text((out / "results.json").string()).find("\"id\": \"model-plant\""),
            std::string::npos);
  EXPECT_NE(r.out.find("モデルプラント"), std::string::npos);
  EXPECT_NE(r.out.find("ipa-2018"), std::string::npos);
  EXPECT_NE(r.out.find("再構成値を含む"), std::string::npos);
  EXPECT_TRUE(leftovers().empty());
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST_F(CliAnalyzeTest, FailOnExitsOneExactlyAtTheWorstRiskOrAbove) {
  // worst-c.xml: every risk is C, D or E.
  for (const auto& [level, code] :
       std::vector<std::pair<std::string, int>>{{"A", 0}, {"B", 0}, {"C", 1}, {"D", 1}}) {
    Outcome r = analyze(data("worst-c.xml") + " -o out --format json --fail-on " + level);
    EXPECT_EQ(r.code, code) << "--fail-on " << level << "\n" << r.err;
    EXPECT_TRUE(fs::exists(dir_ / "out" / "results.json"));  // the report is written either way
  }
  EXPECT_EQ(analyze(data("worst-c.xml") + " -o out --fail-on E").code, 2);
}

TEST_F(CliAnalyzeTest, SummaryShowsCountsAndTheHighestRows) {
  Outcome r = analyze(data("worst-c.xml") + " -o out --format json --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  // 4 device rows (physical intrusion D, function stop C, overload C, theft D) and 5 fieldbus
  // rows (eavesdropping C, tampering C, blocking D, congestion C, rogue device C).
  EXPECT_NE(r.out.find("now          A 0  B 0  C 6  D 3  E 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Highest rows:\n  C No.2 センサ / Function stop"), std::string::npos)
      << r.out;
}

TEST_F(CliAnalyzeTest, InvalidModelExitsThreeWithDiagnosticsAndWritesNothing) {
  std::ofstream(dir_ / "bad.xml") << R"(<system id="bad" name="B" xmlns="urn:icsrisk:model:1">
  <assets><asset id="a" name="A" type="no-such-type" importance="2"/></assets></system>
)";
  Outcome r = analyze("bad.xml -o out");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("bad.xml:2:"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CliAnalyzeTest, UsageErrorsExitTwo) {
  EXPECT_EQ(analyze("--example --format json,pdfx").code, 2);
  EXPECT_EQ(analyze("--example --lang fr").code, 2);
  EXPECT_EQ(analyze("--example --routes 0").code, 2);
  EXPECT_EQ(analyze("--example --format ,").code, 2);  // selects no format
  EXPECT_FALSE(fs::exists(dir_ / "reports"));
}

TEST_F(CliAnalyzeTest, DefaultFormatsAreAllButPng) {
  Outcome r = analyze(data("worst-c.xml") + " -o out");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* f :
       {"results.json", "report.md", "report.html", "icsrisk.xlsx", "asset-list.csv",
        "dataflow-matrix.csv", "asset-risk.csv", "impact-risk.csv", "diagrams/system.dot",
        "diagrams/system.svg", "diagrams/dataflow.dot", "diagrams/dataflow.svg"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / f)) << f;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "diagrams" / "system.png"));
}

TEST_F(CliAnalyzeTest, PlantTooLargeToDrawStillGetsItsTreesAndRoutesDrawn) {
  // 1,600 terminals on the office network (over kRenderAssetLimit): the system and data-flow
  // views are DOT only, and the HTML says they were not produced; the scenario's attack tree,
  // and its routes over just the assets they touch, are drawn as SVG and inlined in the HTML.
  std::string assets;
  for (int i = 0; i < 1600; ++i)
    assets += "<asset id=\"pc-" + std::to_string(i) +
              "\" type=\"terminal\" importance=\"1\"><connect network=\"n-office\"/>"
              "<countermeasure ref=\"anti-virus\"/></asset>\n";
  std::string model =
      "<system id=\"big\" name=\"big\"><networks><network id=\"n-office\"/>"
      "<network id=\"n-control\"/></networks><assets>\n" +
      assets +
      "<asset id=\"fw\" type=\"firewall\" importance=\"3\"><connect network=\"n-office\"/>"
      "<connect network=\"n-control\"/><countermeasure ref=\"fw-packet-filter\"/></asset>"
      "<asset id=\"plc\" type=\"plc\" importance=\"3\"><connect network=\"n-control\"/>"
      "<countermeasure ref=\"access-control\"/></asset></assets>"
      "<dataflows><flow id=\"df-1\" from=\"pc-0\" to=\"plc\"/></dataflows>"
      "<entry-points><entry id=\"e-mail\" asset=\"pc-0\" vector=\"mail\" threat-level=\"3\"/>"
      "</entry-points><business-impacts><impact id=\"bi\" name=\"stop\" level=\"3\">"
      "<scenario id=\"sc\" name=\"stop\" target=\"plc\" attack=\"unauthorized-transmission\"/>"
      "</impact></business-impacts></system>";
  {
    std::ofstream f(dir_ / "big.xml", std::ios::binary);
    f << model;
  }
  Outcome r = analyze("big.xml -o out --format dot,svg,html");
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path d = dir_ / "out" / "diagrams";
  for (const char* f : {"system.dot", "dataflow.dot", "routes-sc.dot", "routes-sc.svg",
                        "tree-sc.dot", "tree-sc.svg"})
    EXPECT_TRUE(fs::exists(d / f)) << f;
  for (const char* f : {"system.svg", "dataflow.svg"})
    EXPECT_FALSE(fs::exists(d / f)) << f;
  std::string routes = read_text((d / "routes-sc.dot").string());
  EXPECT_NE(routes.find("\"a:pc-0\""), std::string::npos);  // the entry's asset, on the route
  EXPECT_EQ(routes.find("\"a:pc-1\""), std::string::npos);  // off every route
  std::string html = read_text((dir_ / "out" / "report.html").string());
  // The asset-by-asset views are replaced by their aggregated views (issue 14 item 4).
  EXPECT_NE(html.find("id=\"d-system-aggregated\""), std::string::npos);
  EXPECT_NE(html.find("id=\"tree-sc-"), std::string::npos);    // the inlined attack tree
  EXPECT_NE(html.find("id=\"routes-sc-"), std::string::npos);  // and routes view
}

TEST_F(CliAnalyzeTest, FormatSelectsExactlyItsFiles) {
  Outcome r = analyze(data("worst-c.xml") + " -o out --format svg,png");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "diagrams" / "system.svg"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "diagrams" / "system.png"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "diagrams" / "system.dot"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "results.json"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "report.html"));
  std::string png = read_text((dir_ / "out" / "diagrams" / "system.png").string());
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST_F(CliAnalyzeTest, FailedWriteKeepsThePreviousOutputAndLeavesNoTemporaryFolder) {
  // The target is a file, not a folder: every format is written to the temporary folder, then
  // the final rename fails.
  std::ofstream(dir_ / "out") << "previous";
  Outcome r = analyze(data("worst-c.xml") + " -o out");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("out"), std::string::npos);
  EXPECT_EQ(read_text((dir_ / "out").string()), "previous");
  EXPECT_TRUE(leftovers().empty());
  // A parent that is a file: nothing can be created.
  r = analyze(data("worst-c.xml") + " -o out/sub");
  EXPECT_EQ(r.code, 4);
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(CliAnalyzeTest, RefusesToReplaceAFolderThatHoldsNoReport) {
  fs::create_directories(dir_ / "work");
  std::ofstream(dir_ / "work" / "notes.txt") << "mine";
  Outcome r = analyze(data("worst-c.xml") + " -o work");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(read_text((dir_ / "work" / "notes.txt").string()), "mine");
  EXPECT_TRUE(leftovers().empty());
}

TEST_F(CliAnalyzeTest, NewReportReplacesThePreviousOneWhole) {
  ASSERT_EQ(analyze(data("worst-c.xml") + " -o out --format csv,json").code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "asset-risk.csv"));
  ASSERT_EQ(analyze(data("worst-c.xml") + " -o out/ --format json").code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "results.json"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "asset-risk.csv"));
  EXPECT_TRUE(leftovers().empty());
  EXPECT_FALSE(fs::exists(dir_ / "out.old"));
}

TEST_F(CliAnalyzeTest, OutputsAreByteIdenticalAcrossRuns) {
  const std::string model = "'" + source_path("models/model-plant.xml") + "'";
  ASSERT_EQ(analyze(model + " -o a --format json,csv,md,xlsx").code, 0);
  ASSERT_EQ(analyze(model + " -o b --format json,csv,md,xlsx").code, 0);
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "a")) {
    ++files;
    std::string name = e.path().filename().string();
    EXPECT_TRUE(read_text(e.path().string()) == read_text((dir_ / "b" / name).string())) << name;
  }
  EXPECT_EQ(files, 10);  // nine files of four formats (with zones-conduits.csv) and the marker
}

TEST_F(CliAnalyzeTest, EnglishReportHasEnglishHeaders) {
  ASSERT_EQ(analyze(data("worst-c.xml") + " -o out --format md,csv --lang en").code, 0);
  std::string md = read_text((dir_ / "out" / "report.md").string());
  EXPECT_NE(md.find("## Asset list"), std::string::npos);
  EXPECT_NE(read_text((dir_ / "out" / "asset-risk.csv").string()).find("Vulnerability level"),
            std::string::npos);
}

}  // namespace
}  // namespace icsrisk
