#pragma once
// The report tables (design.md "Reports") as language-aware table models: columns with an
// optional group (the upper row of a two-row header) and rows of cells. Every format (CSV,
// Markdown, XLSX, HTML) renders these, so all formats show the same columns.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::report {

/// A cell. Text cells may hold model or profile text (user input): writers escape them for
/// their format and never let them become formulas. Number and risk cells are our own values.
struct Cell {
  enum class Kind { kText, kNumber, kRisk, kMark, kEmpty };
  Kind kind = Kind::kEmpty;
  std::string text;  ///< the shown text (numbers and risk letters too); may contain '\n'
  int number = 0;    ///< for kNumber
  model::Risk risk = model::Risk::kE;  ///< for kRisk

  static Cell of_text(std::string_view s);
  static Cell of_number(int n);
  static Cell of_risk(model::Risk r);
  /// A fixed mark of our own ("-" for "no value"): not user text, never neutralised.
  static Cell of_mark(std::string s);
  static Cell empty() { return {}; }
};

/// A column: its header text and, for grouped columns, the group shown above it (adjacent
/// columns with the same group share one merged header cell).
struct Column {
  std::string group;
  std::string name;
};

/// Cells that span several rows in the spreadsheet layout (a route's values over its steps,
/// a scenario's over its routes): the value stands in the first row; in the other formats
/// the rows below are empty or repeat it. The XLSX writes it into every covered cell.
struct TableSpan {
  std::size_t row, column, rows;
};

/// What a table is without its rows: names, note and columns.
struct TableHead {
  std::string id;     ///< file stem: asset-list, dataflow-matrix, asset-risk, impact-risk
  std::string title;  ///< 資産一覧 …, in the report language
  std::string sheet;  ///< worksheet name (at most 31 characters, as Excel requires)
  std::string note;   ///< a line shown under the title (may be empty)
  std::vector<Column> columns;

  /// True when any column has a group (the table needs a two-row header).
  bool grouped() const;
  /// One-line header text of column `c`: "group / name", or the name alone.
  std::string flat_header(std::size_t c) const;
};

/// A table held whole in memory (small tables, tests; see TableSource for the report's).
struct Table : TableHead {
  using Span = TableSpan;
  std::vector<std::vector<Cell>> rows;  ///< each row has columns.size() cells
  std::vector<Span> spans;
};

/// Everything a table report shows: the profile line and the four tables.
struct Report {
  model::Lang lang = model::Lang::kJa;
  std::string system_name;
  std::string system_id;
  std::string profile_line;  ///< "プロファイル: <id> <name>" and the reconstructed note
  std::vector<Table> tables;
};

/// Builds the four tables of design.md "Reports" (asset list, data-flow matrix, asset-based
/// sheet, business-impact sheet) in `lang`. The data-flow matrix becomes a list of flows when
/// senders × receivers exceeds kMatrixCellLimit or receivers exceed kMatrixColumnLimit, so the
/// table stays linear in the model size and fits a spreadsheet's columns.
Report build_report(const model::Model& model, const model::Profile& profile,
                    const risk::Results& results, model::Lang lang);

inline constexpr std::size_t kMatrixCellLimit = 100000;
inline constexpr std::size_t kMatrixColumnLimit = 1000;

/// Receives the rows of a table in order: row `r` (from 0), its cells (columns.size() of them,
/// valid only during the call) and the spans that start on it. Returns false to stop: the
/// producer then makes no further row.
using RowVisitor = std::function<bool(std::size_t r, const std::vector<Cell>& cells,
                                      const std::vector<TableSpan>& spans)>;

/// A table whose rows are made on demand, one at a time (issue 14 item 5: the tables of a
/// 100,000-asset plant are 750,000 rows and were gigabytes as cells). `produce` makes every row
/// anew on each call, in order, keeping at most one row's cells alive; a span is announced on
/// its first row. Made from a Table (implicitly) it owns a copy of the rows and hands them out.
struct TableSource : TableHead {
  std::size_t row_count = 0;
  std::function<void(const RowVisitor&)> produce;

  TableSource() = default;
  TableSource(Table table);  // NOLINT(google-explicit-constructor): tables join a report as is
};

/// The report's tables as row sources: what every table writer reads (CSV, Markdown, XLSX,
/// HTML). The sources refer to the model, profile and results they were made from, which must
/// outlive them.
struct ReportSource {
  model::Lang lang = model::Lang::kJa;
  std::string system_name;
  std::string system_id;
  std::string profile_line;
  std::vector<TableSource> tables;
};

/// The four tables of build_report as row sources: the same rows, made when a writer reads
/// them. Building the sources is linear in the model's assets and flows (the data-flow matrix'
/// senders and receivers), never in the rows.
ReportSource report_source(const model::Model& model, const model::Profile& profile,
                           const risk::Results& results, model::Lang lang);

/// A source that hands out the rows of `table`, which must outlive it (no copy).
TableSource view_of(const Table& table);
/// The sources of every table of `report`, which must outlive them (no copy).
ReportSource view_of(const Report& report);
/// Every row of `source` in memory, with its spans (tests; small tables).
Table materialise(const TableSource& source);

/// Receives consecutive pieces of a document's text.
using TextSink = std::function<void(std::string_view)>;

/// Display width of UTF-8 text in terminal/spreadsheet columns: East Asian wide and
/// full-width characters count 2, others 1. For multi-line text, the widest line.
std::size_t display_width(std::string_view text);

}  // namespace icsrisk::report
