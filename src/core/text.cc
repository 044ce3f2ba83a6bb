#include "core/text.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace icsrisk::core {

std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i]))
      ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]))
      ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions.
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  // Accept about one edit per three characters, and never a candidate that shares nothing.
  std::size_t best_d =
      std::min(std::max<std::size_t>(1, word.size() / 3), word.size() - (word.empty() ? 0 : 1)) + 1;
  // Typos are in short words; this also bounds the O(|a|·|b|) cost on hostile input.
  constexpr std::size_t kMaxLength = 64;
  if (word.size() > kMaxLength) return best;
  for (std::string_view c : candidates) {
    if (c.size() > kMaxLength) continue;
    std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_d) continue;  // the distance is at least the difference in length
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = std::string(c);
    }
  }
  return best;
}

bool parse_int(std::string_view s, long long& out) {
  if (s.empty()) return false;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (*first == '+') {
    ++first;
    if (first != last && *first == '-') return false;  // "+-1" is not a number
  }
  auto [p, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && p == last && first != last;
}

const char* markup_entity(char c, Entities which) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return which == Entities::kText ? nullptr : "&quot;";
    case '\'':
      return which == Entities::kQuotes ? "&#39;" : nullptr;
    default:
      return nullptr;
  }
}

bool is_valid_id(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == ':' || c == '-';
  });
}

std::size_t utf8_error_offset(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  // Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII (all markup, most ids) eight bytes at a time: a third of validating a large model
    // went here byte by byte.
    while (i + 8 <= s.size()) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & kHighBits) break;
      i += 8;
    }
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Kana and kanji: three bytes, lead E1–EC or EE–EF (E0 and ED have narrower second bytes).
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < s.size() &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (n > s.size() - i - 1) return i;
    for (std::size_t k = 1; k <= n; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

bool is_terminal_control(long cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

std::string terminal_text(std::string_view s, bool keep_lines) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII, the bulk of it
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t bad = utf8_error_offset(s.substr(i, std::min<std::size_t>(4, s.size() - i)));
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80 && bad != std::string_view::npos && bad < n) {
      out += fmt::format("\\x{:02X}", c);  // not UTF-8
      ++i;
      continue;
    }
    long cp = c < 0x80 ? c : c & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (!is_terminal_control(cp) || (keep_lines && (cp == '\n' || cp == '\t')))
      out.append(s.substr(i, n));
    else
      out += cp < 0x100 ? fmt::format("\\x{:02X}", cp) : fmt::format("\\u{{{:04X}}}", cp);
    i += n;
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  return utf8_error_offset(s) == std::string_view::npos;
}

}  // namespace icsrisk::core
