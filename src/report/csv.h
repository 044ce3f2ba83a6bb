#pragma once
// CSV views of the tables: UTF-8 with a BOM (so Excel opens Japanese text correctly), RFC 4180
// quoting, LF line ends, one file per table.

#include <string>
#include <string_view>

#include "report/tables.h"

namespace icsrisk::report {

/// One table as CSV: the BOM, one header row (grouped columns as "group / name"), the rows.
/// Text cells that a spreadsheet would read as a formula (first character =, +, -, @, TAB or
/// CR) get a leading apostrophe (OWASP's advice); number and risk cells are written as is.
std::string to_csv(const Table& table);

/// The same text as to_csv, made row by row from `table` and handed to `sink` in pieces, so a
/// table of a million rows is never held whole (neither its cells nor its text).
void write_csv(const TableSource& table, const TextSink& sink);

/// A CSV field: quoted when it contains a comma, quote, CR or LF (quotes doubled).
std::string csv_field(std::string_view text);

/// `text` neutralised against formula injection (see to_csv).
std::string neutralise_formula(std::string_view text);

}  // namespace icsrisk::report
