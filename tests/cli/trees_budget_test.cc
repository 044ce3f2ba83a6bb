// `icsrisk trees eval --exact-budget NODES,SECONDS` (issue 12 item 2, issue 13 item 12).

#include <gtest/gtest.h>

#include <string>

#include "unit/cli_run.h"

namespace icsrisk {
namespace {

const std::string kShared =
    "trees eval '" + testing::source_path("attack-trees/examples/shared-subtree.xml") + "'";

TEST(AttackTreeCliBudgetTest, ATinyTimeBudgetLabelsEveryFallback) {
  testing::CliResult r = testing::run_icsrisk(kShared + " --exact-budget 10000,0.000001");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("probability  0.026825 bottom-up, not exact: the decision diagram was not "
                       "finished within the time budget of 1e-06 s"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cost         370 bottom-up, not exact:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("minimal attack sets: not computed (the decision diagram"),
            std::string::npos)
      << r.out;
}

TEST(AttackTreeCliBudgetTest, TheDefaultBudgetGivesExactFigures) {
  testing::CliResult r = testing::run_icsrisk(kShared + " --exact-budget 4000000,10");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("probability  0.026352 exact (BDD)"), std::string::npos) << r.out;
}

TEST(AttackTreeCliBudgetTest, ABudgetOutOfRangeIsAUsageError) {
  for (const char* bad : {"100,1", "10000,0", "10000,-1", "1e12,1", "10000.5,1", "x,1"}) {
    testing::CliResult r = testing::run_icsrisk(kShared + " --exact-budget " + bad);
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
}

}  // namespace
}  // namespace icsrisk
