#pragma once
// The quantitative propagation (method.md §9) in report.html: per scenario its heat map and the
// steps whose strengthening lowers p_goal most.

#include <string>
#include <string_view>

#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"

namespace icsrisk::report {

/// The HTML fragment of one scenario: a heading, p_goal and the expected attempts, the heat map
/// (`heat_svg`, an SVG document of report/heat_map.h, inlined; a note when empty), what its
/// shading means (a model estimate with illustrative parameters, not a risk level), and the
/// table of sensitive steps (from → to, method, level, d p_goal / d s). Model text escaped.
std::string quant_section_html(const model::Model& m, const model::Profile& p,
                               const model::Scenario& scenario, const quant::ScenarioQuant& q,
                               std::string_view heat_svg, model::Lang lang);

}  // namespace icsrisk::report
