#include "report/text_table.h"

#include <algorithm>
#include <cstdint>

namespace icsrisk::report {
namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Malformed input yields the byte itself.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b;
  }
  std::uint32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Wide ranges of Unicode's East Asian Width property (W and F), coarsely: enough for
// Japanese text (kana, kanji, fullwidth forms) and CJK punctuation.
bool is_wide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_combining(std::uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x3099 && cp <= 0x309A) ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

std::string sanitize(const std::string& cell) {
  std::string out;
  out.reserve(cell.size());
  for (char c : cell) {
    auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F)
      out += "\xEF\xBF\xBD";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::size_t terminal_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = next_code_point(s, i);
    w += is_combining(cp) ? 0 : is_wide(cp) ? 2 : 1;
  }
  return w;
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(header_.size());
  for (std::string& c : row)
    c = sanitize(c);
  rows_.push_back(std::move(row));
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths(header_.size());
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], terminal_width(row[c]));
  };
  measure(header_);
  for (const auto& r : rows_)
    measure(r);
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (std::size_t c = 0; c < row.size(); ++c) {
      l += row[c];
      if (c + 1 < row.size()) l.append(widths[c] - terminal_width(row[c]) + 2, ' ');
    }
    while (!l.empty() && l.back() == ' ')
      l.pop_back();
    out += l;
    out += '\n';
  };
  line(header_);
  std::vector<std::string> rule;
  for (std::size_t w : widths)
    rule.emplace_back(w, '-');
  line(rule);
  for (const auto& r : rows_)
    line(r);
  return out;
}

}  // namespace icsrisk::report
