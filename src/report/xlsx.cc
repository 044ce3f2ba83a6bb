#include "report/xlsx.h"

#include "report/risk_colours.h"
#include "report/xlsx_zip.h"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <utility>

#include "core/text.h"

namespace icsrisk::report {

namespace {

// A fixed document creation time (2018-01-01T00:00:00Z, the guide's edition year): with the
// default (now) two runs would differ. libxlsxwriter dates the zip entries 1980-01-01 itself.
constexpr time_t kCreated = 1514764800;
constexpr std::size_t kHeaderTop = 3;  // rows 0-2: title, profile line, note
constexpr double kMinWidth = 4, kMaxWidth = 60;

/// Excel's limit on the characters of a cell; libxlsxwriter refuses a longer string.
constexpr std::size_t kCellMax = 32767;

/// `text`, or — past Excel's cell limit (a cell joining many names) — its start with a note
/// that the CSV and JSON hold it whole, written into `cut`.
const char* fit_cell(const std::string& text, std::string& cut) {
  if (text.size() <= kCellMax) return text.c_str();  // bytes bound the characters
  std::size_t chars = 0, keep = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == kCellMax - 200) keep = i;
  }
  if (chars <= kCellMax) return text.c_str();
  cut = fmt::format("{} … [cut: {} characters in all; the CSV and JSON files hold the whole text]",
                    text.substr(0, keep), chars);
  return cut.c_str();
}

struct Formats {
  /// `blank`: the border of a body cell left empty, drawn by a conditional format (body_borders)
  lxw_format *title, *header, *text, *number, *plain, *blank;
  std::array<lxw_format*, 5> risk;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.plain = workbook_add_format(wb);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_bg_color(f.header, 0xD9E1F2);
  f.text = workbook_add_format(wb);
  format_set_border(f.text, LXW_BORDER_THIN);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.blank = workbook_add_format(wb);
  format_set_border(f.blank, LXW_BORDER_THIN);
  f.number = workbook_add_format(wb);
  format_set_border(f.number, LXW_BORDER_THIN);
  format_set_align(f.number, LXW_ALIGN_CENTER);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  for (std::size_t i = 0; i < 5; ++i) {
    f.risk[i] = workbook_add_format(wb);
    format_set_border(f.risk[i], LXW_BORDER_THIN);
    format_set_bold(f.risk[i]);
    format_set_align(f.risk[i], LXW_ALIGN_CENTER);
    format_set_align(f.risk[i], LXW_ALIGN_VERTICAL_TOP);
    format_set_pattern(f.risk[i], LXW_PATTERN_SOLID);
    format_set_bg_color(f.risk[i], kRiskFills[i]);
  }
  return f;
}

std::size_t risk_slot(model::Risk risk) {
  return model::index_of(risk);
}

/// Collects the first libxlsxwriter error of a sheet.
struct Check {
  lxw_error first = LXW_NO_ERROR;
  void operator()(lxw_error e) {
    if (first == LXW_NO_ERROR) first = e;
  }
};

/// The last column of the group that starts at column `c`.
lxw_col_t group_end(const TableHead& t, lxw_col_t c) {
  const auto ncol = static_cast<lxw_col_t>(t.columns.size());
  lxw_col_t end = c;
  while (end + 1 < ncol && t.columns[end + 1].group == t.columns[c].group)
    ++end;
  return end;
}

/// The grouped header in constant-memory mode, where rows are written in order and a merge must
/// end on the current row: the upper row with its group merges, then the lower row, then the
/// merges of the ungrouped columns over both (their writes into the flushed upper row are
/// refused and change nothing). The same cells and ranges as the default mode, in another order.
void write_header_in_order(lxw_worksheet* ws, const TableHead& t, lxw_row_t top, const Formats& f,
                           Check& check) {
  const auto ncol = static_cast<lxw_col_t>(t.columns.size());
  for (lxw_col_t c = 0; c < ncol;) {
    const Column& col = t.columns[c];
    const lxw_col_t end = col.group.empty() ? c : group_end(t, c);
    const std::string& text = col.group.empty() ? col.name : col.group;
    if (end > c)
      check(worksheet_merge_range(ws, top, c, top, end, text.c_str(), f.header));
    else
      check(worksheet_write_string(ws, top, c, text.c_str(), f.header));
    c = end + 1;
  }
  for (lxw_col_t c = 0; c < ncol; ++c) {
    const Column& col = t.columns[c];
    if (col.group.empty())
      check(worksheet_write_blank(ws, top + 1, c, f.header));
    else
      check(worksheet_write_string(ws, top + 1, c, col.name.c_str(), f.header));
  }
  for (lxw_col_t c = 0; c < ncol; ++c)
    if (t.columns[c].group.empty())
      check(worksheet_merge_range(ws, top, c, top + 1, c, t.columns[c].name.c_str(), f.header));
}

/// Writes the header at `top`: one row, or two with grouped columns merged on the upper row
/// and ungrouped columns merged over both rows.
void write_header(lxw_worksheet* ws, const TableHead& t, lxw_row_t top, const Formats& f,
                  bool constant_memory, Check& check) {
  const auto ncol = static_cast<lxw_col_t>(t.columns.size());
  if (!t.grouped()) {
    for (lxw_col_t c = 0; c < ncol; ++c)
      check(worksheet_write_string(ws, top, c, t.columns[c].name.c_str(), f.header));
    return;
  }
  if (constant_memory) {
    write_header_in_order(ws, t, top, f, check);
    return;
  }
  for (lxw_col_t c = 0; c < ncol;) {
    const Column& col = t.columns[c];
    if (col.group.empty()) {
      check(worksheet_merge_range(ws, top, c, top + 1, c, col.name.c_str(), f.header));
      ++c;
      continue;
    }
    lxw_col_t end = group_end(t, c);
    if (end > c)
      check(worksheet_merge_range(ws, top, c, top, end, col.group.c_str(), f.header));
    else
      check(worksheet_write_string(ws, top, c, col.group.c_str(), f.header));
    for (lxw_col_t k = c; k <= end; ++k)
      check(worksheet_write_string(ws, top + 1, k, t.columns[k].name.c_str(), f.header));
    c = end + 1;
  }
}

/// Column widths in Excel's character units: the widest line of the column's cells and its
/// header name (a group header spans several columns and is not counted), gathered row by row.
class Widths {
 public:
  explicit Widths(const TableHead& t) : w_(t.columns.size(), kMinWidth) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      w_[c] = std::max(w_[c], static_cast<double>(display_width(t.columns[c].name)) + 2);
  }
  void add(const std::vector<Cell>& row) {
    for (std::size_t c = 0; c < w_.size() && c < row.size(); ++c)
      if (w_[c] < kMaxWidth)
        w_[c] = std::max(w_[c], static_cast<double>(display_width(row[c].text)) + 2);
  }
  void set(lxw_worksheet* ws, Check& check) const {
    for (std::size_t c = 0; c < w_.size(); ++c)
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::min(w_[c], kMaxWidth), nullptr));
  }

 private:
  std::vector<double> w_;
};

/// The format of a body cell of kind `cell.kind`.
lxw_format* format_of(const Cell& cell, const Formats& f) {
  switch (cell.kind) {
    case Cell::Kind::kNumber:
      return f.number;
    case Cell::Kind::kRisk:
      return f.risk[risk_slot(cell.risk)];
    default:
      return f.text;
  }
}

/// Writes one body cell: numbers as numbers, everything else as a string (never a formula); an
/// empty cell is not written (body_borders draws its border).
void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell, const Formats& f,
                std::string& cut, Check& check) {
  switch (cell.kind) {
    case Cell::Kind::kNumber:
      check(worksheet_write_number(ws, row, col, cell.number, f.number));
      break;
    case Cell::Kind::kRisk:
      check(worksheet_write_string(ws, row, col, cell.text.c_str(), format_of(cell, f)));
      break;
    case Cell::Kind::kText:
    case Cell::Kind::kMark:
      check(worksheet_write_string(ws, row, col, fit_cell(cell.text, cut), f.text));
      break;
    case Cell::Kind::kEmpty:
      break;
  }
}

/// The borders of the body's empty cells: one conditional format over the body ("blank cells")
/// instead of a formatted blank cell each. Empty cells are 40 % of the asset-based sheet, and
/// writing them cost a fifth of a large workbook's time (issue 14 item 5).
void body_borders(lxw_worksheet* ws, const TableHead& t, lxw_row_t first, std::size_t shown,
                  const Formats& f, Check& check) {
  if (shown == 0) return;
  // Excel's own "blank cells" rule, anchored at the body's top-left cell (libxlsxwriter 1.1.4's
  // LXW_CONDITIONAL_TYPE_BLANKS anchors it at the top-right one, which tests the wrong column).
  char anchor[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(anchor, first, 0);
  std::string formula = fmt::format("=LEN(TRIM({}))=0", anchor);
  lxw_conditional_format blanks = {};
  blanks.type = LXW_CONDITIONAL_TYPE_FORMULA;
  blanks.value_string = formula.data();
  blanks.format = f.blank;
  check(worksheet_conditional_format_range(ws, first, 0, static_cast<lxw_row_t>(first + shown - 1),
                                           static_cast<lxw_col_t>(t.columns.size() - 1), &blanks));
}

/// An autofilter on the (lower) header row over the body, and print setup: A4 landscape, one
/// page wide (as many pages tall as needed), the header rows repeated on every printed page.
void print_setup(lxw_worksheet* ws, const TableHead& t, lxw_row_t first, std::size_t shown,
                 Check& check) {
  const auto last_col = static_cast<lxw_col_t>(t.columns.size() - 1);
  const auto last_row = static_cast<lxw_row_t>(first + (shown == 0 ? 0 : shown - 1));
  check(worksheet_autofilter(ws, first - 1, 0, last_row, last_col));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  check(worksheet_repeat_rows(ws, kHeaderTop, first - 1));
}

/// Writes the body row by row as the source makes it. A spanned value is written into every
/// cell it covers (under the merge), so that the autofilter keeps all of a scenario's or a
/// route's rows: Excel filters a merged range by each row's own cell, and an empty cell there
/// would hide every row of the range but the first. A span is merged on its last row (in the
/// order: ranges ending higher first, then the one starting lower, then as announced), which
/// constant-memory mode allows: merge_range blanks the range, and the cells still open (all
/// of them, or in constant-memory mode the current row) are written again.
class Body {
 public:
  Body(lxw_worksheet* ws, const Formats& f, lxw_row_t first, bool constant_memory, Check& check)
      : ws_(ws), f_(f), first_(first), constant_memory_(constant_memory), check_(check) {}

  void row(std::size_t r, const std::vector<Cell>& cells, const std::vector<TableSpan>& spans) {
    if (covering_.size() < cells.size()) covering_.resize(cells.size());
    for (const TableSpan& s : spans) {
      covering_[s.column] = {cells[s.column], s.row + s.rows};
      if (s.rows > 1) pending_.push_back({s, cells[s.column]});
    }
    const auto row = static_cast<lxw_row_t>(first_ + r);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const bool covered = covering_[c] && r < covering_[c]->second;
      write_cell(ws_, row, static_cast<lxw_col_t>(c), covered ? covering_[c]->first : cells[c], f_,
                 cut_, check_);
    }
    merge_ending(r);
  }

 private:
  struct Pending {
    TableSpan span;
    Cell cell;
  };

  void merge_ending(std::size_t r) {
    std::vector<Pending> ending;
    auto ends_here = [r](const Pending& p) { return p.span.row + p.span.rows - 1 == r; };
    std::copy_if(pending_.begin(), pending_.end(), std::back_inserter(ending), ends_here);
    if (ending.empty()) return;
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(), ends_here), pending_.end());
    std::stable_sort(ending.begin(), ending.end(),
                     [](const Pending& a, const Pending& b) { return a.span.row > b.span.row; });
    for (const Pending& p : ending) {
      const auto r0 = static_cast<lxw_row_t>(first_ + p.span.row);
      const auto r1 = static_cast<lxw_row_t>(first_ + r);
      const auto c = static_cast<lxw_col_t>(p.span.column);
      check_(worksheet_merge_range(ws_, r0, c, r1, c, "", format_of(p.cell, f_)));
      for (lxw_row_t x = constant_memory_ ? r1 : r0; x <= r1; ++x)
        write_cell(ws_, x, c, p.cell, f_, cut_, check_);
    }
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  lxw_row_t first_;
  bool constant_memory_;
  Check& check_;
  std::string cut_;
  std::vector<std::optional<std::pair<Cell, std::size_t>>> covering_;
  std::vector<Pending> pending_;
};

lxw_error write_sheet(lxw_workbook* wb, const ReportSource& report, const TableSource& t,
                      const Formats& f, bool constant_memory) {
  Check check;
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
  if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;  // names are our own: only a clash is left
  const lxw_row_t header_rows = t.grouped() ? 2 : 1;
  const std::size_t capacity = LXW_ROW_MAX - kHeaderTop - header_rows;
  const std::size_t shown = std::min(t.row_count, capacity);
  check(worksheet_write_string(
      ws, 0, 0, fmt::format("{} — {} ({})", t.title, report.system_name, report.system_id).c_str(),
      f.title));
  check(worksheet_write_string(ws, 1, 0, report.profile_line.c_str(), f.plain));
  std::string note = t.note;
  if (shown < t.row_count)
    note += fmt::format("{}rows {}–{} not shown (sheet row limit); see the CSV or JSON output",
                        note.empty() ? "" : " — ", shown + 1, t.row_count);
  if (!note.empty()) check(worksheet_write_string(ws, 2, 0, note.c_str(), f.plain));
  write_header(ws, t, kHeaderTop, f, constant_memory, check);
  const lxw_row_t first = kHeaderTop + header_rows;
  Widths widths(t);
  Body body(ws, f, first, constant_memory, check);
  t.produce(
      [&](std::size_t r, const std::vector<Cell>& cells, const std::vector<TableSpan>& spans) {
        if (r >= shown) return false;
        widths.add(cells);
        body.row(r, cells, spans);
        return true;
      });
  // Column widths are kept apart from the rows and written with the sheet, whenever set.
  widths.set(ws, check);
  body_borders(ws, t, first, shown, f, check);
  print_setup(ws, t, first, shown, check);
  // Freeze the header, and the first column of the matrix (its row labels).
  worksheet_freeze_panes(ws, first, t.id == "dataflow-matrix" ? 1 : 0);
  return check.first;
}

}  // namespace

core::Status write_xlsx(const ReportSource& report, const std::string& path,
                        std::size_t constant_memory_cells) {
  std::size_t cells = 0;
  for (const TableSource& t : report.tables)
    cells += t.row_count * t.columns.size();
  lxw_workbook_options options = {};
  options.constant_memory = cells > constant_memory_cells ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) return core::Error{fmt::format("cannot create '{}'", path)};
  lxw_doc_properties props = {};
  // libxlsxwriter escapes only & < > in docProps/core.xml: a control character there makes
  // Excel call the file corrupt, so model text goes in with its controls escaped (\x01).
  std::string title =
      core::terminal_text(fmt::format("{} ({})", report.system_name, report.system_id));
  std::string comments = core::terminal_text(report.profile_line);
  props.title = title.data();
  props.comments = comments.data();
  props.created = kCreated;
  lxw_error err = workbook_set_properties(wb, &props);
  Formats f = make_formats(wb);
  for (const TableSource& t : report.tables) {
    lxw_error e = write_sheet(wb, report, t, f, options.constant_memory == LXW_TRUE);
    if (err == LXW_NO_ERROR) err = e;
  }
  lxw_error closed = [&] {
    FastZipEntries fast;  // the sheets are deflated when the workbook closes
    return workbook_close(wb);
  }();
  if (err == LXW_NO_ERROR) err = closed;
  if (err != LXW_NO_ERROR)
    return core::Error{fmt::format("cannot write '{}': {}", path, lxw_strerror(err))};
  return core::Ok{};
}

core::Status write_xlsx(const Report& report, const std::string& path,
                        std::size_t constant_memory_cells) {
  return write_xlsx(view_of(report), path, constant_memory_cells);
}

}  // namespace icsrisk::report
