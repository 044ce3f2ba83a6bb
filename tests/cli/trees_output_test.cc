// `icsrisk trees eval --format json|csv` (issue 12, item 5): every figure with its exactness
// as JSON, the ranked sets as CSV; deterministic; hostile text stays text.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "attacktree/loader.h"
#include "report/tree_eval_output.h"
#include "unit/cli_run.h"

namespace icsrisk {
namespace {

const std::string kShared =
    "trees eval '" + testing::source_path("attack-trees/examples/shared-subtree.xml") + "'";

TEST(AttackTreeOutputTest, JsonHasEveryFigureWithItsExactness) {
  testing::CliResult r = testing::run_icsrisk(kShared + " --rank cost --top 1 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  const nlohmann::json& t = j["trees"][0];
  EXPECT_EQ(t["id"], "at-example-shared");
  EXPECT_EQ(t["nodes"]["shared"], 1);
  ASSERT_EQ(t["figures"].size(), 5u);
  const nlohmann::json& p = t["figures"][1];
  EXPECT_EQ(p["domain"], "probability");
  EXPECT_DOUBLE_EQ(p["value"].get<double>(), 0.026352);
  EXPECT_EQ(p["exact"], true);
  EXPECT_EQ(p["from_bdd"], true);
  EXPECT_TRUE(p["not_exact_reason"].is_null());
  EXPECT_EQ(t["minimal_sets"]["count"], 2);
  EXPECT_EQ(t["rankings"][0]["by"], "cost");
  EXPECT_EQ(t["rankings"][0]["sets"][0]["cost"], 370);
  EXPECT_EQ(r.out, testing::run_icsrisk(kShared + " --rank cost --top 1 --format json").out);
}

TEST(AttackTreeOutputTest, JsonLabelsAFallbackWithItsReason) {
  testing::CliResult r =
      testing::run_icsrisk(kShared + " --format json --exact-budget 10000,0.000001");
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json t = nlohmann::json::parse(r.out)["trees"][0];
  EXPECT_EQ(t["figures"][2]["domain"], "cost");
  EXPECT_EQ(t["figures"][2]["exact"], false);
  EXPECT_EQ(t["figures"][2]["not_exact_reason"],
            "the decision diagram was not finished within the time budget of 1e-06 s");
  EXPECT_EQ(t["minimal_sets"]["complete"], false);
}

TEST(AttackTreeOutputTest, CsvListsTheRankedSets) {
  testing::CliResult r = testing::run_icsrisk(kShared + " --rank cost --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "\xEF\xBB\xBFtree,ranking,rank,probability,cost,time,events\n"
            "at-example-shared,cost,1,0.0162,370,105,phishing cross-fw exploit-scada disable-av "
            "send-command\n"
            "at-example-shared,cost,2,0.010800000000000002,670,189,exploit-scada disable-av "
            "send-command usb-insider ews-to-scada\n");
  EXPECT_EQ(testing::run_icsrisk(kShared + " --format csv").code, 2);  // needs --rank
  EXPECT_EQ(testing::run_icsrisk(kShared + " --format yaml").code, 2);
}

TEST(AttackTreeOutputTest, HostileTextStaysText) {
  // Ids are restricted to letters, digits and _ . : - (a leading - would start a formula);
  // names are free text.
  core::SourceFile file("t.xml", R"(<attack-tree id="-t" name="a,&quot;b&#x1b;[2J">
  <or id="g0"><leaf id="-x" probability="0.5" cost="1" time="1"/></or>
</attack-tree>)");
  core::Diagnostics diags;
  std::optional<attacktree::Tree> t = attacktree::load_tree(file, diags);
  ASSERT_TRUE(t) << diags.render();
  attacktree::BddOptions o;
  o.rank = {attacktree::Rank::kCost};
  std::vector<report::EvaluatedTree> e{{&*t, attacktree::evaluate_tree(*t, {}, {}, o)}};
  std::string csv = report::ranked_sets_csv(e);
  EXPECT_NE(csv.find("\n'-t,cost,1,0.5,1,1,'-x\n"), std::string::npos) << csv;
  std::string json = report::evaluation_json(e);
  EXPECT_NE(json.find(R"("name": "a,\"b\u001b[2J")"), std::string::npos) << json;
}

}  // namespace
}  // namespace icsrisk
