#include "xml/reader.h"

#include <algorithm>
#include <cstring>
#include <span>

#include <fmt/format.h>

#include "core/text.h"

namespace icsrisk::xml {

namespace {

/// Whether a character reference may stand for `cp`: a Unicode scalar value, not NUL and not
/// the noncharacters U+FFFE/U+FFFF (XML 1.0's Char). Other C0 controls are let through as text,
/// as pugixml reads them: every output escapes them (README, "Limits").
bool is_referable(unsigned long cp) {
  return cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF &&
         cp <= 0x10FFFF;
}

/// The code point of the character reference at `text[i]` ("&#N;" or "&#xH;"), or npos when
/// it is not one (pugixml then reads it as text). Values past U+10FFFF come out as 0x110000.
std::size_t char_reference(std::string_view text, std::size_t i, std::size_t& end) {
  std::size_t j = i + 2;
  bool hex = j < text.size() && text[j] == 'x';
  if (hex) ++j;
  unsigned long cp = 0;
  std::size_t digits = 0;
  for (; j < text.size(); ++j, ++digits) {
    char c = text[j];
    int d = c >= '0' && c <= '9'          ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (d < 0) break;
    cp = std::min<unsigned long>(cp * (hex ? 16 : 10) + d, 0x110000);
  }
  if (digits == 0 || j >= text.size() || text[j] != ';') return std::string_view::npos;
  end = j + 1;
  return cp;
}

/// Reports every character reference to a code point XML does not allow (&#0;, &#xD800;,
/// &#x110000;, &#xFFFE;) at its '&'. Comments, CDATA sections and processing instructions hold
/// no references and are skipped. Most files hold no "&#" at all: one memmem pass then.
void check_char_references(const core::SourceFile& file, core::Diagnostics& diags) {
  std::string_view t = file.text();
  if (t.find("&#") == std::string_view::npos) return;
  // The reference starting with the '&' at `i`: reported when it names no character XML
  // allows; returns where the text after it starts.
  auto check = [&](std::size_t i) {
    std::size_t end = i + 1;
    std::size_t cp =
        i + 1 < t.size() && t[i + 1] == '#' ? char_reference(t, i, end) : std::string_view::npos;
    if (cp != std::string_view::npos && !is_referable(cp)) {
      std::string_view ref = t.substr(i, end - i);
      diags.error(core::Loc{&file, i},
                  cp > 0x10FFFF ? fmt::format("character reference '{}' is past U+10FFFF, the "
                                              "last Unicode code point",
                                              ref)
                                : fmt::format("character reference '{}' (U+{:04X}) is not a "
                                              "character XML allows",
                                              ref, cp));
    }
    return end;
  };
  for (std::size_t i = t.find_first_of("<&"); i != std::string_view::npos;
       i = t.find_first_of("<&", i)) {
    if (t[i] == '&') {
      i = check(i);
      continue;
    }
    std::string_view rest = t.substr(i);
    std::string_view close = rest.starts_with("<!--")        ? "-->"
                             : rest.starts_with("<![CDATA[") ? "]]>"
                             : rest.starts_with("<?")        ? "?>"
                                                             : "";
    if (!close.empty()) {
      i = t.find(close, i + 2);
      if (i == std::string_view::npos) return;  // pugixml reports the unclosed section
      continue;
    }
    // A tag: up to its '>' outside quotes. Its attribute values hold references, and their
    // text is text: a "<![CDATA[" inside one (pugixml accepts '<' there) starts no section.
    char quote = 0;
    for (++i; i < t.size(); ++i) {
      const char c = t[i];
      if (quote) {
        if (c == quote) {
          quote = 0;
        } else if (c == '&') {
          i = check(i) - 1;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (i >= t.size()) return;  // an unclosed tag: pugixml reports it
  }
}

/// NUL bytes (XML cannot hold them; pugixml would stop reading at the first) and references
/// to characters XML does not allow. False when the file cannot be parsed.
bool check_characters(const core::SourceFile& file, core::Diagnostics& diags) {
  std::string_view t = file.text();
  check_char_references(file, diags);
  if (const void* nul = std::memchr(t.data(), '\0', t.size())) {
    std::size_t at = static_cast<const char*>(nul) - t.data();
    std::size_t count = static_cast<std::size_t>(std::count(t.begin() + at, t.end(), '\0'));
    diags.error(core::Loc{&file, at},
                fmt::format("the file holds {} NUL byte{} from here: XML text cannot hold them "
                            "(is it UTF-16, or cut or padded?)",
                            count, count == 1 ? "" : "s"));
    return false;
  }
  return true;
}

/// A file holds one root element: a second one (which pugixml would read and the loaders
/// ignore) and text outside the root are errors at their position.
void check_single_root(const core::SourceFile& file, core::Diagnostics& diags,
                       const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_element && n != root) {
      diags.error(loc_of(file, n), fmt::format("a second root element <{}>: a file holds one "
                                               "element, <{}>, around everything else",
                                               n.name(), root.name()));
    } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      core::Loc at = loc_of(file, n);  // its first character that is not white space
      at.offset = std::min(file.text().find_first_not_of(" \t\r\n", at.offset), file.text().size());
      diags.error(at, "text outside the root element");
    }
  }
}

}  // namespace

pugi::xml_node parse(const core::SourceFile& file, core::Diagnostics& diags, Document& out) {
  const std::string& text = file.text();
  // Encoding first: pugixml is told the text is UTF-8, so anything else must stop here, at the
  // first bad byte (a UTF-16 or Shift_JIS file would otherwise read as garbled XML).
  if (!core::require_utf8(file, diags, "save it as UTF-8")) return {};
  if (!check_characters(file, diags)) return {};
  // parse_default keeps escapes and EOL normalisation; DOCTYPE declarations are skipped and
  // pugixml never resolves external entities, so parsing cannot reach the file system or net.
  // Offsets stay those of `text`: the buffer is a copy of it, and a UTF-8 BOM is kept. (The
  // same work as load_buffer, which copies the text itself, but the buffer is ours to keep.)
  out.buffer = std::make_shared<std::string>(text);
  // parse_fragment keeps text outside the root element as nodes, so it can be reported.
  pugi::xml_parse_result r =
      out.doc.load_buffer_inplace(out.buffer->data(), out.buffer->size(),
                                  pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8);
  if (!r) {
    std::size_t at = r.offset < 0 ? 0 : std::min(static_cast<std::size_t>(r.offset), text.size());
    // E.g. "Start-end tags mismatch", at the offending tag.
    diags.error(core::Loc{&file, at}, fmt::format("malformed XML: {}", r.description()));
    return {};
  }
  if (!out.doc.document_element()) {
    diags.error(core::Loc{&file, 0}, "malformed XML: No document element found");
    return {};
  }
  check_single_root(file, diags, out.doc);
  return out.doc.document_element();
}

void check_namespace(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node root,
                     std::string_view expected) {
  pugi::xml_attribute ns = root.attribute("xmlns");
  if (ns.empty() || std::string_view(ns.value()) == expected) return;
  diags.warning(core::attribute_loc(loc_of(file, root), "xmlns"),
                fmt::format("namespace '{}' is not '{}'; reading the file as <{}> anyway",
                            ns.value(), expected, root.name()));
}

core::Loc loc_of(const core::SourceFile& file, pugi::xml_node node) {
  std::ptrdiff_t off = node.offset_debug();
  // offset_debug points at the element name; the '<' is just before it.
  if (off > 0 && node.type() == pugi::node_element) --off;
  return core::Loc{&file, off < 0 ? 0 : static_cast<std::size_t>(off)};
}

namespace {
bool is_foreign_attribute(std::string_view name) {
  // Namespace declarations and schema hints are allowed anywhere and ignored.
  return name == "xmlns" || name.starts_with("xmlns:") || name.starts_with("xsi:") ||
         name.starts_with("xml:");
}

/// Whether the NUL-terminated `name` is `k`, compared in place (no strlen).
bool same_name(const char* name, std::string_view k) {
  std::size_t j = 0;
  while (j < k.size() && name[j] == k[j])
    ++j;
  return j == k.size() && name[j] == '\0';
}

/// The position of `name` in `known`, or known.size(). Tries `hint` first and goes on from
/// there: files usually give attributes in the order the loaders list them.
std::size_t match_name(const char* name, std::span<const std::string_view> known,
                       std::size_t hint = 0) {
  const std::size_t n = known.size();
  for (std::size_t k = 0, i = hint < n ? hint : 0; k < n; ++k, i = i + 1 == n ? 0 : i + 1)
    if (same_name(name, known[i])) return i;
  return n;
}

}  // namespace

Element::Element(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node node,
                 std::initializer_list<std::string_view> known_attributes)
    : file_(file), diags_(diags), node_(node), loc_(loc_of(file, node)) {
  if (known_attributes.size() <= kMaxKnown) {
    std::copy(known_attributes.begin(), known_attributes.end(), known_.begin());
    known_count_ = known_attributes.size();
    std::fill_n(values_.begin(), known_count_, nullptr);
  }
  std::span<const std::string_view> known(known_attributes.begin(), known_attributes.size());
  std::size_t hint = 0;
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::size_t slot = match_name(a.name(), known, hint);
    if (slot < known.size()) {
      // Keep the first, as pugixml's lookup by name would find it.
      if (known_count_ > 0 && values_[slot] == nullptr) {
        values_[slot] = a.value();
        names_[slot] = a.name();
      }
      hint = slot + 1;
      if (std::strlen(a.value()) > kMaxTextLength) check_length(a, known[slot]);
      continue;
    }
    std::string_view name = a.name();
    if (is_foreign_attribute(name)) continue;
    // Only on the error path: a vector per element would cost more than the parse (benchmark).
    std::string suggestion =
        core::closest_match(name, std::vector<std::string_view>(known_attributes));
    diags_.warning(
        loc_in_buffer(a.name(), name),
        suggestion.empty()
            ? fmt::format("unknown attribute '{}' on <{}> is ignored", name, node.name())
            : fmt::format("unknown attribute '{}' on <{}> is ignored; did you mean '{}'?", name,
                          node.name(), suggestion));
  }
}

core::Loc Element::loc_in_buffer(const char* p, std::string_view name) const {
  // pugixml parses in place: a name stays at its offset in the file, which offset_debug gives
  // relative to the buffer. O(1), where scanning the tag made N warnings on one tag O(N²).
  std::ptrdiff_t element = node_.offset_debug();
  const std::string& t = file_.text();
  if (element >= 0 && p != nullptr) {
    std::ptrdiff_t off = p - (node_.name() - element);
    if (off >= 0 && static_cast<std::size_t>(off) + name.size() <= t.size() &&
        t.compare(static_cast<std::size_t>(off), name.size(), name) == 0)
      return core::Loc{&file_, static_cast<std::size_t>(off)};
  }
  return core::attribute_loc(loc_, name);
}

core::Loc Element::attr_loc(std::string_view name) const {
  for (std::size_t i = 0; i < known_count_; ++i)
    if (known_[i] == name && values_[i] != nullptr) return loc_in_buffer(names_[i], name);
  return core::attribute_loc(loc_, name);
}

void Element::check_length(pugi::xml_attribute a, std::string_view name) {
  static constexpr std::string_view kText[] = {"name", "vendor",   "model", "os", "address",
                                               "data", "protocol", "port",  "ja", "en"};
  if (std::find(std::begin(kText), std::end(kText), name) == std::end(kText)) return;
  std::size_t chars = 0;
  for (const char* c = a.value(); *c; ++c)
    chars += (static_cast<unsigned char>(*c) & 0xC0) != 0x80;
  if (chars <= kMaxTextLength) return;
  diags_.error(loc_in_buffer(a.name(), name),
               fmt::format("attribute '{}' of <{}> is {} characters long; text attributes hold "
                           "at most {} (README, \"Limits\")",
                           name, node_.name(), chars, kMaxTextLength));
}

const char* Element::attr(const char* name) const {
  // The loaders pass the same literal as in the known list, usually merged by the compiler.
  for (std::size_t i = 0; i < known_count_; ++i)
    if (known_[i].data() == name) return values_[i];
  for (std::size_t i = 0; i < known_count_; ++i)
    if (same_name(name, known_[i])) return values_[i];
  pugi::xml_attribute a = node_.attribute(name);
  return a ? a.value() : nullptr;
}

std::string_view Element::required(const char* name) {
  return ref(name, /*required=*/true);
}

std::string_view Element::optional(const char* name, std::string_view fallback) const {
  const char* a = attr(name);
  if (a == nullptr) return fallback;
  return a;
}

std::string_view Element::id(const char* name) {
  const char* a = attr(name);
  if (a == nullptr) {
    diags_.error(loc_, fmt::format("<{}> needs the attribute '{}'", node_.name(), name));
    return {};
  }
  std::string_view v = a;
  if (!core::is_valid_id(v)) {
    diags_.error(attr_loc(name),
                 fmt::format("'{}' is not a valid id: use letters, digits and _ . : -", v));
  }
  return v;
}

std::string_view Element::ref(const char* name, bool is_required) {
  const char* a = attr(name);
  if (a == nullptr) {
    if (is_required)
      diags_.error(loc_, fmt::format("<{}> needs the attribute '{}'", node_.name(), name));
    return {};
  }
  std::string_view v = a;
  if (v.empty()) {
    diags_.error(attr_loc(name),
                 fmt::format("attribute '{}' of <{}> is empty", name, node_.name()));
  }
  return v;
}

int Element::integer(const char* name, int lo, int hi, int fallback, bool is_required) {
  const char* a = attr(name);
  if (a == nullptr) {
    if (is_required)
      diags_.error(loc_, fmt::format("<{}> needs the attribute '{}'", node_.name(), name));
    return fallback;
  }
  long long v = 0;
  if (!core::parse_int(a, v) || v < lo || v > hi) {
    std::string range = hi == 0x7fffffff ? fmt::format("an integer of at least {}", lo)
                                         : fmt::format("an integer from {} to {}", lo, hi);
    diags_.error(attr_loc(name),
                 fmt::format("attribute '{}' must be {}, not '{}'", name, range, a));
    return fallback;
  }
  return static_cast<int>(v);
}

std::size_t Element::choice(const char* name, std::initializer_list<std::string_view> choices,
                            std::size_t fallback, bool is_required) {
  const char* a = attr(name);
  if (a == nullptr) {
    if (is_required)
      diags_.error(loc_, fmt::format("<{}> needs the attribute '{}'", node_.name(), name));
    return fallback;
  }
  std::string_view v = a;
  std::size_t i = 0;
  for (std::string_view c : choices) {
    if (c == v) return i;
    ++i;
  }
  std::string list;
  for (std::string_view c : choices)
    list += fmt::format("{}'{}'", list.empty() ? "" : ", ", c);
  std::string suggestion = core::closest_match(v, std::vector<std::string_view>(choices));
  diags_.error(
      attr_loc(name),
      fmt::format("attribute '{}' must be one of {}, not '{}'{}", name, list, v,
                  suggestion.empty() ? "" : fmt::format("; did you mean '{}'?", suggestion)));
  return fallback;
}

bool Element::boolean(const char* name, bool fallback) {
  std::size_t i = choice(name, {"false", "true", "0", "1"}, fallback ? 1 : 0, false);
  return i % 2 == 1;
}

std::vector<pugi::xml_node> Element::children(std::initializer_list<std::string_view> known) const {
  std::vector<pugi::xml_node> out;
  std::span<const std::string_view> names(known.begin(), known.size());
  std::size_t hint = 0;
  // One pass: on a large model a second walk over the nodes (to count them) costs a cache
  // miss per node. Elements have few children, so start with room for several.
  for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::size_t k = match_name(c.name(), names, hint);
    if (k < names.size()) {
      if (out.empty()) out.reserve(8);
      out.push_back(c);
      hint = k;
      continue;
    }
    std::string_view name = c.name();
    std::string suggestion = core::closest_match(name, std::vector<std::string_view>(known));
    diags_.warning(loc_of(file_, c),
                   suggestion.empty()
                       ? fmt::format("unknown element <{}> in <{}> is ignored", name, node_.name())
                       : fmt::format("unknown element <{}> in <{}> is ignored; did you mean <{}>?",
                                     name, node_.name(), suggestion));
  }
  return out;
}

std::string_view Element::child_text(const char* name) const {
  return node_.child(name).child_value();
}

}  // namespace icsrisk::xml
