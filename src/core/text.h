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

/// Whether a terminal would act on code point `cp` rather than show it: C0 and C1 control
/// characters, DEL, and the bidirectional overrides, isolates and marks ("Trojan Source").
bool is_terminal_control(long cp);

/// `s` made safe to print on a terminal: those characters, and bytes that are not UTF-8, become
/// visible escapes (`\x1B`, `\u{202E}`); LF and TAB stay as they are when `keep_lines`. The CLI
/// passes every text holding model content through it just before printing. O(|s|).
std::string terminal_text(std::string_view s, bool keep_lines = true);

}  // namespace icsrisk::core
