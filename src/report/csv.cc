#include "report/csv.h"

#include <fmt/format.h>

#include "report/table_parts.h"

namespace icsrisk::report {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string neutralise_formula(std::string_view text) {
  if (text.empty()) return {};
  switch (text[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return fmt::format("'{}", text);
    default:
      return std::string(text);
  }
}

void write_csv(const TableSource& t, const TextSink& sink) {
  TextChunks chunks(sink);
  std::string& out = chunks.text();
  out += "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (c) out += ',';
    out += csv_field(neutralise_formula(t.flat_header(c)));  // matrix headers are asset names
  }
  out += '\n';
  t.produce([&](std::size_t, const std::vector<Cell>& row, const std::vector<TableSpan>&) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out += ',';
      const Cell& cell = row[c];
      out += csv_field(cell.kind == Cell::Kind::kText ? neutralise_formula(cell.text) : cell.text);
    }
    out += '\n';
    chunks.maybe_flush();
    return true;
  });
}

std::string to_csv(const Table& t) {
  std::string out;
  write_csv(view_of(t), [&out](std::string_view chunk) { out += chunk; });
  return out;
}

}  // namespace icsrisk::report
