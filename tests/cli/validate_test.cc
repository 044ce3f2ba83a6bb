// `icsrisk validate` end to end: the real binary, its exit codes and what it prints.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_test.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

/// Runs `icsrisk ARGS` in the source folder (so file names in diagnostics are relative).
testing::CliResult run(const std::string& args) {
  return testing::run_icsrisk(args, ICSRISK_SOURCE_DIR);
}

TEST(CliValidateTest, ValidModelsExitZeroAndSayOk) {
  testing::CliResult r = run("validate models/model-plant.xml models/small-plant.xml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "models/model-plant.xml: ok\nmodels/small-plant.xml: ok\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliValidateTest, InvalidModelExitsThreeWithPositionedDiagnostics) {
  testing::CliResult r = run("validate tests/data/validation/broken-model.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("tests/data/validation/broken-model.xml:7:11: error: duplicate zone "
                               "id 'z-office'\n"
                               "      <zone id=\"z-office\" name=\"情報系(重複)\"/>"));
  EXPECT_THAT(r.err, HasSubstr("\n34 errors, 15 warnings\n"));
}

TEST(CliValidateTest, SeveralFilesAreValidatedInOneRun) {
  testing::CliResult r =
      run("validate models/small-plant.xml tests/data/validation/broken-model.xml "
          "tests/data/validation/warnings-only.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err, HasSubstr("tests/data/validation/broken-model.xml:4:42: warning:"));
  EXPECT_THAT(r.err, HasSubstr("tests/data/validation/warnings-only.xml:2:19: warning: unknown "
                               "attribute 'colour'"));
  // Diagnostics are sorted by file: the broken model's come before the other file's.
  EXPECT_LT(r.err.find("broken-model.xml:"), r.err.find("warnings-only.xml:"));
}

TEST(CliValidateTest, WarningsAloneExitZero) {
  testing::CliResult r = run("validate tests/data/validation/warnings-only.xml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "tests/data/validation/warnings-only.xml: ok\n");
  EXPECT_THAT(r.err, HasSubstr("warning: unknown attribute 'colour' on <system> is ignored\n"));
  EXPECT_THAT(r.err, HasSubstr("0 errors, 1 warning\n"));
}

TEST(CliValidateTest, UnreadableFileExitsFour) {
  testing::CliResult r = run("validate tests/data/validation/does-not-exist.xml");
  EXPECT_EQ(r.code, 4);
  EXPECT_THAT(r.err, HasSubstr("icsrisk: error: cannot read "
                               "'tests/data/validation/does-not-exist.xml': No such file or "
                               "directory\n"));
  testing::CliResult dir = run("validate tests/data/validation");
  EXPECT_EQ(dir.code, 4);
  EXPECT_THAT(dir.err, HasSubstr("it is a directory"));
}

TEST(CliValidateTest, EveryUnreadableFileIsReported) {
  testing::CliResult r =
      run("validate first-missing.xml models/small-plant.xml second-missing.xml");
  EXPECT_EQ(r.code, 4);
  EXPECT_THAT(r.err, HasSubstr("icsrisk: error: cannot read 'first-missing.xml'"));
  EXPECT_THAT(r.err, HasSubstr("icsrisk: error: cannot read 'second-missing.xml'"));
}

TEST(CliValidateTest, UnreadableFileWinsOverInvalidOne) {
  testing::CliResult r = run("validate tests/data/validation/broken-model.xml nowhere.xml");
  EXPECT_EQ(r.code, 4);
  EXPECT_THAT(r.err, HasSubstr("broken-model.xml:7:11: error: duplicate zone id"));
  EXPECT_THAT(r.err, HasSubstr("icsrisk: error: cannot read 'nowhere.xml'"));
}

TEST(CliValidateTest, MissingModelIsAUsageError) {
  testing::CliResult r = run("validate");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("MODEL is required"));
}

TEST(CliValidateTest, UnknownOptionIsAUsageError) {
  testing::CliResult r = run("validate --frobnicate models/small-plant.xml");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.err, HasSubstr("--frobnicate"));
  EXPECT_EQ(r.out, "");
}

TEST(CliValidateTest, BrokenProfileExitsThreeWithPositionedDiagnostics) {
  testing::CliResult r =
      run("validate --profile tests/data/validation/broken-profile.xml models/small-plant.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err, HasSubstr("tests/data/validation/broken-profile.xml:71:12: error: unknown "
                               "threat 'unauthorised-access'; did you mean "
                               "'unauthorized-access'?\n"
                               "    <lateral method=\"unauthorised-access\"/>\n"
                               "             ^\n"));
  EXPECT_THAT(r.out, Not(HasSubstr("ok")));
}

TEST(CliValidateTest, ExplicitBuiltinProfileFileValidates) {
  testing::CliResult r =
      run("validate --profile models/profiles/ipa-2018.xml models/small-plant.xml");
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(CliValidateTest, NonUtf8ModelExitsThree) {
  testing::CliResult r = run("validate tests/data/validation/latin1.xml");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err, HasSubstr("tests/data/validation/latin1.xml:2:36: error: the file is not "
                               "valid UTF-8 (byte 0xE9); save it as UTF-8\n"));
}

}  // namespace
}  // namespace icsrisk
