// `icsrisk import traffic` end to end on the example plant and its generated conn.log.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "cli/cli_test.h"
#include "interchange/traffic.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(CliTrafficTest, ModelPlantConnLogGivesThePlantedFindings) {
  testing::CliResult r = testing::run_icsrisk(
      "import traffic models/model-plant.xml tests/data/traffic/model-plant-conn.log --lang en",
      ICSRISK_SOURCE_DIR);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("252 connections: 11 observed flows between modelled assets (3 "
                               "unexpected), 6 within one asset group, 2 unknown addresses\n"));
  EXPECT_THAT(r.out, HasSubstr("Unexpected flows (observed, not in the model): 3\n"
                               "  ews -> plc-3  tcp/502 (modbus)  x3"));
  EXPECT_THAT(r.out, HasSubstr("  office-pc -> relay-srv  tcp/22 (ssh)  x2"));
  EXPECT_THAT(r.out, HasSubstr("  historian -> plc-2  udp/53 (dns)  x1"));
  EXPECT_THAT(r.out, HasSubstr("  df-26  scada -> scada-standby"));
  EXPECT_THAT(r.out, Not(HasSubstr("df-45")));  // plc-1 -> scada rides scada's Modbus polls
  EXPECT_THAT(r.out, HasSubstr("(not checkable, an end has no address: 9 flows)"));
  EXPECT_THAT(r.out, HasSubstr("  192.168.20.99  x5"));
  EXPECT_THAT(r.out,
              HasSubstr("  8.8.8.8  x4  (first at tests/data/traffic/model-plant-conn.log:251)"));
  testing::CliResult ja = testing::run_icsrisk(
      "import traffic models/model-plant.xml tests/data/traffic/model-plant-conn.log",
      ICSRISK_SOURCE_DIR);
  EXPECT_THAT(ja.out, HasSubstr("想定外のフロー(観測したがモデルにない): 3\n"
                                "  ews -> plc-3  tcp/502 (modbus)  x3  (初出 "));
}

TEST(CliTrafficTest, AddFlowsWritesAModelWhereNothingIsUnexpected) {
  fs::path out = testing::fresh_test_dir("traffic-add");
  const std::string model = (out / "plant.xml").string();
  const std::string before = testing::read_text(testing::source_path("models/model-plant.xml"));
  testing::CliResult r = testing::run_icsrisk(
      "import traffic models/model-plant.xml tests/data/traffic/model-plant-conn.json --add-flows "
      "-o '" +
          model + "'",
      ICSRISK_SOURCE_DIR);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(testing::read_text(testing::source_path("models/model-plant.xml")), before);
  EXPECT_EQ(testing::run_icsrisk("validate '" + model + "'").code, 0);
  testing::CliResult again = testing::run_icsrisk(
      "import traffic '" + model + "' '" +
      testing::source_path("tests/data/traffic/model-plant-conn.log") + "' --lang en");
  EXPECT_THAT(again.out, HasSubstr("(0 unexpected)"));
  EXPECT_EQ(testing::run_icsrisk("import traffic models/model-plant.xml "
                                 "tests/data/traffic/model-plant-conn.log --add-flows",
                                 ICSRISK_SOURCE_DIR)
                .code,
            2);
  fs::remove_all(out);
}

}  // namespace
}  // namespace icsrisk
