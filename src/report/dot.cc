#include "report/dot.h"

#include <cassert>

#include "core/text.h"

namespace icsrisk::report::dot {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
  } else {
    return 0;  // continuation byte, overlong lead (C0, C1) or beyond U+10FFFF
  }
  if (n > s.size() - i) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

[[maybe_unused]] bool is_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return !(key[0] >= '0' && key[0] <= '9');
}

/// Whether sanitize(), esc_string() and quote() leave `text` as it is: printable ASCII but for
/// '"' and '\\', and well-formed UTF-8 (most names; these then cost one copy, not three).
bool is_plain(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_length(text, i);
      if (n == 0) return false;
      i += n;
      continue;
    }
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') return false;
    ++i;
  }
  return true;
}

/// Appends quote(value) to `out`.
void append_quoted(std::string& out, std::string_view value) {
  if (is_plain(value)) {
    out += '"';
    out += value;
    out += '"';
    return;
  }
  out += quote(value);
}

/// Appends the DOT text of `a`'s value to `out`: an HTML label in <>, any other value quoted.
void append_value(std::string& out, const Attr& a) {
  assert(is_key(a.key));
  if (a.html) {
    out += '<';
    out += a.value;
    out += '>';
  } else {
    append_quoted(out, a.value);
  }
}

}  // namespace

std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (n == 1) {
      char c = text[i];
      if (c == '\r') {
        // dropped: CRLF and LF read the same
      } else if (c == '\t') {
        out += ' ';
      } else if (c == '\n' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F)) {
        out += c;
      } else {
        out += kReplacement;
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string esc_string(std::string_view text) {
  if (is_plain(text)) return std::string(text);
  std::string clean = sanitize(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string clean = sanitize(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    if (const char* entity = core::markup_entity(c, core::Entities::kQuotes))
      out += entity;
    else
      out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string quote(std::string_view value) {
  // cgraph's scanner reads, inside quotes, \" as ", \\ as \\ (both kept), backslash-newline as
  // nothing, and any other backslash as itself. So a value is written as is, except that '"'
  // gets a backslash and a backslash run that would swallow the closing quote is evened out.
  std::string clean = sanitize(value);
  std::string out = "\"";
  std::size_t run = 0;  // backslashes just written
  for (char c : clean) {
    if (c == '\n') c = ' ';  // sanitize() keeps LF; a raw line break has no place in an id
    if (c == '"') {
      if (run % 2 == 1) out += '\\';
      out += "\\\"";
      run = 0;
      continue;
    }
    out += c;
    run = c == '\\' ? run + 1 : 0;
  }
  if (run % 2 == 1) out += '\\';
  out += '"';
  return out;
}

Attr text(std::string key, std::string_view text) {
  return Attr{std::move(key), esc_string(text), false};
}

Attr attr(std::string key, std::string_view value) {
  return Attr{std::move(key), std::string(value), false};
}

Attr html(std::string key, std::string markup) {
  return Attr{std::move(key), std::move(markup), true};
}

Writer::Writer(std::string_view name, bool directed) : directed_(directed) {
  out_ = directed ? "digraph " : "graph ";
  out_ += quote(name);
  out_ += " {\n";
}

void Writer::line(std::string_view text) {
  out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
  out_ += text;
  out_ += '\n';
}

void Writer::append_attrs(const Attrs& attrs) {
  if (attrs.empty()) return;
  out_ += " [";
  bool first = true;
  for (const Attr& a : attrs) {
    if (!first) out_ += ", ";
    first = false;
    out_ += a.key;
    out_ += '=';
    append_value(out_, a);
  }
  out_ += ']';
}

void Writer::indent() {
  out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
}

void Writer::defaults(std::string_view kind, const Attrs& attrs) {
  assert(kind == "graph" || kind == "node" || kind == "edge");
  indent();
  out_ += kind;
  append_attrs(attrs);
  out_ += ";\n";
}

void Writer::open_subgraph(std::string_view id, const Attrs& attrs) {
  line("subgraph " + quote(id) + " {");
  ++depth_;
  for (const Attr& a : attrs) {
    indent();
    out_ += a.key;
    out_ += '=';
    append_value(out_, a);
    out_ += ";\n";
  }
}

void Writer::close_subgraph() {
  assert(depth_ > 1);
  --depth_;
  line("}");
}

void Writer::node(std::string_view id, const Attrs& attrs) {
  indent();
  append_quoted(out_, id);
  append_attrs(attrs);
  out_ += ";\n";
}

void Writer::edge(std::string_view from, std::string_view to, const Attrs& attrs) {
  indent();
  append_quoted(out_, from);
  out_ += directed_ ? " -> " : " -- ";
  append_quoted(out_, to);
  append_attrs(attrs);
  out_ += ";\n";
}

std::string Writer::finish() {
  while (depth_ > 1)
    close_subgraph();
  depth_ = 0;
  out_ += "}\n";
  return std::move(out_);
}

}  // namespace icsrisk::report::dot
