#pragma once
// The colours of the risk values A–E in every output (indexed by model::index_of): red for A to
// green for E. The HTML report, the diagrams and the spreadsheet take them from here only.

#include <array>

namespace icsrisk::report {

/// Strong colours: HTML risk cells and charts, route edges in the diagrams (white text on them).
inline constexpr std::array<const char*, 5> kRiskColours = {"#c62828", "#ef6c00", "#f9a825",
                                                            "#7cb342", "#2e7d32"};

/// The same hues darkened where they are too light to read as text on white (route labels).
inline constexpr std::array<const char*, 5> kRiskTextColours = {"#b71c1c", "#d84315", "#8d6e00",
                                                                "#558b2f", "#1b5e20"};

/// Light fills of spreadsheet cells (0xRRGGBB), on which black text stays readable in print.
inline constexpr std::array<unsigned, 5> kRiskFills = {0xFF6B6B, 0xFFA94D, 0xFFE066, 0xB2E08A,
                                                       0x69C38E};

}  // namespace icsrisk::report
