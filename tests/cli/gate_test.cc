// `icsrisk analyze --fail-on` as a CI gate: scopes, --baseline, the 20-row message.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "cli/cli_test.h"
#include "unit/diff_plant_versions.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;

/// Rows of a results.json at `level` or worse (asset rows and/or scenarios).
std::size_t at_least(const nlohmann::json& results, char level, bool assets, bool scenarios) {
  std::size_t n = 0;
  if (assets)
    for (const auto& row : results["asset_risks"])
      n += row["risk"].get<std::string>()[0] <= level;
  if (scenarios)
    for (const auto& s : results["scenario_risks"])
      n += !s["risk"].is_null() && s["risk"].get<std::string>()[0] <= level;
  return n;
}

/// The lines of `text` that start with `prefix`.
std::size_t lines_starting(const std::string& text, const std::string& prefix) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    n += text.compare(at, prefix.size(), prefix) == 0;
    at = end + 1;
  }
  return n;
}

class CliGateTest : public testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    write("v1.xml", testing::plant_v1());
    write("v2.xml", testing::plant_v2());
    CliResult r = run("analyze v1.xml -o base --format json");
    ASSERT_EQ(r.code, 0) << r.err;
    base_ = nlohmann::json::parse(read("base/results.json"));
  }
  nlohmann::json base_;
};

TEST_F(CliGateTest, EachScopeTripsOnItsOwnRowsAndNamesThem) {
  bool passed = false, tripped = false;
  for (const std::string rule :
       {"asset:A", "asset:B", "scenario:A", "scenario:B", "scenario:C", "A", "B"}) {
    const bool scoped = rule.find(':') != std::string::npos;
    const bool assets = !scoped || rule.starts_with("asset"), scenarios = !scoped || !assets;
    const std::size_t hits = at_least(base_, rule.back(), assets, scenarios);
    CliResult r = run("analyze v1.xml -o out --format json --fail-on " + rule);
    EXPECT_EQ(r.code, hits ? 1 : 0) << rule << "\n" << r.err;
    if (!hits) {
      EXPECT_EQ(r.err, "") << rule;
      passed = true;
      continue;
    }
    tripped = true;
    EXPECT_NE(r.err.find(fmt::format("icsrisk: --fail-on {}: {} risk", rule, hits)),
              std::string::npos)
        << rule << "\n"
        << r.err;
    const std::size_t listed = std::min<std::size_t>(hits, 20);
    EXPECT_EQ(lines_starting(r.err, "  "), listed + (hits > 20)) << r.err;
    if (!assets) {
      EXPECT_EQ(r.err.find("asset-based"), std::string::npos) << r.err;
    }
    if (!scenarios) {
      EXPECT_EQ(r.err.find(" scenario "), std::string::npos) << r.err;
    }
  }
  EXPECT_TRUE(passed && tripped);  // the example plant exercises both outcomes
}

TEST_F(CliGateTest, ScopesCombineRepeatedOrCommaSeparated) {
  const std::size_t hits = at_least(base_, 'A', true, false) + at_least(base_, 'B', false, true);
  ASSERT_GT(hits, 0u);
  CliResult repeated =
      run("analyze v1.xml -o out --format json --fail-on asset:A --fail-on scenario:B");
  CliResult comma = run("analyze v1.xml -o out --format json --fail-on asset:A,scenario:B");
  EXPECT_EQ(repeated.code, 1);
  EXPECT_EQ(repeated.err, comma.err);
  EXPECT_NE(repeated.err.find(fmt::format("--fail-on asset:A scenario:B: {} risk", hits)),
            std::string::npos)
      << repeated.err;
}

TEST_F(CliGateTest, OptionBeforeTheModelTakesOneRule) {
  ASSERT_GT(at_least(base_, 'A', true, false), 0u);
  CliResult r = run("analyze --fail-on asset:A v1.xml -o out --format json");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "results.json"));
  EXPECT_EQ(run("analyze --fail-on scenario:A --fail-on asset:D v1.xml -o out --format json").code,
            1);
}

TEST_F(CliGateTest, TheMessageListsTwentyRowsThenACount) {
  const std::size_t hits = at_least(base_, 'D', true, true);
  ASSERT_GT(hits, 20u);
  CliResult r = run("analyze v1.xml -o out --format json --fail-on D");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(lines_starting(r.err, "  A ") + lines_starting(r.err, "  B ") +
                lines_starting(r.err, "  C ") + lines_starting(r.err, "  D "),
            20u)
      << r.err;
  EXPECT_TRUE(r.err.ends_with(fmt::format("\n  and {} more\n", hits - 20))) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "results.json"));  // the report is written either way
}

TEST_F(CliGateTest, BaselineFailsOnlyOnRowsNewOrWorseThanThere) {
  ASSERT_GT(at_least(base_, 'B', true, true), 0u);
  CliResult same =
      run("analyze v1.xml -o out --format json --fail-on B --baseline base/results.json");
  EXPECT_EQ(same.code, 0) << same.err;
  CliResult r =
      run("analyze v2.xml -o out2 --format json --fail-on B --baseline base/results.json");
  EXPECT_EQ(r.code, 1) << r.err;
  const nlohmann::json now = nlohmann::json::parse(read("out2/results.json"));
  std::size_t worse = 0;
  for (std::size_t i = 0; i < now["asset_risks"].size(); ++i) {
    const char after = now["asset_risks"][i]["risk"].get<std::string>()[0];
    const char before = base_["asset_risks"][i]["risk"].get<std::string>()[0];
    ASSERT_EQ(now["asset_risks"][i]["target"], base_["asset_risks"][i]["target"]);
    worse += after <= 'B' && after < before;
  }
  for (std::size_t i = 0; i < now["scenario_risks"].size(); ++i) {
    const auto &a = now["scenario_risks"][i]["risk"], &b = base_["scenario_risks"][i]["risk"];
    worse += !a.is_null() && a.get<std::string>()[0] <= 'B' &&
             (b.is_null() || a.get<std::string>()[0] < b.get<std::string>()[0]);
  }
  ASSERT_GT(worse, 0u);
  EXPECT_NE(r.err.find(fmt::format("--fail-on B: {} risk", worse)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("new or worse than in the baseline"), std::string::npos);
  EXPECT_EQ(lines_starting(r.err, "  "), std::min<std::size_t>(worse, 20) + (worse > 20));
  EXPECT_EQ(r.err.find("(new)"), std::string::npos) << r.err;  // v2 adds no row
  EXPECT_NE(r.err.find("(was "), std::string::npos) << r.err;
}

TEST_F(CliGateTest, HostileNamesInTheMessageStayText) {
  write("h.xml", testing::replace_once(
                     testing::read_text(testing::source_path("tests/data/analysis/hostile.xml")),
                     "`x` | # h\"", "`x` | # h&#x1b;[2J&#x202E;\""));
  CliResult r = run("analyze h.xml -o out --format json --fail-on asset:A");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("  A asset-based No.29 asset c (<script>alert(1)</script> `x` | # "
                       "h\\x1B[2J\\u{202E}) / unauthorized-access\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
}

TEST_F(CliGateTest, BadBaselineOrRuleFailsBeforeAnythingIsWritten) {
  write("bad.json", "{\"tool\": \"icsrisk\", \"format\": 1, \"asset_risks\": [{\"risk\": \"Q\"}]}");
  CliResult bad = run("analyze v1.xml -o out --fail-on B --baseline bad.json");
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.err.find("bad.json:1:51: error: 'risk' must be a risk"), std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  EXPECT_EQ(run("analyze v1.xml -o out --fail-on B --baseline v1.xml").code, 3);
  EXPECT_EQ(run("analyze v1.xml -o out --fail-on B --baseline missing.json").code, 4);
  EXPECT_EQ(run("analyze v1.xml -o out --baseline base/results.json").code, 2);
  EXPECT_EQ(run("analyze v1.xml -o out --fail-on asset:E").code, 2);
  EXPECT_EQ(run("analyze v1.xml -o out --fail-on zone:B").code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CliGateTest, BaselineOfAnotherSystemIsAWarning) {
  write("other.json", R"({"tool": "icsrisk", "format": 1, "system": {"id": "other", "name": "x"},
    "asset_risks": [], "scenario_risks": []})");
  CliResult r = run("analyze v1.xml -o out --format json --fail-on A --baseline other.json");
  EXPECT_NE(r.err.find("other.json:1:1: warning: this baseline is of system 'other', the model "
                       "is 'model-plant'"),
            std::string::npos)
      << r.err;
  // Every row is new against an empty baseline: the gate is the plain one.
  EXPECT_EQ(r.code, at_least(base_, 'A', true, true) ? 1 : 0);
}

}  // namespace
}  // namespace icsrisk
