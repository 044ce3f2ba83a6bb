// The quantitative propagation (method.md §9) in `icsrisk analyze`'s outputs: results.json
// scenario_risks[].quant, the p(goal) column of the business-impact sheet in every table
// format, the heat maps (DOT, SVG, inlined in report.html) and the sensitive steps.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "cli/cli_test.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

class CliQuantTest : public CliTest {};

TEST_F(CliQuantTest, ResultsJsonHasTheQuantOfEveryScenario) {
  CliResult r = run("analyze " + repo_file("models/small-plant.xml") + " -o out --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(read("out/results.json"));
  ASSERT_EQ(j["scenario_risks"].size(), 2u);
  for (const nlohmann::json& s : j["scenario_risks"]) {
    const nlohmann::json& q = s.at("quant");
    const double p = q.at("p_goal").get<double>();
    EXPECT_GT(p, 0.0);
    EXPECT_LT(p, 1.0);
    EXPECT_GT(q.at("expected_attempts").get<double>(), 1.0);
    ASSERT_FALSE(q.at("visit").empty());
    for (const nlohmann::json& v : q["visit"]) {
      EXPECT_TRUE(v.at("asset").is_string());
      EXPECT_GT(v.at("p").get<double>(), 0.0);
      EXPECT_LE(v.at("p").get<double>(), 1.0);
    }
    ASSERT_EQ(q.at("entries").size(), j["scenario_risks"][0]["quant"]["entries"].size());
    // Picking an entry point at every attempt makes p_goal a weighted mean of the entry
    // points' (weights: their chance to leave `outside` per attempt): between the extremes.
    double lo = 1, hi = 0;
    for (const nlohmann::json& e : q["entries"]) {
      lo = std::min(lo, e.at("p_goal").get<double>());
      hi = std::max(hi, e.at("p_goal").get<double>());
    }
    EXPECT_GE(p, lo - 1e-6);
    EXPECT_LE(p, hi + 1e-6);
    ASSERT_FALSE(q.at("sensitive_steps").empty());
    EXPECT_LE(q["sensitive_steps"].size(), 10u);
    double last = 1e9;
    for (const nlohmann::json& st : q["sensitive_steps"]) {
      const double d = st.at("dp_ds").get<double>();
      EXPECT_GT(d, 0.0);
      EXPECT_LE(d, last);
      last = d;
      EXPECT_TRUE(st.at("from").is_string() && st.at("to").is_string());
      EXPECT_TRUE(st.at("countermeasure_level").is_number_integer());
    }
  }
}

TEST_F(CliQuantTest, EveryTableFormatShowsThePGoalColumnLabelledAsAnEstimate) {
  CliResult r = run("analyze " + repo_file("models/small-plant.xml") +
                    " -o out --format csv,md,html,xlsx --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string label = "p(goal): model estimate, illustrative parameters (not a risk level)";
  EXPECT_THAT(read("out/impact-risk.csv"), HasSubstr(label));
  EXPECT_THAT(read("out/report.md"), HasSubstr(label));
  EXPECT_THAT(read("out/report.html"), HasSubstr(label));
  const std::string cmd =
      "cd '" + dir_.string() + "' && unzip -p out/icsrisk.xlsx xl/sharedStrings.xml > strings.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_THAT(read("strings.xml"), HasSubstr(label));
}

TEST_F(CliQuantTest, ReportHtmlShowsAHeatMapAndTheSensitiveStepsPerScenario) {
  CliResult r =
      run("analyze " + repo_file("models/small-plant.xml") + " -o out --format html,dot --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = read("out/report.html");
  EXPECT_THAT(html, HasSubstr("Heat map: probability that the attacker holds each asset"));
  EXPECT_THAT(html, HasSubstr("id=\"heat-sc-1-"));
  EXPECT_THAT(html, HasSubstr("id=\"heat-sc-2-"));
  EXPECT_THAT(html, HasSubstr("Steps whose strengthening lowers p_goal most"));
  EXPECT_THAT(html, HasSubstr("not a risk level"));
  const std::string dot = read("out/diagrams/heat-sc-1.dot");
  EXPECT_THAT(dot, HasSubstr("visit "));
  EXPECT_THAT(dot, HasSubstr("fillcolor=\"#"));
}

TEST_F(CliQuantTest, TheSameInputGivesByteIdenticalQuantOutputs) {
  const std::string model = repo_file("models/model-plant.xml");
  ASSERT_EQ(run("analyze " + model + " -o a --format json,dot").code, 0);
  ASSERT_EQ(run("analyze " + model + " -o b --format json,dot").code, 0);
  EXPECT_EQ(read("a/results.json"), read("b/results.json"));
  EXPECT_EQ(read("a/diagrams/heat-sc-1-1.dot"), read("b/diagrams/heat-sc-1-1.dot"));
  EXPECT_THAT(read("a/results.json"), HasSubstr("\"quant\": {"));
}

}  // namespace
}  // namespace icsrisk::testing
