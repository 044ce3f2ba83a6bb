#pragma once
// Laying out and rendering DOT text with Graphviz (gvc): the only place that talks to it.
// No Graphviz type appears here (style.md, "Layout and boundaries").

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace icsrisk::report {

enum class ImageFormat { kSvg, kPng, kPdf };

/// The image format named by a file extension (".svg", ".png", ".pdf", any case), if any.
std::optional<ImageFormat> image_format_of(std::string_view extension);

/// Parses `dot_text` with cgraph (object ids in order of first appearance, so the same text
/// always lays out the same way, also within one process), lays it out with the "dot" engine and
/// renders it. Nothing is printed: Graphviz's errors (a syntax error, an unknown format, a failed
/// layout) come back as an Error carrying its message; its warnings are dropped. Serialised
/// internally (Graphviz keeps its error handler in global state), so it may be called from several
/// threads.
core::Result<std::string> render_dot(std::string_view dot_text, ImageFormat format);

}  // namespace icsrisk::report
