// `icsrisk profile show` end to end: tables per language, the XML on request.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <sstream>
#include <string>

#include "cli/cli_test.h"
#include "model/loader.h"
#include "report/catalogue.h"
#include "report/text_table.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(CliProfileTest, ShowPrintsTablesPerLanguageAndXmlOnRequest) {
  testing::CliResult en = testing::run_icsrisk("profile show --lang en");
  EXPECT_EQ(en.code, 0) << en.err;
  EXPECT_THAT(en.out, HasSubstr("\nAsset types\n"));
  EXPECT_THAT(en.out, HasSubstr("\nRisk matrix (3×3×3)\n"));
  testing::CliResult ja = testing::run_icsrisk("profile show");
  EXPECT_EQ(ja.code, 0) << ja.err;
  EXPECT_THAT(ja.out, HasSubstr("\n資産の種類\n"));
  testing::CliResult xml = testing::run_icsrisk("profile show --format xml");
  EXPECT_EQ(xml.code, 0);
  EXPECT_EQ(xml.out, model::builtin_profile_file().text());
}

TEST(CliProfileTest, RejectsAnUnknownLanguageOrFormat) {
  EXPECT_EQ(testing::run_icsrisk("profile show --lang fr").code, 2);
  EXPECT_EQ(testing::run_icsrisk("profile show --format html").code, 2);
}

}  // namespace
}  // namespace icsrisk
