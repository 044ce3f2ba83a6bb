#include "core/diagnostics.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "core/text.h"

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

void Diagnostics::append(Diagnostics&& other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
  errors_ += other.errors_;
  warnings_ += other.warnings_;
  other.items_.clear();
  other.errors_ = other.warnings_ = 0;
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    std::string_view fa = a.loc.file ? std::string_view(a.loc.file->name()) : std::string_view();
    std::string_view fb = b.loc.file ? std::string_view(b.loc.file->name()) : std::string_view();
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

/// One code point of UTF-8 text: its value (-1 for a byte that starts no valid sequence)
/// and its length in bytes.
struct CodePoint {
  long value;
  std::size_t size;
};

CodePoint decode(std::string_view t, std::size_t i) {
  auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return {c, 1};
  std::size_t n = c >= 0xC2 && c <= 0xDF   ? 1
                  : c >= 0xE0 && c <= 0xEF ? 2
                  : c >= 0xF0 && c <= 0xF4 ? 3
                                           : 0;
  if (n == 0 || n > t.size() - i - 1) return {-1, 1};
  long v = c & (0x3F >> n);
  for (std::size_t k = 1; k <= n; ++k) {
    auto b = static_cast<unsigned char>(t[i + k]);
    if ((b & 0xC0) != 0x80) return {-1, 1};
    v = (v << 6) | (b & 0x3F);
  }
  static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
  if (v < kMin[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return {-1, 1};
  return {v, n + 1};
}

/// Terminal cells a code point takes: 2 for East Asian wide and full-width characters
/// (so a caret lines up under Japanese text), 0 for combining marks, else 1.
int display_width(long cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
      (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
      (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Quotes a source line with a caret under byte `offset` of it. Unsafe characters show as a
/// space and invalid bytes as '?', so the caret stays aligned; a long line is cut to a window
/// around the caret, marked with "...".
void quote_line(std::string_view text, std::size_t offset, std::string& out) {
  constexpr std::size_t kWhole = 200;   // lines up to this many code points are shown whole
  constexpr std::size_t kContext = 80;  // else code points kept on each side of the caret
  // Decode only what is shown: a minified one-line file may have thousands of diagnostics.
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count <= kWhole; ++count)
    i += decode(text, i).size;
  std::size_t from = 0, to = text.size();
  if (count > kWhole) {
    from = offset;
    for (std::size_t k = 0; k < kContext && from > 0; ++k) {
      --from;
      for (int back = 0;
           back < 3 && from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80; ++back)
        --from;
    }
    to = offset;
    for (std::size_t k = 0; k < kContext && to < text.size(); ++k)
      to += decode(text, to).size;
  }
  std::string shown = from > 0 ? "..." : "";
  std::size_t pad = shown.size();
  for (std::size_t i = from; i < to;) {
    CodePoint cp = decode(text, i);
    std::size_t width = 1;
    if (cp.value < 0) {
      shown += '?';
    } else if (is_terminal_control(cp.value)) {
      shown += ' ';
    } else {
      shown.append(text.substr(i, cp.size));
      width = static_cast<std::size_t>(display_width(cp.value));
    }
    if (i < offset) pad += width;
    i += cp.size;
  }
  if (to < text.size()) shown += "...";
  out += fmt::format("  {}\n  {}^\n", shown, std::string(pad, ' '));
}

void render_one(const Diagnostic& d, std::string& out) {
  std::string message = terminal_text(d.message, false);
  if (!d.loc.known()) {
    out += fmt::format("icsrisk: {}: {}\n", severity_name(d.severity), message);
    return;
  }
  const SourceFile& f = *d.loc.file;
  std::uint32_t line = f.line_of(d.loc.offset);
  std::uint32_t col = f.column_of(d.loc.offset);
  out += fmt::format("{}:{}:{}: {}: {}\n", terminal_text(f.name(), false), line, col,
                     severity_name(d.severity), message);
  std::string_view text = f.line_text(line);
  std::size_t start = static_cast<std::size_t>(text.data() - f.text().data());
  std::size_t at = d.loc.offset > start ? std::min(d.loc.offset - start, text.size()) : 0;
  quote_line(text, at, out);
}

}  // namespace

std::string render(const Diagnostic& d) {
  std::string out;
  render_one(d, out);
  for (const Diagnostic& n : d.notes)
    render_one(n, out);
  return out;
}

std::string Diagnostics::render() const {
  std::string out;
  for (const Diagnostic& d : items_)
    out += core::render(d);
  return out;
}

bool require_utf8(const SourceFile& file, Diagnostics& diags, std::string_view advice) {
  const std::size_t bad = utf8_error_offset(file.text());
  if (bad == std::string_view::npos) return true;
  diags.error(Loc{&file, bad}, fmt::format("the file is not valid UTF-8 (byte 0x{:02X}); {}",
                                           static_cast<unsigned char>(file.text()[bad]), advice));
  return false;
}

}  // namespace icsrisk::core
