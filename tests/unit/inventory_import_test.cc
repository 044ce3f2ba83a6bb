// Inventory CSV import (src/interchange): encodings, CSV positions, header names, cell checks
// with their positions, and the model file it writes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interchange/csv_reader.h"
#include "interchange/encoding.h"
#include "interchange/inventory.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

using interchange::Table;
using ::testing::HasSubstr;
using ::testing::Not;

struct Imported {
  std::optional<std::string> xml;
  std::string diags;
  std::size_t errors = 0, warnings = 0;
};

// Imports tables given as (table, file name, text).
Imported import(const std::vector<std::tuple<Table, std::string, std::string>>& tables) {
  std::deque<core::SourceFile> files;
  core::Diagnostics d;
  interchange::Inventory inv;
  for (const auto& [t, name, text] : tables) {
    files.emplace_back(name, text);
    interchange::read_table(files.back(), t, inv, d);
  }
  Imported r;
  r.xml = interchange::inventory_to_model(inv, testing::builtin_profile(), "plant", d);
  d.sort();
  r.diags = d.render();
  r.errors = d.error_count();
  r.warnings = d.warning_count();
  return r;
}

Imported import_assets(const std::string& csv) {
  return import({{Table::kAssets, "assets.csv", csv}});
}

const char* const kHeader = "id,name,type,importance,networks\n";

TEST(EncodingTest, DropsTheBomAndConvertsCp932) {
  interchange::Decoded bom = interchange::decode_text("\xEF\xBB\xBFid,名称\n");
  EXPECT_EQ(bom.text, "id,名称\n");
  EXPECT_STREQ(bom.encoding, "UTF-8 with BOM");
  std::string sjis;
  ASSERT_TRUE(interchange::encode_cp932("制御サーバ,～①", sjis));
  EXPECT_NE(sjis, "制御サーバ,～①");
  interchange::Decoded d = interchange::decode_text(sjis);
  EXPECT_STREQ(d.encoding, "CP932");
  EXPECT_EQ(d.text, "制御サーバ,～①");  // CP932's own characters (wave dash, circled digits)
}

TEST(EncodingTest, ReportsTheFirstByteThatIsNeitherUtf8NorCp932) {
  interchange::Decoded d = interchange::decode_text("abc\n\x81\x20x");  // 0x81 needs a trail byte
  EXPECT_EQ(d.error_offset, 4u);
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(interchange::decode_text(std::string("\xFF\xFEi\0d\0", 6)).error_offset, 0u);
}

TEST(CsvReaderTest, GivesEveryCellItsPositionAndUnquotesFields) {
  core::SourceFile f("t.csv", "a,\"b,\"\"c\"\"\"\r\n\r\n,x\n\"multi\nline\",y");
  core::Diagnostics d;
  auto rows = interchange::read_csv(f, d);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells[1].text, "b,\"c\"");
  EXPECT_EQ(rows[0].cells[1].loc.offset, 2u);
  EXPECT_EQ(rows[1].cells[0].text, "");
  EXPECT_EQ(f.line_of(rows[1].cells[1].loc.offset), 3u);
  EXPECT_EQ(rows[2].cells[0].text, "multi\nline");
  EXPECT_EQ(f.line_of(rows[2].cells[1].loc.offset), 5u);
  EXPECT_FALSE(d.has_errors());
}

TEST(CsvReaderTest, MalformedQuotingIsAnErrorAtItsPosition) {
  core::SourceFile f("t.csv", "id,name\nx,\"ab\"c\n");
  core::Diagnostics d;
  interchange::read_csv(f, d);
  EXPECT_THAT(d.render(), HasSubstr("t.csv:2:7: error: malformed CSV"));
  core::SourceFile open("u.csv", "id\n\"abc\n");
  core::Diagnostics d2;
  interchange::read_csv(open, d2);
  EXPECT_THAT(d2.render(),
              HasSubstr("u.csv:2:1: error: malformed CSV: a quoted field is not closed"));
}

TEST(InventoryImportTest, JapaneseHeadersAndEnglishHeadersGiveTheSameModel) {
  Imported en = import_assets("id,name,type,importance,networks\nplc-1,PLC,plc,3,n-1\n");
  Imported ja = import_assets("ＩＤ,名称,種類,重要度,ネットワーク\nplc-1,PLC,plc,3,n-1\n");
  Imported ja2 = import_assets("ID,名称,種類,重要度,ネットワーク\nplc-1,PLC,plc,3,n-1\n");
  ASSERT_TRUE(en.xml) << en.diags;
  ASSERT_TRUE(ja2.xml) << ja2.diags;
  EXPECT_EQ(*en.xml, *ja2.xml);
  EXPECT_FALSE(ja.xml);  // a fullwidth "ＩＤ" is not the id column
  EXPECT_THAT(ja.diags, HasSubstr("unknown column 'ＩＤ'"));
}

TEST(InventoryImportTest, UnknownTypeGetsDidYouMeanAtItsCell) {
  Imported r = import_assets(std::string(kHeader) + "plc-1,PLC,plcc,3,n-1\n");
  EXPECT_FALSE(r.xml);
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:2:11: error: unknown asset type 'plcc'; did you mean "
                                 "'plc'?\n  plc-1,PLC,plcc,3,n-1\n            ^\n"));
}

TEST(InventoryImportTest, ReportsEveryProblemOfTheFileInOneRun) {
  Imported r = import_assets(std::string(kHeader) +
                             "plc-1,PLC,plc,4,n-1\n"      // importance out of range
                             "plc 2,PLC,plc,3,n-1\n"      // invalid id
                             "plc-1,PLC,firewal,3,n-1\n"  // duplicate id, unknown type
                             "hmi,HMI,hmi,2,\n");         // no network
  EXPECT_FALSE(r.xml);
  EXPECT_EQ(r.errors, 5u) << r.diags;
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:2:15: error: expected a whole number from 1 to 3"));
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:3:1: error: invalid asset id 'plc 2'"));
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:4:1: error: duplicate asset id 'plc-1'"));
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:4:11: error: unknown asset type 'firewal'; did you "
                                 "mean 'firewall'?"));
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:5:15: error: an asset connects to at least one"));
}

TEST(InventoryImportTest, MissingRequiredColumnIsAnErrorUnknownColumnAWarning) {
  Imported r = import_assets("id,name,type,networks,vendr\nplc-1,PLC,plc,n-1,A\n");
  EXPECT_FALSE(r.xml);
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:1:1: error: assets.csv needs a column 'importance'"));
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:1:23: warning: unknown column 'vendr' in assets.csv "
                                 "(ignored); did you mean 'vendor'?"));
  EXPECT_EQ(r.errors, 1u) << r.diags;  // not once more per row
}

TEST(InventoryImportTest, ReferencesBetweenTablesAreChecked) {
  Imported r = import({{Table::kAssets, "assets.csv", std::string(kHeader) + "plc-1,P,plc,3,n-1\n"},
                       {Table::kNetworks, "networks.csv", "id,zone\nn-l,z\n"},
                       {Table::kFlows, "flows.csv", "from,to\nplc-1,plc-2\n"},
                       {Table::kZones, "zones.csv", "id\nz\n"}});
  EXPECT_FALSE(r.xml);
  EXPECT_THAT(r.diags, HasSubstr("assets.csv:2:15: error: unknown network 'n-1'; did you mean "
                                 "'n-l'?"));
  EXPECT_THAT(r.diags, HasSubstr("flows.csv:2:7: error: unknown asset 'plc-2'; did you mean "
                                 "'plc-1'?"));
}

TEST(InventoryImportTest, UndeclaredZonesAndNetworksAreDeclaredByUse) {
  Imported r = import_assets(
      "id,type,importance,zone,networks,address,upstream\n"
      "gw,one-way-gateway,3,z-1,n-up n-down,10.0.0.1 -,n-up\n");
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("<zone id=\"z-1\"/>"));
  EXPECT_THAT(*r.xml, HasSubstr("<network id=\"n-up\"/>\n    <network id=\"n-down\"/>"));
  EXPECT_THAT(*r.xml,
              HasSubstr("<connect network=\"n-up\" role=\"upstream\" address=\"10.0.0.1\"/>\n"
                        "      <connect network=\"n-down\" role=\"downstream\"/>"));
  testing::ModelOutcome m = testing::check_model(*r.xml);
  EXPECT_EQ(m.errors, 0u) << m.text;
}

TEST(InventoryImportTest, HostileTextStaysTextInTheModel) {
  const std::string name = "\"/><asset id=\"x\" type=\"plc\"/>&amp; <!--";
  std::string csv = std::string(kHeader) + "a,\"" +
                    std::string("\"\"/><asset id=\"\"x\"\" type=\"\"plc\"\"/>&amp; <!--") +
                    "\",plc,3,n-1\n";
  Imported r = import_assets(csv);
  ASSERT_TRUE(r.xml) << r.diags;
  core::SourceFile f("m.xml", *r.xml);
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  ASSERT_TRUE(m) << d.render();
  ASSERT_EQ(m->assets.size(), 1u);
  EXPECT_EQ(m->assets[0].name, name);
}

TEST(InventoryImportTest, ControlCharactersBecomeCharacterReferencesNulIsAnError) {
  Imported r = import_assets(std::string(kHeader) + "a,\"x\x01y\tz\nw\",plc,3,n-1\n");
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("name=\"x&#x1;y&#x9;z&#xA;w\""));
  core::SourceFile f("m.xml", *r.xml);
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  ASSERT_TRUE(m) << d.render();
  EXPECT_EQ(m->assets[0].name, "x\x01y\tz\nw");
  Imported nul = import_assets(std::string(kHeader) + std::string("a,x\0y,plc,3,n-1\n", 17));
  EXPECT_FALSE(nul.xml);
  EXPECT_THAT(nul.diags, HasSubstr("assets.csv:2:3: error: a NUL character cannot stand"));
}

TEST(InventoryImportTest, TypesMayBeGivenByTheirProfileNames) {
  Imported r = import_assets(std::string(kHeader) +
                             "fw,FW,ファイアウォール,3,n-1 n-2\nsw,SW,L3 switch,2,n-2\n");
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("type=\"firewall\""));
  EXPECT_THAT(*r.xml, HasSubstr("type=\"l3-switch\""));
}

TEST(InventoryImportTest, ScenarioRowsGroupIntoImpactsAndLevelsMustAgree) {
  const std::string assets = std::string(kHeader) + "plc-1,P,plc,3,n\nscada,S,control-server,3,n\n";
  Imported r = import({{Table::kAssets, "assets.csv", assets},
                       {Table::kFlows, "flows.csv", "from,to\nscada,plc-1\n"},
                       {Table::kScenarios, "scenarios.csv",
                        "impact,impact-level,scenario,target,attack\n"
                        "bi-1,3,sc-1,plc-1,unauthorized-transmission\n"
                        "bi-1,2,sc-2,plc-1,function-stop\n"}});
  EXPECT_FALSE(r.xml);
  EXPECT_THAT(r.diags, HasSubstr("scenarios.csv:3:6: error: impact 'bi-1' has level 3 on an "
                                 "earlier row"));
}

}  // namespace
}  // namespace icsrisk
