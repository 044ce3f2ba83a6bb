#include "report/diagram_budget.h"

#include <fmt/format.h>

#include "report/diagram.h"
#include "report/dot.h"

namespace icsrisk::report {
namespace {

/// The note drawn in place of a diagram over the budget.
struct BudgetWords {
  const char* not_drawn;  ///< {0}: stem, {1}: nodes and edges, {2}: the budget
};
constexpr BudgetWords kBudgetJa = {.not_drawn =
                                       "図「{0}」は描画していません\n"
                                       "ノードと線の数 {1} が描画の上限 {2} を超えるため\n"
                                       "図の全体は DOT ファイル（--format dot）に出力されます"};
constexpr BudgetWords kBudgetEn = {
    .not_drawn =
        "Diagram \"{0}\" is not drawn:\n"
        "its {1} nodes and edges are over the drawing budget of {2}.\n"
        "The whole diagram is in its DOT file (--format dot)."};

/// The note drawn in place of a diagram Graphviz could not lay out.
struct FailureWords {
  const char* not_drawn;  ///< {0}: stem, {1}: Graphviz's message
};
constexpr FailureWords kFailureJa = {.not_drawn =
                                         "図「{0}」は描画できませんでした\n"
                                         "{1}\n"
                                         "図の全体は DOT ファイル（--format dot）に出力されます"};
constexpr FailureWords kFailureEn = {.not_drawn =
                                         "Diagram \"{0}\" could not be drawn:\n"
                                         "{1}\n"
                                         "The whole diagram is in its DOT file (--format dot)."};

/// A graph `name` of one note node showing `text`.
std::string note_dot(const char* name, const std::string& text) {
  dot::Writer out(name);
  graph_defaults(out);
  out.node("note", {dot::text("label", text), dot::attr("shape", "note"),
                    dot::attr("fillcolor", "#fff8e1"), dot::attr("fontsize", "14")});
  return out.finish();
}

}  // namespace

std::string failure_note_dot(std::string_view stem, std::string_view message, model::Lang lang) {
  const FailureWords& w = lang == model::Lang::kEn ? kFailureEn : kFailureJa;
  return note_dot("failure", fmt::format(fmt::runtime(w.not_drawn), stem, message));
}

std::string budget_note_dot(std::string_view stem, std::size_t elements, std::size_t budget,
                            model::Lang lang) {
  const BudgetWords& w = lang == model::Lang::kEn ? kBudgetEn : kBudgetJa;
  return note_dot("budget", fmt::format(fmt::runtime(w.not_drawn), stem, elements, budget));
}

}  // namespace icsrisk::report
