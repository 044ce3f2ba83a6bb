#include "xml/reader.h"

#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "core/text.h"

namespace icsrisk::xml {

pugi::xml_node parse(const core::SourceFile& file, core::Diagnostics& diags, Document& out) {
  const std::string& text = file.text();
  // Encoding first: pugixml is told the text is UTF-8, so anything else must stop here, at the
  // first bad byte (a UTF-16 or Shift_JIS file would otherwise read as garbled XML).
  std::size_t bad = core::utf8_error_offset(text);
  if (bad != std::string::npos) {
    diags.error(core::Loc{&file, bad},
                fmt::format("the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                            static_cast<unsigned char>(text[bad])));
    return {};
  }
  // parse_default keeps escapes and EOL normalisation; DOCTYPE declarations are skipped and
  // pugixml never resolves external entities, so parsing cannot reach the file system or net.
  // Offsets stay those of `text`: the buffer is a copy of it, and a UTF-8 BOM is kept. (The
  // same work as load_buffer, which copies the text itself, but the buffer is ours to keep.)
  out.buffer = std::make_shared<std::string>(text);
  pugi::xml_parse_result r = out.doc.load_buffer_inplace(out.buffer->data(), out.buffer->size(),
                                                         pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    std::size_t at = r.offset < 0 ? 0 : std::min(static_cast<std::size_t>(r.offset), text.size());
    // This includes a file without a root element ("No document element found").
    diags.error(core::Loc{&file, at}, fmt::format("malformed XML: {}", r.description()));
    return {};
  }
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
      if (known_count_ > 0 && values_[slot] == nullptr) values_[slot] = a.value();
      hint = slot + 1;
      continue;
    }
    std::string_view name = a.name();
    if (is_foreign_attribute(name)) continue;
    // Only on the error path: a vector per element would cost more than the parse (benchmark).
    std::string suggestion =
        core::closest_match(name, std::vector<std::string_view>(known_attributes));
    diags_.warning(
        attr_loc(name),
        suggestion.empty()
            ? fmt::format("unknown attribute '{}' on <{}> is ignored", name, node.name())
            : fmt::format("unknown attribute '{}' on <{}> is ignored; did you mean '{}'?", name,
                          node.name(), suggestion));
  }
}

core::Loc Element::attr_loc(std::string_view name) const {
  return core::attribute_loc(loc_, name);
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
  const char* a = attr(name);
  if (a == nullptr) {
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
