#pragma once
// Laying out and rendering DOT text with Graphviz (gvc): the only place that talks to it.
// No Graphviz type appears here (style.md, "Layout and boundaries").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace icsrisk::report {

enum class ImageFormat { kSvg, kPng, kPdf };

/// The image format named by a file extension (".svg", ".png", ".pdf", any case), if any.
std::optional<ImageFormat> image_format_of(std::string_view extension);

/// The graph attribute (value "zones") with which a diagram of at least kZonedLayoutNodes
/// nodes is laid out zone by zone rather than by dot alone (report/zoned_layout.h): the
/// configuration views and heat maps of large plants, which dot draws as a strip.
inline constexpr const char* kLayoutAttribute = "icsrisk_layout";
inline constexpr std::size_t kZonedLayoutNodes = 200;

/// Parses `dot_text` with cgraph (object ids in order of first appearance, so the same text
/// always lays out the same way, also within one process), lays it out with the "dot" engine
/// (or zone by zone, above) and renders it. Nothing is printed: Graphviz's errors (a syntax error,
/// an unknown format, a failed layout) come back as an Error carrying its message; its warnings are
/// dropped. Serialised internally (Graphviz keeps its error handler in global state), so it may be
/// called from several threads.
core::Result<std::string> render_dot(std::string_view dot_text, ImageFormat format);

/// As render_dot(), but lays the graph out once and renders that one layout in each of
/// `formats`, in order: the SVG and PNG of a diagram show the same drawing and cost one layout.
/// The i-th string is the output in `formats[i]`; an empty `formats` gives an empty vector after
/// the layout. Any failure (parse, layout, one format) is the one Error.
core::Result<std::vector<std::string>> render_dot_formats(std::string_view dot_text,
                                                          const std::vector<ImageFormat>& formats);

/// render_dot_formats() of `dot_text`, then of each of `variants`: DOT texts of the same graph
/// (the same nodes, edges and clusters in the same order; attributes and labels may differ),
/// such as the heat maps of a plant's scenarios. A zoned drawing (kLayoutAttribute) is laid
/// out once and each variant is rendered at its positions; any other text is laid out on its
/// own. The images: formats.size() per text, `dot_text`'s first, then the variants' in order.
core::Result<std::vector<std::string>> render_dot_variants(
    std::string_view dot_text, const std::vector<std::string_view>& variants,
    const std::vector<ImageFormat>& formats);

/// The number of nodes plus edges of `dot_text` as cgraph reads it, each edge counted as its
/// `minlen` (the ranks it spans, at least 1; subgraphs and clusters not counted), or an Error
/// when it does not parse: the size a drawing budget is measured in.
/// Linear in the text; serialised like render_dot().
core::Result<std::size_t> dot_elements(std::string_view dot_text);

}  // namespace icsrisk::report
