#pragma once
// A diagram of the HTML report as a figure a reader can zoom (issue 14, item 2): the inline SVG
// fits the page width; buttons (report.js) zoom in and out or toggle 1:1 / fit, the wheel zooms
// with Ctrl held; a link opens the full SVG file of the report folder.

#include <string>
#include <string_view>

#include "model/model.h"

namespace icsrisk::report {

/// `inner` (an inline <svg> from inline_svg) in a <figure class="diagram">: a tool bar (fit,
/// 1:1, zoom in, zoom out; hidden in print) and, when `svg_file` is not empty, a link to it
/// (a path relative to report.html, e.g. "diagrams/system.svg"; escaped). Empty `inner`: "".
std::string diagram_figure_html(const std::string& inner, std::string_view svg_file,
                                model::Lang lang);

}  // namespace icsrisk::report
