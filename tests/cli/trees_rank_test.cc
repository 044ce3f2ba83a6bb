// `icsrisk trees eval --rank probability,cost,time --top K` (issue 12, item 3).

#include <gtest/gtest.h>

#include <string>

#include "unit/cli_run.h"

namespace icsrisk {
namespace {

const std::string kShared =
    "trees eval '" + testing::source_path("attack-trees/examples/shared-subtree.xml") + "'";

TEST(AttackTreeCliRankTest, ListsTheBestSetsOfEachRankingWithTheirValues) {
  testing::CliResult r = testing::run_icsrisk(kShared + " --rank cost,time --top 1");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("  attack sets by cost (the best 1 of 2):\n"
                       "    1. probability 0.0162, cost 370, time 105: {標的型メールで事務用端末に"
                       "感染, FWの許可通信を悪用して制御サーバへ到達, 制御サーバの脆弱性を突く, "
                       "ウイルス対策を無効化, send-command}\n"
                       "  attack sets by time (the best 1 of 2):\n"),
            std::string::npos)
      << r.out;
}

TEST(AttackTreeCliRankTest, AnUnknownRankingOrTopIsAUsageError) {
  EXPECT_EQ(testing::run_icsrisk(kShared + " --rank speed").code, 2);
  EXPECT_EQ(testing::run_icsrisk(kShared + " --rank cost --top 0").code, 2);
}

}  // namespace
}  // namespace icsrisk
