// Issue 14 item 5: the report tables stream row by row to every writer. A counting row source
// shows whether a writer held the rows whole: the CSV and Markdown writers must hand text to
// their sink before the last row is made, the HTML must not ask for rows it does not show, and
// every writer must give the same text from a source as from the table held whole.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "report/csv.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report/tables.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

using report::Cell;
using report::TableSource;
using report::TableSpan;

/// A table of `rows` rows made on demand, one live at a time; it counts the rows it made and
/// records how many bytes the writer's sink had received when the last row was made.
struct CountingSource {
  std::size_t made = 0;
  std::size_t sunk = 0;
  std::size_t sunk_at_last_row = 0;

  TableSource source(std::size_t rows) {
    TableSource t;
    t.id = "counted";
    t.title = "counted";
    t.sheet = "counted";
    t.columns = {{"", "n"}, {"", "text"}};
    t.row_count = rows;
    t.produce = [this, rows](const report::RowVisitor& visit) {
      std::vector<Cell> row;
      const std::vector<TableSpan> none;
      for (std::size_t r = 0; r < rows; ++r) {
        ++made;
        if (r + 1 == rows) sunk_at_last_row = sunk;
        row = {Cell::of_number(static_cast<int>(r)),
               Cell::of_text(fmt::format("row {} of a table made one row at a time", r))};
        if (!visit(r, row, none)) return;
      }
    };
    return t;
  }
  report::TextSink sink(std::string& into) {
    return [this, &into](std::string_view chunk) {
      sunk += chunk.size();
      into += chunk;
    };
  }
};

constexpr std::size_t kManyRows = 60000;  // about 4 MB of CSV: several of the writers' pieces

TEST(ReportStreamTest, CsvReachesItsSinkBeforeTheLastRowIsMade) {
  CountingSource counting;
  TableSource source = counting.source(kManyRows);
  std::string streamed;
  report::write_csv(source, counting.sink(streamed));
  EXPECT_EQ(counting.made, kManyRows);
  EXPECT_GT(counting.sunk_at_last_row, 0u) << "the CSV writer held every row before writing";
  EXPECT_EQ(streamed, report::to_csv(report::materialise(source)));
}

TEST(ReportStreamTest, MarkdownReachesItsSinkBeforeTheLastRowIsMade) {
  auto l = testing::load(testing::read_text(testing::source_path("models/small-plant.xml")));
  const risk::Results results = l->analyze();
  report::ReportSource rep =
      report::report_source(*l->model, *l->profile, results, model::Lang::kEn);
  CountingSource counting;
  rep.tables.push_back(counting.source(kManyRows));
  std::string streamed;
  report::write_markdown(rep, *l->model, *l->profile, results, counting.sink(streamed));
  EXPECT_GT(counting.sunk_at_last_row, 0u) << "the Markdown writer held every row before writing";

  report::Report whole = report::build_report(*l->model, *l->profile, results, model::Lang::kEn);
  whole.tables.push_back(report::materialise(counting.source(kManyRows)));
  EXPECT_EQ(streamed, report::to_markdown(whole, *l->model, *l->profile, results));
}

TEST(ReportStreamTest, HtmlMakesNoMoreRowsThanItShows) {
  auto l = testing::load(testing::read_text(testing::source_path("models/small-plant.xml")));
  const risk::Results results = l->analyze();
  report::ReportSource rep =
      report::report_source(*l->model, *l->profile, results, model::Lang::kEn);
  CountingSource counting;
  rep.tables.push_back(counting.source(1000000));
  std::string html = report::html_report(*l->model, *l->profile, results, rep, {});
  // The row past the limit is made to learn that the limit cuts the table, no further one.
  EXPECT_LE(counting.made, report::kHtmlRowLimit + 1);
  EXPECT_NE(html.find(fmt::format("This table has {} rows", 1000000)), std::string::npos);
}

TEST(ReportStreamTest, SourcesOfTheExamplePlantWriteWhatItsTablesWrite) {
  auto l = testing::load(testing::read_text(testing::source_path("models/model-plant.xml")));
  const risk::Results results = l->analyze();
  for (model::Lang lang : {model::Lang::kJa, model::Lang::kEn}) {
    report::ReportSource rep = report::report_source(*l->model, *l->profile, results, lang);
    report::Report whole = report::build_report(*l->model, *l->profile, results, lang);
    ASSERT_EQ(rep.tables.size(), whole.tables.size());
    for (std::size_t i = 0; i < rep.tables.size(); ++i) {
      EXPECT_EQ(rep.tables[i].row_count, whole.tables[i].rows.size()) << whole.tables[i].id;
      std::string csv;
      report::write_csv(rep.tables[i], [&csv](std::string_view chunk) { csv += chunk; });
      EXPECT_EQ(csv, report::to_csv(whole.tables[i])) << whole.tables[i].id;
    }
    EXPECT_EQ(report::html_report(*l->model, *l->profile, results, rep, {}),
              report::html_report(*l->model, *l->profile, results, whole, {}));
  }
}

}  // namespace
}  // namespace icsrisk
