#pragma once
// The report tables (design.md "Reports") as language-aware table models: columns with an
// optional group (the upper row of a two-row header) and rows of cells. Every format (CSV,
// Markdown, XLSX, HTML) renders these, so all formats show the same columns.

#include <string>
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

struct Table {
  std::string id;     ///< file stem: asset-list, dataflow-matrix, asset-risk, impact-risk
  std::string title;  ///< 資産一覧 …, in the report language
  std::string sheet;  ///< worksheet name (at most 31 characters, as Excel requires)
  std::string note;   ///< a line shown under the title (may be empty)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  ///< each row has columns.size() cells
  /// Cells that span several rows in the spreadsheet layout (a route's values over its steps,
  /// a scenario's over its routes): the value stands in the first row; in the other formats
  /// the rows below are empty or repeat it. The XLSX writes it into every covered cell.
  struct Span {
    std::size_t row, column, rows;
  };
  std::vector<Span> spans;

  /// True when any column has a group (the table needs a two-row header).
  bool grouped() const;
  /// One-line header text of column `c`: "group / name", or the name alone.
  std::string flat_header(std::size_t c) const;
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

/// Display width of UTF-8 text in terminal/spreadsheet columns: East Asian wide and
/// full-width characters count 2, others 1. For multi-line text, the widest line.
std::size_t display_width(std::string_view text);

}  // namespace icsrisk::report
