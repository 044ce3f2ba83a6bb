#pragma once
// Reading XML files with diagnostics, for every loader (model, profile, attack tree; .cc files
// only): the one place that knows pugixml.
// Keeps pugixml out of the public headers (style.md, "Layout and boundaries").

#include <array>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostics.h"
#include "core/source.h"

namespace icsrisk::xml {

/// A parsed document: pugixml's nodes, and the buffer they point into. pugixml parses the
/// buffer in place (a copy of the file's text: the SourceFile keeps the original for
/// diagnostics), so every name and value is a NUL-terminated, unescaped run inside it; a loader
/// may keep the buffer, and views into it, after the nodes are gone (model::Model does).
struct Document {
  std::shared_ptr<std::string> buffer;
  pugi::xml_document doc;
};

/// The most characters (code points) a one-line text attribute holds: name, vendor, model, os,
/// address, data, protocol, port, ja, en. Longer values are errors (README, "Limits"), so a
/// valid model's text fits every output: Excel cells, Graphviz labels, a row per threat.
inline constexpr std::size_t kMaxTextLength = 2000;

/// Parses the file's text in place in a copy (Document::buffer) and returns its root element. Text
/// that is not UTF-8 or not well-formed XML — a file without a root element included — becomes one
/// positioned error and an empty node; so does a NUL byte. Character references to code points
/// XML does not allow (&#0;, surrogates, past U+10FFFF, U+FFFE/FFFF), a second root element
/// and text outside the root are errors at their position. No DTD, no external entities.
pugi::xml_node parse(const core::SourceFile& file, core::Diagnostics& diags, Document& out);

/// The namespace is optional; when the root declares one that is not `expected`, warns (the
/// file may be of another kind, e.g. a profile given as a model).
void check_namespace(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node root,
                     std::string_view expected);

/// Position of an element (its '<').
core::Loc loc_of(const core::SourceFile& file, pugi::xml_node node);

/// Reads one element's attributes, reporting unknown ones (warning, with "did you mean"),
/// missing required ones and malformed values (errors).
class Element {
 public:
  Element(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node node,
          std::initializer_list<std::string_view> known_attributes);

  pugi::xml_node node() const { return node_; }
  core::Loc loc() const { return loc_; }
  /// The position of attribute `name` (the element's when absent). O(1) for a known attribute.
  core::Loc attr_loc(std::string_view name) const;
  bool has(const char* name) const { return attr(name) != nullptr; }

  // Values are views into the Document's buffer (or static text when absent).

  /// The attribute's value; an error when it is missing or empty.
  std::string_view required(const char* name);
  /// The attribute's value, or `fallback` when it is absent.
  std::string_view optional(const char* name, std::string_view fallback = {}) const;
  /// A required id attribute ([A-Za-z0-9_.:-]+).
  std::string_view id(const char* name = "id");
  /// A reference to an id (required unless `required` is false; "" when absent).
  std::string_view ref(const char* name, bool required = true);
  /// An integer in [lo, hi]; `fallback` when absent and not required, or on error.
  int integer(const char* name, int lo, int hi, int fallback, bool required);
  /// One of `choices`; returns its index, or `fallback` when absent / on error.
  std::size_t choice(const char* name, std::initializer_list<std::string_view> choices,
                     std::size_t fallback, bool required);
  /// A boolean attribute ("true"/"false"/"1"/"0").
  bool boolean(const char* name, bool fallback);

  /// The element's child elements, after checking each name is one of `known` (warning
  /// with "did you mean" otherwise; unknown children are skipped).
  std::vector<pugi::xml_node> children(std::initializer_list<std::string_view> known) const;
  /// The text of the child element `name` (e.g. <description>), or "".
  std::string_view child_text(const char* name) const;

 private:
  /// The value of attribute `name`, or null when absent: from the slot the constructor filled
  /// when `name` is a known attribute (no string search through the element's attributes),
  /// else pugixml's lookup.
  const char* attr(const char* name) const;

  /// The position of the attribute whose name pugixml keeps at `p` (in the parsed buffer).
  core::Loc loc_in_buffer(const char* p, std::string_view name) const;
  /// Reports a text attribute over kMaxTextLength characters.
  void check_length(pugi::xml_attribute a, std::string_view name);

  static constexpr std::size_t kMaxKnown = 16;

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
  pugi::xml_node node_;
  core::Loc loc_;
  // Not value-initialised: only the first known_count_ entries are ever read. Values rather
  // than pugi::xml_attribute: each accessor of pugixml is a function call, several per element.
  std::array<std::string_view, kMaxKnown> known_;  ///< the known attribute names
  std::array<const char*, kMaxKnown> values_;      ///< value of the first occurrence, or null
  std::array<const char*, kMaxKnown> names_;       ///< its name, in the parsed buffer
  std::size_t known_count_ = 0;  ///< 0 when the list was too long to keep (no slots)
};

}  // namespace icsrisk::xml
