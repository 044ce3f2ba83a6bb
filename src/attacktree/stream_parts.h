#pragma once
// Pieces of the streaming reader (stream_reader.cc) that stand alone: the attributes of one
// start tag as expat gives them (name, value, name, value, …, null), and the node bound.

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "attacktree/tree.h"
#include "model/profile.h"
#include "xml/reader.h"

namespace icsrisk::attacktree {

/// Namespace declarations and schema hints, which the full reader ignores.
bool is_foreign_attribute(std::string_view name);

/// Whether `s` is XML white space only (space, tab, CR, LF), or empty.
bool is_blank(std::string_view s);

/// An upper bound on the nodes of a file: its tags <or, <and, <sand, <step and <leaf, at most
/// one per 16 bytes of text. O(size).
std::size_t node_bound(std::string_view text);

/// The values of the attributes named in `known` (null when absent); false when the tag has
/// another attribute (but a foreign one), or a name longer than xml::kMaxTextLength bytes.
template <std::size_t N>
bool take(const char** atts, const std::array<std::string_view, N>& known,
          std::array<const char*, N>& out) {
  out.fill(nullptr);
  for (const char** a = atts; *a; a += 2) {
    std::string_view name = a[0];
    auto it = std::find(known.begin(), known.end(), name);
    if (it == known.end()) {
      if (is_foreign_attribute(name)) continue;
      return false;
    }
    if (name == "name" && std::strlen(a[1]) > xml::kMaxTextLength) return false;
    out[static_cast<std::size_t>(it - known.begin())] = a[1];
  }
  return true;
}

/// A <countermeasure>'s attributes as read_countermeasure (reader_parts.h) reads them, into
/// `m` (whose loc the caller sets); false wherever that would report something.
bool read_stream_measure(const char** atts, const model::Profile* profile, TreeCountermeasure& m);

}  // namespace icsrisk::attacktree
