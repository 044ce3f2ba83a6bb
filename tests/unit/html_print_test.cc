// Issue 14, item 2: the HTML report for reading and printing — the print stylesheet keeps
// tables whole, diagrams are zoomable figures linked to their SVG files, and an executive
// summary of the example plant comes first.

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "golden.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/html.h"
#include "report/html_exec.h"
#include "report/render.h"
#include "report/tables.h"
#include "risk/analysis.h"

namespace icsrisk::report {
namespace {

class HtmlPrintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::Diagnostics d;
    profile_ = *model::load_profile(model::builtin_profile_file(), d);
    file_ = std::make_unique<core::SourceFile>(
        "model-plant.xml", testing::read_text(testing::source_path("models/model-plant.xml")));
    model_ = *model::load_model(*file_, d);
    model::link_model(model_, profile_, d);
    ASSERT_FALSE(d.has_errors()) << d.render();
    results_ = risk::analyze(model_, profile_);
  }

  std::string html(model::Lang lang, HtmlDiagrams diagrams = {}) const {
    Report tables = build_report(model_, profile_, results_, lang);
    return html_report(model_, profile_, results_, tables, diagrams);
  }

  /// The text of the executive summary section.
  static std::string executive(const std::string& page) {
    std::size_t at = page.find("<section id=\"executive\"");
    if (at == std::string::npos) return "";
    return page.substr(at, page.find("</section>", at) - at);
  }

  std::unique_ptr<core::SourceFile> file_;
  model::Profile profile_;
  model::Model model_;
  risk::Results results_;
};

TEST_F(HtmlPrintTest, PrintStylesheetKeepsTablesWholeAndStartsChaptersOnNewPages) {
  const std::string page = html(model::Lang::kJa);
  const std::size_t print = page.find("@media print{\n  @page{size:A4 landscape");
  ASSERT_NE(print, std::string::npos);
  const std::string rules = page.substr(print, page.find("\n}\n", print) - print);
  for (const char* rule :
       {"thead{display:table-header-group}", "tr{break-inside:avoid}",
        "section.chapter{break-before:page}", "#scenarios h3 ~ h3{break-before:page}",
        ".diagram-tools,button{display:none}", "max-height:175mm"})
    EXPECT_NE(page.find(rule), std::string::npos) << rule;
  EXPECT_NE(rules.find("thead{display:table-header-group}"), std::string::npos) << rules;
  EXPECT_NE(rules.find("tr{break-inside:avoid}"), std::string::npos) << rules;
  // Every table of the report has a <thead> for the repeated header to work.
  std::size_t tables = 0, heads = 0;
  for (std::size_t at = page.find("<table"); at != std::string::npos;
       at = page.find("<table", at + 1))
    ++tables;
  for (std::size_t at = page.find("<thead>"); at != std::string::npos;
       at = page.find("<thead>", at + 1))
    ++heads;
  EXPECT_GT(tables, 4u);
  EXPECT_EQ(heads, tables);
}

TEST_F(HtmlPrintTest, ExecutiveSummaryOfTheExamplePlantComesFirst) {
  const std::string page = html(model::Lang::kJa);
  const std::string exec = executive(page);
  ASSERT_FALSE(exec.empty());
  EXPECT_LT(page.find("<section id=\"executive\""), page.find("<section id=\"summary\""));
  // The two scenarios at B (impact level 3), linked to their sections; none of the C/D ones.
  EXPECT_NE(exec.find("href=\"#s-sc-1-1\">不正なコマンド送信による反応工程の停止</a>"),
            std::string::npos)
      << exec;
  EXPECT_NE(exec.find("href=\"#s-sc-1-2\">安全計装システムの機能停止</a>"), std::string::npos);
  EXPECT_EQ(exec.find("#s-sc-2-1"), std::string::npos);
  EXPECT_EQ(exec.find("#s-sc-3-1"), std::string::npos);
  // Five worst asset rows, all at A (26 rows are at A).
  const std::string worst = exec.substr(exec.find("資産ベースでリスクの最も高い行"));
  std::size_t a_rows = 0;
  for (std::size_t at = worst.find("<tr><td><span class=\"risk risk-A\">"); at != std::string::npos;
       at = worst.find("<tr><td><span class=\"risk risk-A\">", at + 1))
    ++a_rows;
  EXPECT_EQ(a_rows, 5u);
  // The three planned measures of most effect, in order: network monitoring lowers 16 rows now
  // at A or B, incident response 8, IDS 6.
  const std::size_t nm =
      exec.find("<li>ネットワーク監視: 21 行のリスクを下げる（うち現在 A・B の行 16）");
  const std::size_t ir =
      exec.find("<li>インシデント対応: 59 行のリスクを下げる（うち現在 A・B の行 8）");
  const std::size_t ids = exec.find("<li>IDS: 6 行のリスクを下げる（うち現在 A・B の行 6）");
  ASSERT_NE(nm, std::string::npos) << exec;
  ASSERT_NE(ir, std::string::npos) << exec;
  ASSERT_NE(ids, std::string::npos) << exec;
  EXPECT_LT(nm, ir);
  EXPECT_LT(ir, ids);
  EXPECT_NE(exec.find("資産ベースのリスク分析 536 行"), std::string::npos);
  EXPECT_NE(exec.find("5 シナリオ"), std::string::npos);
}

TEST_F(HtmlPrintTest, PlannedEffectsCountOnlyRowsTheyLower) {
  std::vector<PlannedEffect> effects = planned_effects(results_);
  ASSERT_GE(effects.size(), 3u);
  for (const PlannedEffect& e : effects) {
    std::size_t rows = 0;
    for (const risk::AssetRiskRow& r : results_.asset_risks)
      for (std::size_t c : r.planned)
        rows += (c == e.measure && worse_than(r.risk, r.risk_planned)) ? 1 : 0;
    EXPECT_EQ(e.rows, rows) << profile_.countermeasures[e.measure].id;
    EXPECT_LE(e.rows_from_ab, e.rows);
  }
}

TEST_F(HtmlPrintTest, ExecutiveSummarySaysWhenNothingIsPlannedOrAtRisk) {
  for (risk::AssetRiskRow& r : results_.asset_risks)
    r.risk_planned = r.risk;
  for (risk::ScenarioRisk& s : results_.scenario_risks)
    s.risk = model::Risk::kD;
  const std::string exec = executive(html(model::Lang::kEn));
  EXPECT_NE(exec.find("No business-impact scenario is at risk A or B."), std::string::npos);
  EXPECT_NE(exec.find("No planned countermeasure lowers a risk."), std::string::npos);
  EXPECT_NE(exec.find("How this was assessed"), std::string::npos);
}

TEST_F(HtmlPrintTest, DiagramsAreZoomableFiguresLinkedToTheirSvgFiles) {
  DiagramOptions o;
  auto svg = render_dot(diagram_dot(View::kSystem, model_, profile_, o), ImageFormat::kSvg);
  ASSERT_TRUE(svg.ok());
  HtmlDiagrams d;
  d.system_svg = *svg;
  d.svg_files = true;
  const std::string page = html(model::Lang::kEn, d);
  const std::size_t fig = page.find("<figure class=\"diagram fit\">");
  ASSERT_NE(fig, std::string::npos);
  const std::string figure = page.substr(fig, page.find("</figure>", fig) - fig);
  EXPECT_NE(figure.find("data-zoom=\"fit\""), std::string::npos);
  EXPECT_NE(figure.find("data-zoom=\"in\""), std::string::npos);
  EXPECT_NE(figure.find("<a href=\"diagrams/system.svg\""), std::string::npos);
  EXPECT_NE(figure.find("<div class=\"diagram-view\"><svg"), std::string::npos);
  // Without SVG files in the folder, no link that would not resolve.
  d.svg_files = false;
  EXPECT_EQ(html(model::Lang::kEn, d).find("href=\"diagrams/"), std::string::npos);
}

}  // namespace
}  // namespace icsrisk::report
