#include "interchange/csv_reader.h"

#include <csv.h>

#include <fmt/format.h>
#include <algorithm>

namespace icsrisk::interchange {
namespace {

constexpr std::size_t kNoStart = static_cast<std::size_t>(-1);

// State shared with libcsv's callbacks. libcsv reports fields and row ends but not where they
// are, so the text is fed one byte at a time and the callbacks read the current position.
struct Reader {
  const core::SourceFile* file = nullptr;
  std::size_t pos = 0;
  std::size_t field_start = kNoStart;
  CsvRow row;
  std::vector<CsvRow> rows;
};

void on_field(void* data, std::size_t len, void* state) {
  auto& r = *static_cast<Reader*>(state);
  std::size_t start = r.field_start == kNoStart ? r.pos : r.field_start;
  r.field_start = kNoStart;
  r.row.cells.push_back({std::string(static_cast<const char*>(data), len), {r.file, start}});
}

void on_row(int /*terminator*/, void* state) {
  auto& r = *static_cast<Reader*>(state);
  CsvRow row = std::move(r.row);
  r.row = {};
  bool blank = std::all_of(row.cells.begin(), row.cells.end(),
                           [](const CsvCell& c) { return c.text.empty(); });
  if (blank) return;
  row.loc = row.cells.front().loc;
  r.rows.push_back(std::move(row));
}

}  // namespace

std::vector<CsvRow> read_csv(const core::SourceFile& file, core::Diagnostics& diags) {
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  Reader r;
  r.file = &file;
  const std::string& text = file.text();
  bool failed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    r.pos = i;
    if (r.field_start == kNoStart && text[i] != '\r' && text[i] != '\n') r.field_start = i;
    if (csv_parse(&parser, &text[i], 1, on_field, on_row, &r) != 1) {
      diags.error({&file, i}, fmt::format("malformed CSV: {} (a quote inside a field must be "
                                          "doubled, and a quoted field must end with a quote)",
                                          csv_strerror(csv_error(&parser))));
      failed = true;
      break;
    }
  }
  if (!failed) {
    r.pos = text.size();
    if (csv_fini(&parser, on_field, on_row, &r) != 0) {
      std::size_t at = r.field_start == kNoStart ? text.size() : r.field_start;
      diags.error({&file, at}, "malformed CSV: a quoted field is not closed before the end");
    }
  }
  csv_free(&parser);
  return std::move(r.rows);
}

}  // namespace icsrisk::interchange
