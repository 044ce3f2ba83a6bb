// Golden cases, one per rule of the method (Soufflé's tests/evaluation/<case>/ style): each
// folder of tests/golden/cases/ holds a small model.xml, whose comment says the rule it pins, and
// the expected outputs of `icsrisk analyze model.xml --lang en`: the CLI summary and the two risk
// sheets. A rule change rewrites a few lines of the case that shows it
// (ICSRISK_UPDATE_GOLDEN=1 rewrites them; review the diff). The whole sample report of the
// example plant is pinned by ReportsAreCurrent (reports/), not here.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_test.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(testing::source_path("tests/golden/cases")))
    if (fs::exists(e.path() / "model.xml")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenCaseTest : public testing::CliTest,
                       public ::testing::WithParamInterface<std::string> {};

TEST_P(GoldenCaseTest, OutputsMatchTheCase) {
  const std::string name = "cases/" + GetParam() + "/";
  testing::CliResult r = run("analyze " + repo_file("tests/golden/" + name + "model.xml") +
                             " -o out --lang en --format csv,json");
  ASSERT_EQ(r.code, 0) << r.err;
  testing::expect_golden(name + "summary.txt", r.out);
  testing::expect_golden(name + "asset-risk.csv", read("out/asset-risk.csv"));
  testing::expect_golden(name + "impact-risk.csv", read("out/impact-risk.csv"));
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCaseTest, ::testing::ValuesIn(case_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
                           return n;
                         });

TEST(GoldenCaseListTest, EveryCaseHasItsExpectedOutputs) {
  std::vector<std::string> names = case_names();
  EXPECT_GE(names.size(), 5u);
  for (const std::string& n : names)
    for (const char* f : {"summary.txt", "asset-risk.csv", "impact-risk.csv"})
      EXPECT_TRUE(fs::exists(testing::source_path("tests/golden/cases/" + n + "/" + f)))
          << n << "/" << f;
}

}  // namespace
}  // namespace icsrisk
