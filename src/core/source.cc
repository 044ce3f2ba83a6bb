#include "core/source.h"

#include <algorithm>

namespace icsrisk::core {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::uint32_t SourceFile::line_of(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

std::uint32_t SourceFile::column_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  std::size_t start = line_starts_[line_of(offset) - 1];
  std::uint32_t col = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace icsrisk::core

namespace icsrisk::core {

Loc attribute_loc(Loc element, std::string_view name) {
  if (!element.known()) return element;
  const std::string& t = element.file->text();
  std::size_t i = element.offset;
  if (i >= t.size() || t[i] != '<') return element;
  ++i;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto is_name = [&](char c) { return !is_space(c) && c != '=' && c != '>' && c != '/'; };
  while (i < t.size() && is_name(t[i])) ++i;  // the element name
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i])) ++i;
    if (i >= t.size() || t[i] == '>' || t[i] == '/') break;
    std::size_t start = i;
    while (i < t.size() && is_name(t[i])) ++i;
    std::string_view attr(t.data() + start, i - start);
    while (i < t.size() && is_space(t[i])) ++i;
    if (i < t.size() && t[i] == '=') {
      ++i;
      while (i < t.size() && is_space(t[i])) ++i;
      if (i < t.size() && (t[i] == '"' || t[i] == '\'')) {
        char q = t[i++];
        while (i < t.size() && t[i] != q) ++i;
        ++i;
      }
    }
    if (attr == name) return Loc{element.file, start};
    if (start == i) break;  // no progress: malformed tag
  }
  return element;
}

}  // namespace icsrisk::core
