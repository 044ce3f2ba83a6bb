#pragma once
// icsrisk.xlsx: one worksheet per table in the guide's layout (libxlsxwriter stays in xlsx.cc).

#include <string>

#include "core/result.h"
#include "report/tables.h"

namespace icsrisk::report {

inline constexpr std::size_t kConstantMemoryCells = 500000;

/// Writes the workbook to `path` (libxlsxwriter 1.1 can only write to a file; the CLI passes a
/// path inside its temporary output folder). Each sheet: the title, the profile line and the
/// table note on top; a two-row header whose grouped columns share a merged cell; frozen header;
/// column widths from the text (East Asian wide characters count 2); risk cells coloured A red
/// … E green. All text is written as string cells, never formulas. Byte-identical for the same
/// report: the document's creation time is fixed. Tables over the sheet's row limit are cut,
/// with a note on top.
/// Above `constant_memory_cells` cells in all, libxlsxwriter's constant-memory mode keeps memory
/// flat (rows streamed, inline strings); the header and span merges, the autofilter and the
/// print setup are the same in both modes.
core::Status write_xlsx(const Report& report, const std::string& path,
                        std::size_t constant_memory_cells = kConstantMemoryCells);

/// The same workbook from the tables' row sources, each row written as it is made (one pass per
/// sheet). With constant-memory mode, memory stays flat however many rows there are.
core::Status write_xlsx(const ReportSource& report, const std::string& path,
                        std::size_t constant_memory_cells = kConstantMemoryCells);

}  // namespace icsrisk::report
