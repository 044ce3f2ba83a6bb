// Issue 14, item 7: `icsrisk analyze` needs MODEL or --example; an empty or missing MODEL (an
// unset variable in a CI script) is a usage error, never a silent analysis of the example plant.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;

class CliAnalyzeModelRequiredTest : public testing::CliTest {};

TEST_F(CliAnalyzeModelRequiredTest, NoModelIsAUsageErrorNamingModelAndExample) {
  for (const char* args : {"analyze --format json", "analyze '' --format json"}) {
    testing::CliResult r = run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find("MODEL"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--example"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "reports")) << args;
  }
}

TEST_F(CliAnalyzeModelRequiredTest, ExampleAndModelTogetherAreAUsageError) {
  testing::CliResult r =
      run("analyze --example " + repo_file("models/small-plant.xml") + " --format json -o out");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(CliAnalyzeModelRequiredTest, ExampleWritesTheModelPlantReport) {
  testing::CliResult r = run("analyze --example --format json -o out --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(read("out/results.json").find("\"id\": \"model-plant\""), std::string::npos);
}

}  // namespace
}  // namespace icsrisk
