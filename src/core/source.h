#pragma once
// Source files kept in memory, and positions inside them.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace icsrisk::core {

/// A named text kept in memory for the whole run, so diagnostics can quote it
/// without re-reading the file. Lines end at LF; a CR before the LF is not part of the line.
/// The line index is built when a position is first turned into a line (a file without
/// diagnostics never pays for it). Not copyable or movable: Locs point at it.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// 1-based line of a byte offset (offsets past the end map to the last line). O(log lines).
  std::uint32_t line_of(std::size_t offset) const;
  /// 1-based column of a byte offset, counted in Unicode code points (as editors count).
  std::uint32_t column_of(std::size_t offset) const;
  /// The text of a 1-based line, without its line ending.
  std::string_view line_text(std::uint32_t line) const;

 private:
  /// Fills line_starts_ and checkpoints_, once (thread-safe).
  void index_lines() const;

  std::string name_;
  std::string text_;
  mutable std::once_flag indexed_;
  mutable std::vector<std::size_t> line_starts_;
  /// (offset, column) every kCheckpoint bytes of very long lines, so column_of stays cheap
  /// on a minified one-line file with many diagnostics. Sorted by offset.
  mutable std::vector<std::pair<std::size_t, std::uint32_t>> checkpoints_;
};

/// A position in a source file: the file and a byte offset. A null file means "no position"
/// (built-in data, or a problem that belongs to no element).
struct Loc {
  const SourceFile* file = nullptr;
  std::size_t offset = 0;

  bool known() const { return file != nullptr; }
};

}  // namespace icsrisk::core

namespace icsrisk::core {

/// The position of attribute `name` in the start tag of the XML element at `element`
/// (whose offset points at its '<'); the element's own position when not found.
/// Scans only that start tag, so it is cheap enough to call when reporting a problem.
Loc attribute_loc(Loc element, std::string_view name);

/// The position of the whitespace-separated word `token` inside the value of attribute `name`
/// (e.g. one id of a list such as counters="a b c"); the attribute's position when not found.
Loc attribute_token_loc(Loc element, std::string_view name, std::string_view token);

/// The positions of every word in the value of attribute `name` of the element at `element`,
/// found in one scan at the first find(): for reporting many words of one list, where
/// attribute_token_loc per word would rescan the list each time (O(N²) on N unknown ids).
/// Free until used.
class AttributeTokens {
 public:
  AttributeTokens(Loc element, std::string_view name) : element_(element), name_(name) {}
  /// The position of the first occurrence of `token`; the attribute's position when absent.
  Loc find(std::string_view token) const;

 private:
  Loc element_;
  std::string_view name_;
  mutable bool scanned_ = false;
  mutable Loc attr_;
  mutable std::unordered_map<std::string_view, std::size_t> first_;  ///< into the file's text
};

}  // namespace icsrisk::core
