// Attack trees wired into the analysis, end to end with the real binary: `icsrisk analyze
// --trees DIR` (an analyst's tree replaces the generated one for its scenario) and the model's
// step levels in `icsrisk trees eval --model`.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_test.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

/// A hand-written tree for small-plant's sc-1: no sharing, so the exact probability is
/// 1 − (1 − 0.2·0.5)(1 − 0.4·0.1·0.6) = 0.12160 and the minimal cost min(600, 1060) = 600.
constexpr const char* kAnalystTree = R"(<?xml version="1.0" encoding="UTF-8"?>
<attack-tree id="at-analyst" scenario="sc-1" name="分析者のツリー" xmlns="urn:icsrisk:attack-tree:1">
  <or id="g0" name="PLCの停止">
    <sand id="via-usb" name="USB経由でPLCへ">
      <step id="usb" from="attacker" to="ews" method="unauthorized-media" probability="0.2" cost="500"/>
      <step id="ews-plc" from="ews" to="plc" method="unauthorized-transmission" probability="0.5" cost="100"/>
    </sand>
    <sand id="via-mail" name="メールから内部協力で制御系へ">
      <step id="mail" from="attacker" to="office-pc" method="malware-infection" probability="0.4" cost="50"/>
      <leaf id="insider" name="内部協力者がFWに穴を開ける" probability="0.1" cost="1000" level="1"/>
      <step id="scada-plc" from="scada" to="plc" method="unauthorized-transmission" probability="0.6" cost="10"/>
    </sand>
  </or>
</attack-tree>
)";

using Outcome = testing::CliResult;

class CliTreesAnalyzeTest : public testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    fs::create_directories(dir_ / "trees");
  }
  /// `analyze` of small-plant into out/ with the trees of trees/.
  Outcome analyze_small_plant(const std::string& extra = "--trees trees") {
    return run("analyze '" + source_path("models/small-plant.xml") +
               "' -o out --format json,html,dot " + extra);
  }
  void write_tree(const std::string& name, const std::string& text) const {
    write(fs::path("trees") / name, text);
  }
  std::string out(const std::string& name) const { return read(fs::path("out") / name); }
  static const nlohmann::json& scenario(const nlohmann::json& results, const std::string& id) {
    for (const nlohmann::json& s : results["scenario_risks"])
      if (s["scenario"] == id) return s;
    ADD_FAILURE() << "no scenario " << id;
    return results;
  }
};

TEST_F(CliTreesAnalyzeTest, AnalystTreeReplacesTheGeneratedTreeOfItsScenario) {
  Outcome plain = analyze_small_plant("");
  ASSERT_EQ(plain.code, 0) << plain.err;
  nlohmann::json before = nlohmann::json::parse(out("results.json"));
  EXPECT_EQ(scenario(before, "sc-1")["tree"]["source"], "generated");
  fs::remove_all(dir_ / "out");

  write_tree("sc-1.xml", kAnalystTree);
  Outcome r = analyze_small_plant();
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(out("report.html").find("内部協力者がFWに穴を開ける"), std::string::npos);
  EXPECT_NE(out("report.html").find("sc-1.xml (at-analyst)"), std::string::npos);
  EXPECT_NE(out("diagrams/tree-sc-1.dot").find("内部協力者がFWに穴を開ける"), std::string::npos);
  EXPECT_EQ(out("diagrams/tree-sc-2.dot").find("内部協力者"), std::string::npos);

  nlohmann::json after = nlohmann::json::parse(out("results.json"));
  const nlohmann::json& tree = scenario(after, "sc-1")["tree"];
  EXPECT_EQ(tree["source"], "analyst");
  EXPECT_EQ(tree["file"], "sc-1.xml");
  EXPECT_EQ(tree["id"], "at-analyst");
  EXPECT_NEAR(tree["probability"].get<double>(), 0.1216, 1e-12);
  EXPECT_NEAR(tree["probability_naive"].get<double>(), 0.1216, 1e-12);
  EXPECT_EQ(tree["cost"], 600);
  EXPECT_TRUE(tree["time"].is_null());
  // The IPA level: OR of the USB route (its steps are the listed route r1: level 2) and the
  // mail route (the leaf's level 1, the steps' model levels): min(2, max(…)) ≤ 2.
  ASSERT_TRUE(tree["ipa_level"].is_number());
  EXPECT_LE(tree["ipa_level"].get<int>(), 2);
  EXPECT_EQ(scenario(after, "sc-2")["tree"]["source"], "generated");
  // The scenario risk stays the analysis' value.
  EXPECT_EQ(scenario(after, "sc-1")["risk"], scenario(before, "sc-1")["risk"]);
  EXPECT_EQ(scenario(after, "sc-1")["routes"], scenario(before, "sc-1")["routes"]);
}

TEST_F(CliTreesAnalyzeTest, AtPrefixedFileNameIsAcceptedToo) {
  write_tree("at-sc-1.xml", kAnalystTree);
  Outcome r = analyze_small_plant();
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(out("results.json"));
  EXPECT_EQ(scenario(j, "sc-1")["tree"]["file"], "at-sc-1.xml");
}

TEST_F(CliTreesAnalyzeTest, BrokenTreeExitsThreeWithItsPositionAndKeepsThePreviousReport) {
  ASSERT_EQ(analyze_small_plant().code, 0);  // an empty trees/ folder: all generated
  std::string previous = out("results.json");
  std::string broken = kAnalystTree;
  broken.replace(broken.find("probability=\"0.2\""), 17, "probability=\"2\"");
  write_tree("sc-1.xml", broken);
  Outcome r = analyze_small_plant();
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("sc-1.xml:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error: attribute 'probability' must be a number from 0 to 1, not '2'"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(out("results.json"), previous);
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST_F(CliTreesAnalyzeTest, TreeOfAnotherScenarioExitsThreeAndWritesNothing) {
  std::string other = kAnalystTree;
  other.replace(other.find("scenario=\"sc-1\""), 15, "scenario=\"sc-2\"");
  write_tree("sc-1.xml", other);
  Outcome r = analyze_small_plant();
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("sc-1.xml:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("this tree is for scenario 'sc-2', but its file name makes it the tree "
                       "of scenario 'sc-1'"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CliTreesAnalyzeTest, MissingTreesFolderIsAUsageError) {
  EXPECT_EQ(analyze_small_plant("--trees no-such-folder").code, 2);
}

TEST_F(CliTreesAnalyzeTest, EvalWithModelLevelsStepsOffTheRoutesAndExplainsMissingChannels) {
  // plc → hmi is on no listed route of sc-1 (the target is last) but has a segment channel
  // (the L3 switch joins the two networks); office-pc → scada crosses the firewall without a
  // flow: no channel, so the tree's IPA level is n/a with the reason.
  write_tree("t.xml", R"(<attack-tree id="t" scenario="sc-1" xmlns="urn:icsrisk:attack-tree:1">
  <and id="g0">
    <step id="off-route" from="plc" to="hmi" method="unauthorized-access"/>
  </and>
</attack-tree>)");
  write_tree("u.xml", R"(<attack-tree id="u" scenario="sc-1" xmlns="urn:icsrisk:attack-tree:1">
  <and id="g0">
    <step id="off-route" from="plc" to="hmi" method="unauthorized-access"/>
    <step id="across-fw" from="office-pc" to="scada" method="unauthorized-access"/>
  </and>
</attack-tree>)");
  std::string model = " --model '" + source_path("models/small-plant.xml") + "' --domain ipa";
  Outcome t = run("trees eval trees/t.xml" + model);
  ASSERT_EQ(t.code, 0) << t.err;
  // hmi: operator authentication (protect) + system-wide log collection (detect): level 3.
  EXPECT_NE(t.out.find("ipa          3 (vulnerability 1)"), std::string::npos) << t.out;
  Outcome u = run("trees eval trees/u.xml" + model);
  ASSERT_EQ(u.code, 0) << u.err;
  EXPECT_NE(u.out.find("n/a: across-fw (no channel from office-pc to scada in the model for "
                       "unauthorized-access)"),
            std::string::npos)
      << u.out;
}

}  // namespace
}  // namespace icsrisk
