#pragma once
// The size budget of a drawing (issue 13 item 11): what a report folder lays out in place of a
// diagram too large to draw in bounded time. No Graphviz type here (style.md).

#include <cstddef>
#include <string>
#include <string_view>

#include "model/model.h"

namespace icsrisk::report {

/// The largest diagram laid out, in nodes plus edges weighted by their ranks (dot_elements()).
/// dot's layout grows faster than linearly in this size; the generated 2,000-asset plant's
/// data-flow view without flow labels (~8,500) takes ~2 s of CPU, and a drawing twice the budget
/// can take minutes. A larger diagram is replaced by budget_note_dot() in its images.
inline constexpr std::size_t kRenderElementBudget = 12000;

/// Whether a diagram of `elements` nodes plus edges is laid out (at most kRenderElementBudget).
constexpr bool within_budget(std::size_t elements) {
  return elements <= kRenderElementBudget;
}

/// A complete DOT document that draws one note in `lang`: the diagram `stem` has `elements`
/// nodes and edges, over `budget`, so it is not drawn; its .dot file (format dot) holds it
/// whole. Deterministic; `stem` is shown as text.
std::string budget_note_dot(std::string_view stem, std::size_t elements, std::size_t budget,
                            model::Lang lang);

/// A complete DOT document that draws one note in `lang`: Graphviz could not lay out the
/// diagram `stem` (`message` says why: its error, or the signal it stopped with); its .dot file
/// holds it. Deterministic; `stem` and `message` are shown as text.
std::string failure_note_dot(std::string_view stem, std::string_view message, model::Lang lang);

}  // namespace icsrisk::report
