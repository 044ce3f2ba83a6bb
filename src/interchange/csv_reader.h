#pragma once
// Reading CSV text (RFC 4180, as spreadsheets write it) with the position of every cell.

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"

namespace icsrisk::interchange {

struct CsvCell {
  std::string text;  ///< unquoted; spaces and tabs around an unquoted value trimmed
  core::Loc loc;     ///< where the cell starts in the file
};

struct CsvRow {
  std::vector<CsvCell> cells;
  core::Loc loc;  ///< the row's first cell
};

/// Parses `file` (UTF-8 text) with libcsv in strict mode: comma-separated, double quotes,
/// CR, LF or CRLF row ends. Empty lines and rows whose cells are all empty are skipped.
/// Malformed quoting is an error at its position in `diags`; the rows before it are returned
/// (the rest of the file cannot be split reliably). Linear in the file size.
std::vector<CsvRow> read_csv(const core::SourceFile& file, core::Diagnostics& diags);

}  // namespace icsrisk::interchange
