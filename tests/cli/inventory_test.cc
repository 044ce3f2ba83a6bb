// `icsrisk import inventory`, `icsrisk template` and `icsrisk export inventory` end to end.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_test.h"
#include "interchange/encoding.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

testing::CliResult run(const std::string& args) {
  return testing::run_icsrisk(args, ICSRISK_SOURCE_DIR);
}

// The options naming every table of folder `dir` but assets.csv.
std::string other_tables(const std::string& dir) {
  return " --flows " + dir + "/flows.csv --zones " + dir + "/zones.csv --networks " + dir +
         "/networks.csv --entries " + dir + "/entry-points.csv --scenarios " + dir +
         "/scenarios.csv --countermeasures " + dir + "/countermeasures.csv --system " + dir +
         "/system.csv";
}

TEST(CliInventoryTest, ExampleInventoryOf500AssetsImportsValidatesAndAnalyses) {
  fs::path out = testing::fresh_test_dir("inventory-example");
  const std::string model = (out / "plant.xml").string();
  testing::CliResult r = run("import inventory models/inventory/assets.csv" +
                             other_tables("models/inventory") + " -o '" + model + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("models/inventory/assets.csv: UTF-8 with BOM"));
  EXPECT_THAT(r.out, HasSubstr("12 zones, 22 networks, 500 assets, 251 flows"));
  EXPECT_EQ(run("validate '" + model + "'").code, 0);
  testing::CliResult a =
      run("analyze '" + model + "' --format json -o '" + (out / "r").string() + "'");
  ASSERT_EQ(a.code, 0) << a.err;
  auto j = nlohmann::json::parse(testing::read_text((out / "r" / "results.json").string()));
  EXPECT_EQ(j["system"]["id"], "inventory-plant");
  EXPECT_EQ(j["scenario_risks"].size(), 10u);
  for (const auto& s : j["scenario_risks"])
    EXPECT_FALSE(s["risk"].is_null()) << s["scenario"];
  fs::remove_all(out);
}

TEST(CliInventoryTest, Cp932AndUtf8WithBomImportIdentically) {
  fs::path out = testing::fresh_test_dir("inventory-cp932");
  const std::string a = (out / "a.xml").string(), b = (out / "b.xml").string();
  testing::CliResult ra = run("import inventory models/inventory/assets.csv" +
                              other_tables("models/inventory") + " -o '" + a + "'");
  testing::CliResult rb = run("import inventory models/inventory/assets-cp932.csv" +
                              other_tables("models/inventory") + " -o '" + b + "'");
  ASSERT_EQ(ra.code, 0) << ra.err;
  ASSERT_EQ(rb.code, 0) << rb.err;
  EXPECT_THAT(rb.out, HasSubstr("models/inventory/assets-cp932.csv: CP932"));
  // Alone, the asset table declares the networks it uses; the summary counts the model's.
  testing::CliResult alone = run("import inventory models/inventory/assets-cp932.csv -o '" +
                                 (out / "c.xml").string() + "'");
  EXPECT_EQ(alone.code, 0) << alone.err;
  EXPECT_THAT(alone.out, HasSubstr("0 zones, 22 networks, 500 assets, 0 flows"));
  EXPECT_EQ(testing::read_text(a), testing::read_text(b));
  // The committed CP932 file is the UTF-8 one as Japanese Excel saves it.
  std::string utf8 = testing::read_text(testing::source_path("models/inventory/assets.csv"));
  std::string sjis;
  ASSERT_TRUE(interchange::encode_cp932(utf8.substr(3), sjis));
  EXPECT_EQ(sjis, testing::read_text(testing::source_path("models/inventory/assets-cp932.csv")));
  fs::remove_all(out);
}

TEST(CliInventoryTest, ProblemsExitThreeAndWriteNothing) {
  fs::path out = testing::fresh_test_dir("inventory-bad");
  fs::path csv = out / "assets.csv";
  std::ofstream(csv) << "id,type,importance,networks\nplc-1,plcc,3,n\nplc-2,plc,0,n\n";
  fs::path flows = out / "flows.csv";
  std::ofstream(flows) << "from,to\nplc-1,plc-3\n";
  const std::string model = (out / "m.xml").string();
  testing::CliResult r = testing::run_icsrisk("import inventory '" + csv.string() + "' --flows '" +
                                              flows.string() + "' -o '" + model + "'");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err,
              HasSubstr("assets.csv:2:7: error: unknown asset type 'plcc'; did you mean 'plc'?"));
  EXPECT_THAT(r.err, HasSubstr("assets.csv:3:11: error: expected a whole number from 1 to 3"));
  EXPECT_THAT(r.err, HasSubstr("flows.csv:2:7: error: unknown asset 'plc-3'"));
  EXPECT_THAT(r.err, HasSubstr("3 errors, 0 warnings"));
  EXPECT_FALSE(fs::exists(model));
  fs::remove_all(out);
}

TEST(CliInventoryTest, UndecodableFileIsAnErrorAtItsLine) {
  fs::path out = testing::fresh_test_dir("inventory-bytes");
  fs::path csv = out / "assets.csv";
  std::ofstream(csv) << "id,type,importance,networks\nplc-1,plc,3,n\x81\n";
  testing::CliResult r = testing::run_icsrisk("import inventory '" + csv.string() + "' -o '" +
                                              (out / "m.xml").string() + "'");
  EXPECT_EQ(r.code, 3);
  EXPECT_THAT(r.err, HasSubstr("assets.csv:2:14: error: this file is neither UTF-8 nor CP932"));
  fs::remove_all(out);
}

TEST(CliInventoryTest, TemplateWritesEveryTableWithExampleRowsThatImport) {
  fs::path out = testing::fresh_test_dir("inventory-template");
  testing::CliResult r = testing::run_icsrisk("template -o '" + out.string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* f : {"system.csv", "zones.csv", "networks.csv", "assets.csv", "flows.csv",
                        "entry-points.csv", "scenarios.csv", "countermeasures.csv"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  const std::string header = "\xEF\xBB\xBFid,name,type,importance,zone,networks,address,";
  EXPECT_EQ(testing::read_text((out / "assets.csv").string()).substr(0, header.size()), header);
  // The example rows of all tables together are a plant that imports, validates and analyses.
  testing::CliResult i = testing::run_icsrisk("import inventory '" + (out / "assets.csv").string() +
                                              "'" + other_tables("'" + out.string() + "'") +
                                              " -o '" + (out / "m.xml").string() + "'");
  EXPECT_EQ(i.code, 0) << i.err;
  EXPECT_EQ(testing::run_icsrisk("analyze '" + (out / "m.xml").string() + "' --format json -o '" +
                                 (out / "r").string() + "'")
                .code,
            0);
  fs::remove_all(out);
}

// Model → CSV → model gives the same analysis, byte for byte (README "Inventory CSV").
void expect_round_trip(const std::string& model) {
  fs::path out = testing::fresh_test_dir("inventory-round-trip");
  const std::string dir = (out / "csv").string(), back = (out / "back.xml").string();
  testing::CliResult e = run("export inventory " + model + " -o '" + dir + "'");
  ASSERT_EQ(e.code, 0) << e.err;
  testing::CliResult i = run("import inventory '" + dir + "/assets.csv'" +
                             other_tables("'" + dir + "'") + " -o '" + back + "'");
  ASSERT_EQ(i.code, 0) << i.err;
  ASSERT_EQ(run("analyze " + model + " --format json -o '" + (out / "a").string() + "'").code, 0);
  ASSERT_EQ(run("analyze '" + back + "' --format json -o '" + (out / "b").string() + "'").code, 0);
  std::string a = testing::read_text((out / "a" / "results.json").string());
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, testing::read_text((out / "b" / "results.json").string()));
  // And a second export of the imported model gives the same tables.
  ASSERT_EQ(run("export inventory '" + back + "' -o '" + (out / "csv2").string() + "'").code, 0);
  for (const auto& f : fs::directory_iterator(dir))
    EXPECT_EQ(testing::read_text(f.path().string()),
              testing::read_text((out / "csv2" / f.path().filename()).string()))
        << f.path().filename();
  fs::remove_all(out);
}

TEST(CliInventoryTest, ModelPlantRoundTripsThroughCsv) {
  expect_round_trip("models/model-plant.xml");
}

TEST(CliInventoryTest, SmallPlantRoundTripsThroughCsv) {
  expect_round_trip("models/small-plant.xml");
}

// Markup, formula starts, quotes, control characters: all come back as the same text.
TEST(CliInventoryTest, RemoteStationRoundTripsThroughCsv) {
  expect_round_trip("models/remote-station.xml");
}

TEST(CliInventoryTest, HostileModelRoundTripsThroughCsv) {
  expect_round_trip("tests/data/hostile/hostile-model.xml");
}

}  // namespace
}  // namespace icsrisk
