// The report tables and their text formats (CSV, Markdown): golden files for the example plant
// in both languages, the IPA layout rules, and escaping of hostile model text.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "report/csv.h"
#include "report/markdown.h"
#include "report/tables.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

using testing::read_text;
using testing::source_path;

std::unique_ptr<testing::LoadedModel> load_file(const std::string& relative) {
  return testing::load(read_text(source_path(relative)));
}

const char* lang_id(model::Lang lang) {
  return lang == model::Lang::kJa ? "ja" : "en";
}

// The example plant's tables in Japanese are the committed sample report's (ReportsAreCurrent);
// the small plant pins both languages here.
TEST(TablesTest, SmallPlantTablesMatchGoldenFilesInBothLanguages) {
  auto l = load_file("models/small-plant.xml");
  risk::Results r = l->analyze();
  for (model::Lang lang : {model::Lang::kJa, model::Lang::kEn}) {
    report::Report rep = report::build_report(*l->model, *l->profile, r, lang);
    ASSERT_EQ(rep.tables.size(), 4u);
    for (const report::Table& t : rep.tables)
      testing::expect_golden(fmt::format("analysis/small-plant.{}.{}.csv", lang_id(lang), t.id),
                             report::to_csv(t));
    testing::expect_golden(fmt::format("analysis/small-plant.{}.md", lang_id(lang)),
                           report::to_markdown(rep, *l->model, *l->profile, r));
  }
}

TEST(TablesTest, AssetRiskSheetPutsMeasuresUnderFunctionAndTheThreatsStage) {
  auto l = testing::load(R"(<system id="m" name="M" xmlns="urn:icsrisk:model:1">
  <zones><zone id="z" name="Z"/></zones>
  <networks><network id="n" name="N" zone="z"/></networks>
  <assets><asset id="a" name="A" type="server" importance="2"><connect network="n"/>
    <countermeasure ref="p-both"/><countermeasure ref="d-both"/><countermeasure ref="m-both" status="planned"/>
  </asset></assets></system>)",
                         testing::test_profile());
  risk::Results r = l->analyze();
  report::Report rep = report::build_report(*l->model, *l->profile, r, model::Lang::kEn);
  const report::Table& t = rep.tables[2];
  ASSERT_EQ(t.id, "asset-risk");
  // Columns 6..11: protect/intrusion, protect/objective, detect/…, mitigate/….
  EXPECT_EQ(t.flat_header(6), "Countermeasures: Protect / Intrusion/spread");
  EXPECT_EQ(t.flat_header(11), "Countermeasures: Mitigate / Objective");
  ASSERT_GE(t.rows.size(), 2u);
  const auto& intr = t.rows[0];  // t-intr: intrusion stage
  EXPECT_EQ(intr[4].text, "Intrusion threat");
  EXPECT_EQ(intr[6].text, "Protect both");
  EXPECT_EQ(intr[7].text, "");
  EXPECT_EQ(intr[8].text, "Detect both");
  EXPECT_EQ(intr[9].text, "");
  EXPECT_EQ(intr[12].number, 3);
  EXPECT_EQ(intr[14].kind, report::Cell::Kind::kRisk);
  EXPECT_EQ(intr[15].text, "Mitigate both");  // planned measures
  const auto& obj = t.rows[1];                // t-obj: objective stage
  EXPECT_EQ(obj[6].text, "");
  EXPECT_EQ(obj[7].text, "Protect both");
  EXPECT_EQ(obj[9].text, "Detect both");
}

TEST(TablesTest, ImpactSheetListsStepsAndSaysWhenTheTargetIsUnreachable) {
  auto l = load_file("models/model-plant.xml");
  const model::Model& m = *l->model;
  const model::Profile& p = *l->profile;
  risk::Results r;
  risk::ScenarioRisk reach;
  reach.impact = 0, reach.scenario = 0, reach.impact_level = 3, reach.risk = model::Risk::kA;
  reach.risk_planned = model::Risk::kB, reach.routes_total = 42, reach.truncated = true;
  risk::Route route;
  route.entry = 0, route.threat_level = 3, route.countermeasure_level = 2;
  route.vulnerability_level = 2, route.risk = model::Risk::kA;
  risk::Step s1;
  s1.to = m.asset_index.at("office-pc"), s1.method = p.find_threat("malware-infection");
  s1.countermeasures = {p.find_countermeasure("anti-virus"),
                        p.find_countermeasure("log-collection")};
  s1.countermeasure_level = 3;
  risk::Step s2;
  s2.from = m.asset_index.at("scada"), s2.to = m.asset_index.at("plc-1");
  s2.method = p.find_threat("unauthorized-transmission"), s2.via = {m.asset_index.at("fw-3")};
  route.steps = {s1, s2};
  reach.routes = {route};
  risk::ScenarioRisk none;
  none.impact = 1, none.scenario = 0, none.impact_level = 2;
  r.scenario_risks = {reach, none};
  report::Report rep = report::build_report(m, p, r, model::Lang::kJa);
  const report::Table& t = rep.tables[3];
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][5].text, "攻撃者 → 事務用端末 : マルウェア感染");
  EXPECT_EQ(t.rows[0][6].text, "ウイルス対策");
  EXPECT_EQ(t.rows[0][7].text, "ログ収集・分析");
  EXPECT_EQ(t.rows[0][13].text, "A");
  EXPECT_EQ(t.rows[0][16].text, "全42ルート中1件を表示");
  EXPECT_EQ(t.rows[1][5].text,
            "制御サーバ(SCADA) → PLC1(反応工程) : 不正送信 [経由 FW3(制御情報系/制御系)]");
  EXPECT_EQ(t.rows[1][13].text, "");  // route values only on the route's first row
  EXPECT_EQ(t.rows[2][5].text, "攻撃対象に到達する経路なし");
  EXPECT_EQ(t.rows[2][14].text, "-");
  testing::expect_golden("analysis/impact-sheet.ja.csv", report::to_csv(t));
}

TEST(TablesTest, CsvNeutralisesFormulaTextButNotOwnNumbers) {
  EXPECT_EQ(report::neutralise_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(report::neutralise_formula("+cmd"), "'+cmd");
  EXPECT_EQ(report::neutralise_formula("-1+1"), "'-1+1");
  EXPECT_EQ(report::neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(report::neutralise_formula("\tx"), "'\tx");
  EXPECT_EQ(report::neutralise_formula("PLC"), "PLC");
  EXPECT_EQ(report::csv_field("a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"");
  report::Table t;
  t.columns = {{"", "n"}, {"", "t"}};
  t.rows = {{report::Cell::of_number(-1), report::Cell::of_text("-1")}};
  EXPECT_EQ(report::to_csv(t), "\xEF\xBB\xBFn,t\n-1,'-1\n");
}

TEST(TablesTest, HostileNamesAreTextInCsvAndMarkdown) {
  auto l = load_file("tests/data/analysis/hostile.xml");
  risk::Results r = l->analyze();
  report::Report rep = report::build_report(*l->model, *l->profile, r, model::Lang::kEn);
  std::string list = report::to_csv(rep.tables[0]);
  EXPECT_NE(list.find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << list;
  EXPECT_NE(list.find(",'+cmd|' /C calc'!A0,"), std::string::npos) << list;
  EXPECT_NE(list.find(",'@SUM(A1),'-1+1,"), std::string::npos) << list;
  std::string matrix = report::to_csv(rep.tables[1]);
  EXPECT_NE(matrix.find(",'@SUM(A1) (-1+1)\n"), std::string::npos) << matrix;  // whole cell once
  std::string md = report::to_markdown(rep, *l->model, *l->profile, r);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt; \\`x\\` \\| # h"), std::string::npos);
  testing::expect_golden("analysis/hostile.en.md", md);
}

TEST(TablesTest, MarkdownEscapeDisarmsBlockAndInlineSyntax) {
  EXPECT_EQ(report::markdown_escape("# title"), "\\# title");
  EXPECT_EQ(report::markdown_escape("- item\n> quote"), "\\- item<br>&gt; quote");
  EXPECT_EQ(report::markdown_escape("a|b\\c`d`"), "a\\|b\\\\c\\`d\\`");
  EXPECT_EQ(report::markdown_escape("<b>&amp;"), "&lt;b&gt;&amp;amp;");
  EXPECT_EQ(report::markdown_escape("1. x"), "1\\. x");
  EXPECT_EQ(report::markdown_escape("[x](javascript:y)"), "\\[x\\](javascript:y)");
}

TEST(TablesTest, DisplayWidthCountsWideCharactersTwice) {
  EXPECT_EQ(report::display_width("PLC"), 3u);
  EXPECT_EQ(report::display_width("制御サーバ"), 10u);
  EXPECT_EQ(report::display_width("ＡＢ"), 4u);  // full-width Latin
  EXPECT_EQ(report::display_width("ab\n制御"), 4u);
}

TEST(TablesTest, BigDataFlowMatrixBecomesAList) {
  std::string assets, flows;
  for (int i = 0; i < 1002; ++i) {
    assets += fmt::format(
        "<asset id=\"a{0}\" name=\"A{0}\" type=\"server\" importance=\"1\"><connect "
        "network=\"n\"/></asset>",
        i);
    if (i > 0) flows += fmt::format("<flow id=\"f{0}\" from=\"a0\" to=\"a{0}\" data=\"d\"/>", i);
  }
  auto l = testing::load(
      R"(<system id="m" name="M" xmlns="urn:icsrisk:model:1"><zones><zone id="z" name="Z"/></zones>
  <networks><network id="n" name="N" zone="z"/></networks><assets>)" +
      assets + "</assets><dataflows>" + flows +
      "</dataflows><countermeasures><countermeasure "
      "ref=\"log-collection\"/></countermeasures></system>");
  risk::Results r = l->analyze();
  report::Report rep = report::build_report(*l->model, *l->profile, r, model::Lang::kEn);
  EXPECT_EQ(rep.tables[1].columns.size(), 3u);
  EXPECT_EQ(rep.tables[1].rows.size(), 1001u);
  EXPECT_FALSE(rep.tables[1].note.empty());
}

}  // namespace
}  // namespace icsrisk
