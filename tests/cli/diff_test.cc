// `icsrisk diff` end to end: two versions of the example plant, results.json pairs, the
// --fail-on-worse exit codes, bad and mismatched inputs.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "cli/cli_test.h"
#include "unit/diff_plant_versions.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;

class CliDiffTest : public testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    write("v1.xml", testing::plant_v1());
    write("v2.xml", testing::plant_v2());
  }
  /// `results.json` of analysing `model` into folder `out`.
  void analyse(const std::string& model, const std::string& out) {
    CliResult r = run("analyze " + model + " -o " + out + " --format json");
    ASSERT_EQ(r.code, 0) << r.err;
  }
};

TEST_F(CliDiffTest, TwoModelsListTheEditsTheRowsAndTheVerdict) {
  CliResult r = run("diff v1.xml v2.xml --lang en");
  ASSERT_EQ(r.code, 0) << r.err;  // without --fail-on-worse a worse risk is not a failure
  EXPECT_TRUE(r.out.starts_with("Comparison of models and analysis results: v1.xml → v2.xml\n"))
      << r.out;
  EXPECT_NE(r.out.find("Model changes: 4\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("importance: 2 → 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("countermeasures: anti-virus, media-control"), std::string::npos);
  EXPECT_NE(r.out.find("added    flow     df-99"), std::string::npos) << r.out;
  EXPECT_TRUE(r.out.ends_with("\nA risk got worse.\n")) << r.out;
}

TEST_F(CliDiffTest, JsonOfTwoModelsAndOfTheirResultsAgreeRowForRow) {
  CliResult models = run("diff v1.xml v2.xml --format json -o models.json");
  ASSERT_EQ(models.code, 0) << models.err;
  EXPECT_EQ(models.out, "");
  analyse("v1.xml", "r1");
  analyse("v2.xml", "r2");
  CliResult results = run("diff r1/results.json r2/results.json --format json");
  ASSERT_EQ(results.code, 0) << results.err;
  const nlohmann::json m = nlohmann::json::parse(read("models.json"));
  const nlohmann::json j = nlohmann::json::parse(results.out);
  EXPECT_EQ(m["inputs"], "models");
  EXPECT_EQ(j["inputs"], "results");
  EXPECT_EQ(m["model_changes"].size(), 4u);
  ASSERT_FALSE(m["scenarios"].empty());
  EXPECT_FALSE(j.contains("model_changes"));
  ASSERT_FALSE(m["asset_rows"].empty());
  EXPECT_EQ(m["asset_rows"], j["asset_rows"]);
  EXPECT_EQ(m["scenarios"], j["scenarios"]);
  EXPECT_EQ(m["worse"], true);
  EXPECT_EQ(j["worse"], true);
  for (const auto& row : j["asset_rows"]) {
    EXPECT_TRUE(row["target"] == "ews" || row["target"] == "hmi") << row;
    EXPECT_EQ(row["worse"], true) << row;
  }
}

TEST_F(CliDiffTest, FailOnWorseExitsOneOnlyWhenARiskGotWorse) {
  CliResult worse = run("diff v1.xml v2.xml --fail-on-worse");
  EXPECT_EQ(worse.code, 1) << worse.err;
  EXPECT_NE(worse.err.find("a risk got worse (--fail-on-worse)"), std::string::npos);
  EXPECT_EQ(run("diff v2.xml v1.xml --fail-on-worse").code, 0);
  CliResult same = run("diff v1.xml v1.xml --fail-on-worse --lang en");
  EXPECT_EQ(same.code, 0) << same.err;
  EXPECT_NE(same.out.find("Model changes: 0\n  no change\n"), std::string::npos) << same.out;
  analyse("v1.xml", "r1");
  analyse("v2.xml", "r2");
  EXPECT_EQ(run("diff r1/results.json r2/results.json --fail-on-worse").code, 1);
  EXPECT_EQ(run("diff r2/results.json r1/results.json --fail-on-worse").code, 0);
}

TEST_F(CliDiffTest, MarkdownAndHtmlFilesAreWritten) {
  ASSERT_EQ(run("diff v1.xml v2.xml --format md -o d.md").code, 0);
  ASSERT_EQ(run("diff v1.xml v2.xml --format html -o d.html --lang en").code, 0);
  EXPECT_TRUE(read("d.md").starts_with("# モデル・分析結果の比較\n")) << read("d.md");
  EXPECT_NE(read("d.md").find("| 変更 | asset | hmi |"), std::string::npos) << read("d.md");
  EXPECT_NE(read("d.html").find("<td>df-99</td>"), std::string::npos) << read("d.html");
  // The same input gives the same bytes.
  ASSERT_EQ(run("diff v1.xml v2.xml --format html -o again.html --lang en").code, 0);
  EXPECT_EQ(read("d.html"), read("again.html"));
}

TEST_F(CliDiffTest, HostileNamesStayTextOnTheTerminal) {
  std::string v1 = testing::read_text(testing::source_path("tests/data/analysis/hostile.xml"));
  std::string v2 =
      testing::replace_once(v1, "type=\"plc\" importance=\"3\"", "type=\"plc\" importance=\"1\"");
  v2 = testing::replace_once(v2, "`x` | # h\"", "`x` | # h&#x1b;[31m&#x202E;\"");
  write("h1.xml", v1);
  write("h2.xml", v2);
  CliResult r = run("diff h1.xml h2.xml --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\u202e"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\\u{202E}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("importance: 3 → 1"), std::string::npos) << r.out;
  ASSERT_EQ(run("diff h1.xml h2.xml --format html -o h.html").code, 0);
  EXPECT_EQ(read("h.html").find("<script>"), std::string::npos);
  EXPECT_NE(read("h.html").find("&lt;script&gt;alert(1)"), std::string::npos);
}

TEST_F(CliDiffTest, BadAndMismatchedInputsExitThreeAndWriteNothing) {
  analyse("v1.xml", "r1");
  CliResult mixed = run("diff v1.xml r1/results.json -o out.txt");
  EXPECT_EQ(mixed.code, 3);
  EXPECT_NE(mixed.err.find("r1/results.json:1:1: error: this is a results.json but 'v1.xml' is "
                           "a model"),
            std::string::npos)
      << mixed.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.txt"));
  write("broken.json", "{\"tool\": \"icsrisk\",\n \"format\": 1,,\n}");
  CliResult broken = run("diff r1/results.json broken.json -o out.txt");
  EXPECT_EQ(broken.code, 3);
  EXPECT_NE(broken.err.find("broken.json:2:14: error: not valid JSON"), std::string::npos)
      << broken.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.txt"));
  write("bad.xml", testing::replace_once(testing::plant_v1(), "type=\"hmi\"", "type=\"hmx\""));
  CliResult bad = run("diff v1.xml bad.xml");
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.err.find("bad.xml:175:"), std::string::npos) << bad.err;
  EXPECT_EQ(run("diff v1.xml missing.xml").code, 4);
  EXPECT_EQ(run("diff v1.xml").code, 2);
  EXPECT_EQ(run("diff v1.xml v2.xml --format pdf").code, 2);
}

}  // namespace
}  // namespace icsrisk
