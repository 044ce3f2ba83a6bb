#pragma once
// The SVG bar chart of the HTML report's summary.

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace icsrisk::report {

/// A grouped bar chart of risk counts A–E as an inline <svg> element: for each letter one bar
/// per series (the first series solid, the others pale), coloured by risk, with the counts on
/// top and, for several series, a legend. `title` and the series names are escaped.
std::string risk_chart(
    const std::vector<std::pair<std::string, std::array<std::size_t, 5>>>& series,
    const std::string& title);

}  // namespace icsrisk::report
