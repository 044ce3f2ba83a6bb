// The HTML report: well-formed, self-contained, every piece of model text escaped.

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <set>
#include <string>

#include "core/diagnostics.h"
#include "golden.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/html.h"
#include "report/render.h"
#include "report/tables.h"
#include "risk/analysis.h"

namespace icsrisk::report {
namespace {

struct Analysed {
  std::unique_ptr<core::SourceFile> file;
  model::Profile profile;
  model::Model model;
  risk::Results results;
};

Analysed analyse(const std::string& relative) {
  Analysed a;
  core::Diagnostics d;
  a.profile = *model::load_profile(model::builtin_profile_file(), d);
  a.file = std::make_unique<core::SourceFile>(relative,
                                              testing::read_text(testing::source_path(relative)));
  a.model = *model::load_model(*a.file, d);
  model::link_model(a.model, a.profile, d);
  EXPECT_FALSE(d.has_errors()) << d.render();
  a.results = risk::analyze(a.model, a.profile);
  return a;
}

std::string report_of(const Analysed& a, model::Lang lang, bool with_diagrams) {
  HtmlDiagrams diagrams;
  if (with_diagrams) {
    DiagramOptions o;
    o.lang = lang;
    auto svg = render_dot(diagram_dot(View::kSystem, a.model, a.profile, o), ImageFormat::kSvg);
    EXPECT_TRUE(svg.ok());
    if (svg.ok()) diagrams.system_svg = *svg;
  }
  Report tables = build_report(a.model, a.profile, a.results, lang);
  return html_report(a.model, a.profile, a.results, tables, diagrams);
}

/// Counts elements named `name` anywhere in the document.
std::size_t count_elements(const pugi::xml_node& root, const char* name) {
  std::size_t n = 0;
  for (pugi::xml_node c : root.children()) {
    if (std::string_view(c.name()) == name) ++n;
    n += count_elements(c, name);
  }
  return n;
}

bool has_event_attribute(const pugi::xml_node& root) {
  for (pugi::xml_node c : root.children()) {
    for (pugi::xml_attribute a : c.attributes())
      if (std::string_view(a.name()).starts_with("on")) return true;
    if (has_event_attribute(c)) return true;
  }
  return false;
}

TEST(HtmlEscapeTest, EscapesMarkupQuotesAndControlCharacters) {
  EXPECT_EQ(html_escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
  EXPECT_EQ(html_escape("a\x01"
                        "b\tc\n"),
            "a\xEF\xBF\xBD"
            "b\tc\n");
}

TEST(HtmlEscapeTest, InlineSvgDropsPrologAndKeepsTheElement) {
  EXPECT_EQ(
      inline_svg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- x -->\n<svg a=\"1\"><g/></svg>\n"),
      "<svg a=\"1\"><g/></svg>");
  EXPECT_EQ(inline_svg("no svg here"), "");
}

TEST(HtmlEscapeTest, InlineSvgPrefixesIdsAndTheirReferences) {
  EXPECT_EQ(
      inline_svg("<svg><g id=\"node1\"><path fill=\"url(#g1)\"/><use href=\"#node1\"/></g></svg>",
                 "d-system"),
      "<svg><g id=\"d-system-node1\"><path fill=\"url(#d-system-g1)\"/><use "
      "href=\"#d-system-node1\"/></g></svg>");
}

TEST(HtmlReportTest, EveryIdIsUnique) {
  Analysed a = analyse("models/small-plant.xml");
  std::string html = report_of(a, model::Lang::kJa, true);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(html.data(), html.size()));
  std::set<std::string> ids;
  std::size_t count = 0;
  for (pugi::xpath_node n : doc.select_nodes("//*[@id]")) {
    ++count;
    EXPECT_TRUE(ids.insert(n.node().attribute("id").value()).second)
        << n.node().attribute("id").value();
  }
  EXPECT_GT(count, 20u);  // the inlined system diagram's nodes are among them
}

TEST(HtmlReportTest, HostileModelTextStaysText) {
  Analysed a = analyse("tests/data/hostile/hostile-model.xml");
  for (model::Lang lang : {model::Lang::kJa, model::Lang::kEn}) {
    std::string html = report_of(a, lang, true);
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(html.data(), html.size());
    ASSERT_TRUE(r) << r.description() << " at " << r.offset << ": "
                   << html.substr(r.offset > 80 ? r.offset - 80 : 0, 160);
    // Our one script element, and no script or event handler from the model.
    EXPECT_EQ(count_elements(doc, "script"), 1u);
    EXPECT_FALSE(has_event_attribute(doc));
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    // No external resources: the report opens offline.
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
  }
}

TEST(HtmlReportTest, LongTablesShowTheirFirstRowsAndSayWhereTheRestIs) {
  Analysed a = analyse("models/small-plant.xml");
  Report tables = build_report(a.model, a.profile, a.results, model::Lang::kEn);
  auto table = [](const char* id, std::size_t rows) {
    Table t;
    t.id = id;
    t.title = id;
    t.columns = {{"", "n"}};
    for (std::size_t r = 0; r < rows; ++r)
      t.rows.push_back({Cell::of_number(static_cast<int>(r))});
    return t;
  };
  tables.tables = {table("long", kHtmlRowLimit + 40), table("spanned", kHtmlRowLimit + 40),
                   table("short", kHtmlRowLimit)};
  // A route's steps that the limit would cut: shown whole.
  tables.tables[1].spans.push_back({kHtmlRowLimit - 2, 0, 5});
  std::string html = html_report(a.model, a.profile, a.results, tables, {});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(html.data(), html.size()));
  auto rows = [&](const char* id) {
    std::string path = std::string("//table[@id='t-") + id + "-table']/tbody/tr";
    return doc.select_nodes(path.c_str()).size();
  };
  EXPECT_EQ(rows("long"), kHtmlRowLimit);
  EXPECT_EQ(rows("spanned"), kHtmlRowLimit + 3);
  EXPECT_EQ(rows("short"), kHtmlRowLimit);
  std::string note = "This table has " + std::to_string(kHtmlRowLimit + 40) +
                     " rows; the HTML shows the first " + std::to_string(kHtmlRowLimit) +
                     ". Every row is in the CSV (long.csv), XLSX and JSON outputs.";
  EXPECT_NE(html.find(note), std::string::npos);
  EXPECT_EQ(doc.select_nodes("//p[@class='note cut']").size(), 2u);  // not for "short"
  // The shown-rows count is what is shown.
  EXPECT_EQ(std::string(doc.select_node("//span[@id='t-long-table-count']").node().child_value()),
            std::to_string(kHtmlRowLimit));
}

TEST(HtmlReportTest, ModelPlantReportHasEverySection) {
  Analysed a = analyse("models/model-plant.xml");
  std::string html = report_of(a, model::Lang::kJa, false);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(html.data(), html.size()));
  for (const char* id : {"summary", "diagrams", "t-asset-list", "t-dataflow-matrix", "t-asset-risk",
                         "t-impact-risk", "scenarios"}) {
    EXPECT_TRUE(doc.find_node([&](pugi::xml_node n) {
      return std::string_view(n.attribute("id").value()) == id;
    })) << id;
  }
  // One section per scenario, each with its heading anchor.
  for (const model::Impact& i : a.model.impacts)
    for (const model::Scenario& s : i.scenarios)
      EXPECT_NE(html.find("id=\"s-" + std::string(s.id) + "\""), std::string::npos) << s.id;
  // The asset-based table has a row per result row.
  pugi::xml_node table = doc.find_node([](pugi::xml_node n) {
    return std::string_view(n.attribute("id").value()) == "t-asset-risk-table";
  });
  ASSERT_TRUE(table);
  EXPECT_EQ(count_elements(table.child("tbody"), "tr"), a.results.asset_risks.size());
}

TEST(HtmlReportTest, IsDeterministic) {
  Analysed a = analyse("models/model-plant.xml");
  EXPECT_EQ(report_of(a, model::Lang::kEn, true), report_of(a, model::Lang::kEn, true));
}

TEST(HtmlReportTest, PlannedEffectListsEveryRowThePlannedMeasuresLower) {
  Analysed a = analyse("models/model-plant.xml");
  std::size_t lowered = 0;
  for (const risk::AssetRiskRow& r : a.results.asset_risks)
    lowered += r.risk != r.risk_planned;
  ASSERT_GT(lowered, 15u);  // more than the old cut of 15 rows
  std::string html = report_of(a, model::Lang::kEn, false);
  const std::string note =
      fmt::format("Items whose risk the planned countermeasures lower ({})", lowered);
  std::size_t at = html.find(note);
  ASSERT_NE(at, std::string::npos);
  std::size_t body = html.find("<tbody>", at), end = html.find("</tbody>", at);
  std::size_t rows = 0;
  for (std::size_t p = html.find("<tr>", body); p < end; p = html.find("<tr>", p + 1))
    ++rows;
  EXPECT_EQ(rows, lowered);
}

}  // namespace
}  // namespace icsrisk::report
