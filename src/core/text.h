#pragma once
// Small text helpers shared by the loaders and writers.

#include <string>
#include <string_view>
#include <vector>

namespace icsrisk::core {

/// Splits on ASCII white space, dropping empty pieces.
std::vector<std::string_view> split_ws(std::string_view s);

/// Edit distance (Levenshtein, with an adjacent transposition counting as one edit), for
/// "did you mean" suggestions. O(|a|·|b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a plausible typo (at most one
/// edit per three characters, fewer edits than `word` has characters), else "". The first of
/// equally close candidates wins.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// Parses a whole decimal integer (optional sign); false on anything else.
bool parse_int(std::string_view s, long long& out);

/// True when `s` is a valid id: non-empty, [A-Za-z0-9_.:-]+.
bool is_valid_id(std::string_view s);

/// Which characters markup_entity() replaces: & < > always; kQuote adds ", kQuotes adds " and '.
enum class Entities { kText, kQuote, kQuotes };

/// The XML/HTML entity standing for `c` ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;"), or
/// nullptr when `c` may stand as itself under `which`. Every writer of markup text (HTML, DOT
/// HTML-like labels, Markdown, attack-tree files) escapes through this one table and adds only
/// its own handling of line breaks and control characters.
const char* markup_entity(char c, Entities which);

/// True when `s` is well-formed UTF-8 (strict: no overlong forms, surrogates or code points
/// above U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or
/// std::string_view::npos when `s` is valid. O(|s|).
std::size_t utf8_error_offset(std::string_view s);

}  // namespace icsrisk::core
