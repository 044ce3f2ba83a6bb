#pragma once
// Attack-tree diagrams (design.md "Reports", Diagrams: attack trees per scenario), written as
// DOT text with report/dot.h; render with report/render.h.

#include <optional>
#include <string>
#include <vector>

#include "attacktree/tree.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::report {

struct TreeDiagramOptions {
  model::Lang lang = model::Lang::kJa;  ///< method names and the gate words
  bool title = true;                    ///< graph label: tree id and name
  /// Per node (indexed like t.nodes; may be empty): a value printed on every node as
  /// "<value_name> <value>", e.g. from attacktree::evaluate_nodes; the title then says whether
  /// they are exact (`values_exact`) and, with `highlight`, what the red attack is.
  std::vector<std::optional<double>> values;
  std::string value_name;
  bool values_exact = true;
  /// Per node (may be empty): on the highlighted attack (the optimal one), drawn with a thick
  /// red outline and red edges between highlighted nodes.
  std::vector<bool> highlight;
  /// Draws each node's countermeasures as defence nodes (octagons, the measure's name from
  /// the profile, "planned" when so) with a dashed edge to the node they protect.
  bool countermeasures = false;
  /// Lists each step's and leaf's countermeasures in its label instead ("measures: …").
  bool measures_in_labels = false;
  /// With `highlight` and no `values`: the title line that says what the red route is.
  std::string highlight_note;
  /// When set (a linked model), a step shows its source and destination by asset name and the
  /// attacker in the report language; the node's tooltip keeps the ids.
  const model::Model* model = nullptr;
};

/// A complete DOT document for tree `t`, top-down from its root. Gates are trapezia labelled
/// OR / AND / SAND and their name (a sand gate's edges are numbered in order); steps are boxes
/// "name" over the method (the method's name from `profile` when given), or "from → to :
/// method" with the asset ids when the step has no name; leaves are ellipses with
/// their name and quantitative attributes. `levels` (indexed like t.nodes, may be empty) gives
/// each node's IPA countermeasure level, printed as "level N" and shown as the fill colour of
/// the vulnerability 4 − N (3 red, 2 amber, 1 green). A shared node is drawn once with an edge
/// from each parent. DOT ids are "n<index>" (never pointers); deterministic, LF endings.
std::string tree_dot(const attacktree::Tree& t, const std::vector<std::optional<double>>& levels,
                     const model::Profile* profile = nullptr,
                     const TreeDiagramOptions& options = {});

}  // namespace icsrisk::report
