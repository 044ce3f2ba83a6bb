#pragma once
// Text for HTML pages: escaping model text, and SVG diagrams inlined into a page.

#include <string>
#include <string_view>

namespace icsrisk::report {

/// Escapes text for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);

/// The <svg>…</svg> element of an SVG document, without XML declaration, DOCTYPE or comments
/// before it; "" when `svg` holds no <svg element. Every id="…" and its references
/// (url(#…), href="#…") get `prefix` + "-" in front, so several diagrams inlined into one page
/// keep unique ids.
std::string inline_svg(std::string_view svg, std::string_view prefix = {});

/// Escaped text with its line breaks kept (as <br/>).
std::string html_lines(std::string_view text);

}  // namespace icsrisk::report
