#pragma once
// Plain-text tables for the terminal, aligned by display width (CJK characters take two
// columns), as `icsrisk profile show` prints them.

#include <string>
#include <string_view>
#include <vector>

namespace icsrisk::report {

/// Terminal columns `s` (UTF-8) takes (unlike display_width of tables.h, which measures for
/// spreadsheets, arrows are narrow here): East Asian wide and fullwidth characters count 2,
/// combining marks 0, everything else 1. Malformed bytes count 1 each.
std::size_t terminal_width(std::string_view s);

/// A table of text cells with a header row.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}

  /// Appends a row; missing cells are empty, extra cells are dropped.
  void add(std::vector<std::string> row);

  /// The table: header, a rule of '-' under each column, then the rows; columns padded to
  /// their widest cell and separated by two spaces; no trailing spaces; LF line endings.
  /// Control characters in cells are shown as U+FFFD so a cell cannot break the layout.
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace icsrisk::report
