#include "core/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

namespace icsrisk::core {

void Diagnostics::error(Loc loc, std::string message) {
  items_.push_back({Severity::kError, loc, std::move(message), {}});
  ++errors_;
}

void Diagnostics::warning(Loc loc, std::string message) {
  items_.push_back({Severity::kWarning, loc, std::move(message), {}});
  ++warnings_;
}

void Diagnostics::note(Loc loc, std::string message) {
  if (items_.empty()) return;
  items_.back().notes.push_back({Severity::kNote, loc, std::move(message), {}});
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const std::string& fa = a.loc.file ? a.loc.file->name() : std::string();
    const std::string& fb = b.loc.file ? b.loc.file->name() : std::string();
    if (fa != fb) return fa < fb;
    return a.loc.offset < b.loc.offset;
  });
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

void render_one(const Diagnostic& d, std::string& out) {
  if (!d.loc.known()) {
    out += fmt::format("icsrisk: {}: {}\n", severity_name(d.severity), d.message);
    return;
  }
  const SourceFile& f = *d.loc.file;
  std::uint32_t line = f.line_of(d.loc.offset);
  std::uint32_t col = f.column_of(d.loc.offset);
  out += fmt::format("{}:{}:{}: {}: {}\n", f.name(), line, col, severity_name(d.severity),
                     d.message);
  std::string_view text = f.line_text(line);
  // Control characters in the quoted line would garble a terminal: show them as spaces.
  std::string shown;
  shown.reserve(text.size());
  for (char c : text) shown += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  out += fmt::format("  {}\n  {}^\n", shown, std::string(col - 1, ' '));
}

}  // namespace

std::string render(const Diagnostic& d) {
  std::string out;
  render_one(d, out);
  for (const Diagnostic& n : d.notes) render_one(n, out);
  return out;
}

std::string Diagnostics::render() const {
  std::string out;
  for (const Diagnostic& d : items_) out += core::render(d);
  return out;
}

}  // namespace icsrisk::core
