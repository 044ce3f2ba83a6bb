#include "core/source.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace icsrisk::core {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {}

void SourceFile::index_lines() const {
  std::call_once(indexed_, [this] {
    line_starts_.push_back(0);
    // memchr scans many bytes at a time; a 60 MB model has about a million lines.
    const char* begin = text_.data();
    const char* end = begin + text_.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));)
      line_starts_.push_back(static_cast<std::size_t>(++p - begin));
    constexpr std::size_t kCheckpoint = 4096;
    for (std::size_t l = 0; l < line_starts_.size(); ++l) {
      std::size_t start = line_starts_[l];
      if (l == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;  // see column_of
      std::size_t end = l + 1 < line_starts_.size() ? line_starts_[l + 1] : text_.size();
      if (end - start <= 4 * kCheckpoint) continue;  // only very long lines need them
      std::uint32_t col = 1;
      for (std::size_t i = start; i < end; ++i) {
        if (i > start && (i - start) % kCheckpoint == 0) checkpoints_.emplace_back(i, col);
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
      }
    }
  });
}

std::uint32_t SourceFile::line_of(std::size_t offset) const {
  index_lines();
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

std::uint32_t SourceFile::column_of(std::size_t offset) const {
  index_lines();
  offset = std::min(offset, text_.size());
  std::size_t start = line_starts_[line_of(offset) - 1];
  // A UTF-8 byte order mark is not a character an editor shows or counts.
  if (start == 0 && offset >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  std::uint32_t col = 1;
  auto cp = std::upper_bound(checkpoints_.begin(), checkpoints_.end(),
                             std::pair<std::size_t, std::uint32_t>(offset, UINT32_MAX));
  if (cp != checkpoints_.begin() && std::prev(cp)->first > start) {
    start = std::prev(cp)->first;
    col = std::prev(cp)->second;
  }
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  index_lines();
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
  while (i < t.size() && is_name(t[i]))
    ++i;  // the element name
  while (i < t.size()) {
    while (i < t.size() && is_space(t[i]))
      ++i;
    if (i >= t.size() || t[i] == '>' || t[i] == '/') break;
    std::size_t start = i;
    while (i < t.size() && is_name(t[i]))
      ++i;
    std::string_view attr(t.data() + start, i - start);
    while (i < t.size() && is_space(t[i]))
      ++i;
    if (i < t.size() && t[i] == '=') {
      ++i;
      while (i < t.size() && is_space(t[i]))
        ++i;
      if (i < t.size() && (t[i] == '"' || t[i] == '\'')) {
        char q = t[i++];
        while (i < t.size() && t[i] != q)
          ++i;
        ++i;
      }
    }
    if (attr == name) return Loc{element.file, start};
    if (start == i) break;  // no progress: malformed tag
  }
  return element;
}

namespace {

/// The value of the attribute at `attr` (just past its opening quote, up to its closing one),
/// or an empty range when the attribute has no quoted value.
std::pair<std::size_t, std::size_t> attribute_value(Loc attr, std::string_view name) {
  const std::string& t = attr.file->text();
  std::size_t i = attr.offset + name.size();
  while (i < t.size() && t[i] != '"' && t[i] != '\'' && t[i] != '>')
    ++i;
  if (i >= t.size() || t[i] == '>') return {0, 0};
  char q = t[i++];
  std::size_t end = t.find(q, i);
  if (end == std::string::npos) return {0, 0};
  return {i, end};
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

Loc attribute_token_loc(Loc element, std::string_view name, std::string_view token) {
  if (token.empty()) return attribute_loc(element, name);
  return AttributeTokens(element, name).find(token);
}

Loc AttributeTokens::find(std::string_view token) const {
  if (!scanned_) {
    scanned_ = true;
    attr_ = attribute_loc(element_, name_);
    if (attr_.known() && attr_.offset != element_.offset) {
      std::string_view t = attr_.file->text();
      auto [i, end] = attribute_value(attr_, name_);
      while (i < end) {
        while (i < end && is_space(t[i]))
          ++i;
        std::size_t start = i;
        while (i < end && !is_space(t[i]))
          ++i;
        if (i > start) first_.emplace(t.substr(start, i - start), start);
      }
    }
  }
  auto it = first_.find(token);
  return it == first_.end() ? attr_ : Loc{attr_.file, it->second};
}

}  // namespace icsrisk::core
