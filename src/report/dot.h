#pragma once
// Our own DOT writer (style.md, "Determinism": DOT text is written by our code, Graphviz only
// lays it out). A small builder: statements are written in call order, so the same calls give
// byte-identical text; every id and value is quoted and escaped, so text from a model can never
// end a string, add a statement or an attribute.

#include <string>
#include <string_view>
#include <vector>

namespace icsrisk::report::dot {

/// One attribute. `value` is the string cgraph is meant to store; `html` marks an HTML-like
/// label, written between < and > instead of quotes. Build attributes with text(), attr() or
/// html() rather than by hand.
struct Attr {
  std::string key;
  std::string value;
  bool html = false;
};
using Attrs = std::vector<Attr>;

/// Makes text safe to show: invalid UTF-8 bytes become U+FFFD, CR is dropped, TAB becomes a
/// space, other control characters (C0 except LF, and DEL) become U+FFFD. LF is kept.
std::string sanitize(std::string_view text);

/// Encodes text as a Graphviz escString (label, xlabel, tooltip): sanitized, a backslash becomes
/// "\\" (so "\N", "\G", "\l" in a name are shown, not substituted) and LF becomes the
/// centred line break "\n". Backslash runs in the result are always of even length.
std::string esc_string(std::string_view text);

/// Escapes text for the inside of an HTML-like label: sanitized, & < > " ' as entities, LF as a
/// space (line breaks in HTML labels are markup: "<BR/>").
std::string html_escape(std::string_view text);

/// A DOT quoted string (with the quotes) that cgraph reads back as exactly `value`, provided
/// every run of backslashes before a '"' or at the end of `value` has even length (true for
/// esc_string() output and for model ids); otherwise one backslash is added so the string still
/// closes where it should. Control characters are sanitized.
std::string quote(std::string_view value);

/// An attribute whose value is shown as text (label, xlabel, tooltip): esc_string(text).
Attr text(std::string key, std::string_view text);
/// An attribute with a plain value (colour, shape, number, style): stored as given.
Attr attr(std::string key, std::string_view value);
/// An HTML-like label; `markup` must be balanced markup whose text went through html_escape().
Attr html(std::string key, std::string markup);

/// Writes one graph. Calls append statements in order; subgraphs nest.
class Writer {
 public:
  /// Starts `digraph "name" {` (or `graph` when not directed).
  explicit Writer(std::string_view name, bool directed = true);

  /// `graph [...]`, `node [...]` or `edge [...]` defaults in the current (sub)graph.
  /// `kind` must be "graph", "node" or "edge".
  void defaults(std::string_view kind, const Attrs& attrs);
  /// Opens `subgraph "id" {` with its graph attributes; ids starting with "cluster" are clusters.
  void open_subgraph(std::string_view id, const Attrs& attrs = {});
  /// Closes the innermost open subgraph (there must be one).
  void close_subgraph();
  /// A node statement.
  void node(std::string_view id, const Attrs& attrs = {});
  /// An edge statement (`->` in a digraph, `--` otherwise).
  void edge(std::string_view from, std::string_view to, const Attrs& attrs = {});
  /// Closes any open subgraph and the graph; returns the whole text (LF endings, final LF).
  /// The writer is spent afterwards.
  std::string finish();

 private:
  void line(std::string_view text);
  void indent();
  /// Appends " [key=value, …]" (nothing for no attributes).
  void append_attrs(const Attrs& attrs);

  std::string out_;
  bool directed_;
  int depth_ = 1;
};

}  // namespace icsrisk::report::dot
