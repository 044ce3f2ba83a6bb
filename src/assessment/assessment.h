#pragma once
// One assessment run, from a loaded model to the documents of its report folder — the one place
// to read for "how a run works" (style.md: mold's main as a list of named passes):
//
//   assess(model, profile, options)
//     1. context     the coverage of every countermeasure (§4) and the network topology (§7),
//                    built once and shared by every later pass
//     2. analyses    the asset-based sheet (§6), the business-impact scenarios (§7), the summary
//     3. trees       per scenario the analyst's attack tree or a generated one, evaluated (§8)
//                    with the analysis' own step levels
//     4. tables      the countermeasure ranking table (when a table format is chosen); the four
//                    IPA tables are row sources that documents() makes, read as they are written
//     5. diagrams    the DOT text of every diagram (when a diagram format is chosen)
//     6. quant       per scenario the quantitative propagation (method.md §9): p_goal, visit,
//                    sensitive steps (run on threads of its own beside 2 and 3, which it
//                    does not read, and before the tables and diagrams, which show it)
//     7. zones       the zones-and-conduits overview (report/zones_conduits.h), before the
//                    tables and diagrams, which show it
//   documents(assessment)  the files of the report folder, by name, each with its writer
//
// The command line (src/cli/cmd_analyze.cc) parses options, loads the inputs, calls these two,
// writes the folder atomically and maps the outcome to an exit code.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attacktree/summary.h"
#include "attacktree/tree.h"
#include "core/result.h"
#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"
#include "report/tables.h"
#include "report/zones_conduits.h"
#include "risk/analysis.h"
#include "risk/results.h"

namespace icsrisk::assessment {

/// The output formats of a report folder (design.md "Formats").
enum class Format : std::uint8_t { kHtml, kXlsx, kCsv, kMd, kJson, kDot, kSvg, kPng };

/// Their names on the command line, indexed by Format.
inline constexpr std::array<std::string_view, 8> kFormatNames = {"html", "xlsx", "csv", "md",
                                                                 "json", "dot",  "svg", "png"};

/// A set of formats.
class Formats {
 public:
  /// The default selection: every format but png.
  static Formats defaults();
  /// Parses a comma-separated list of format names; an unknown name or an empty selection is an
  /// error whose message names the known formats.
  static core::Result<Formats> parse(std::string_view list);

  bool has(Format f) const { return (bits_ & bit(f)) != 0; }
  void add(Format f) { bits_ |= bit(f); }
  bool empty() const { return bits_ == 0; }
  /// Whether any table format (csv, md, xlsx, html) is chosen.
  bool tables() const;
  /// Whether any format needs diagrams laid out by Graphviz (svg, png, html).
  bool images() const;

 private:
  static std::uint16_t bit(Format f) {
    return static_cast<std::uint16_t>(1u << static_cast<int>(f));
  }
  std::uint16_t bits_ = 0;
};

/// An analyst's attack tree for one scenario (`icsrisk analyze --trees DIR`), used instead of
/// the generated tree in the scenario's diagram, in report.html and in results.json ("tree").
struct AnalystTree {
  std::string scenario;  ///< the scenario's id
  std::string file;      ///< the file's name without its folder, as the reports show it
  attacktree::Tree tree;
};

struct Options {
  risk::AnalysisOptions analysis;
  model::Lang lang = model::Lang::kJa;
  Formats formats = Formats::defaults();
  /// The analyst's trees, at most one per scenario; scenarios without one get a generated tree.
  std::vector<AnalystTree> trees;
};

/// The attack tree used for one scenario, the IPA level of each of its nodes (for the diagram)
/// and its values at the root.
struct ScenarioTree {
  std::string scenario;  ///< the scenario's id
  attacktree::Tree tree;
  std::vector<std::optional<double>> levels;
  attacktree::TreeFigures figures;
};

struct Assessment;

/// One diagram of the report: a file stem under diagrams/ and its DOT text.
struct Diagram {
  std::string stem;  ///< "zones", "system", "dataflow", "tree-<id>", "routes-<id>", "heat-<id>", …
  std::string dot;   ///< empty when not made (not drawn, see `make_dot`; or no dot format)
  bool render = true;  ///< small enough to lay out (kRenderAssetLimit, kRenderTreeNodeLimit)
  /// A diagram that is not drawn (render false) and goes to the dot format only has no `dot`:
  /// this makes its text when its .dot file is written, so that a large plant's DOT texts
  /// (100,000 assets: the system and data-flow views, 34 and 57 MB) are never held together
  /// (issue 14 item 5). Empty when the diagram is not written as DOT.
  std::function<std::string(const Assessment&)> make_dot = {};
  std::optional<std::string> svg;  ///< the SVG once laid out (documents() fills it)
  std::optional<std::string> png;  ///< the PNG of the same layout, when the png format is chosen
  /// When not empty, the DOT laid out for the images instead of `dot` (which the .dot file keeps
  /// whole): a drawing over kRenderElementBudget is replaced by a note saying what is left out.
  std::string layout_dot;
};

/// Above this many assets the views of the whole configuration (system, data flow) are written
/// as DOT only: Graphviz's layout grows faster than linearly and a plant of that size is
/// unreadable as one drawing anyway. The routes views then show only the part of the plant the
/// routes touch (report::RoutesDiagramOptions::focus) and are drawn; attack trees are drawn
/// whatever the plant's size, up to kRenderTreeNodeLimit nodes (an analyst's may be larger).
inline constexpr std::size_t kRenderAssetLimit = 1500;
inline constexpr std::size_t kRenderTreeNodeLimit = 2000;

/// Whether `m` is over kRenderAssetLimit (its routes views are then focused).
inline bool too_large_to_draw(const model::Model& m) {
  return m.assets.size() > kRenderAssetLimit;
}

/// The outcome of assess(): every result of the run, and what the documents are made from.
struct Assessment {
  const model::Model* model = nullptr;
  const model::Profile* profile = nullptr;
  Options options;
  risk::Results results;            ///< the two analyses and their summary
  std::vector<ScenarioTree> trees;  ///< per scenario, in results order (when needed)
  /// The report's tables as row sources (when a table format is chosen): the four tables, then
  /// `extra_tables`. Made by documents(), not by assess(): a source reads `results` where it
  /// finally lives (the Assessment is returned by value), and makes its rows as they are written.
  std::optional<report::ReportSource> tables;
  std::vector<Diagram> diagrams;            ///< system, dataflow, tree-*, routes-* (when needed)
  std::vector<quant::ScenarioQuant> quant;  ///< per scenario, in results order (method.md §9)
  /// Small tables shown after the four (the countermeasure ranking of a plant-sized model), held
  /// whole (when a table format is chosen).
  std::vector<report::Table> extra_tables;
  /// The zones-and-conduits overview, per zone (issue 14): the "zones" diagram, the
  /// "zones-conduits" table and results.json's "zones_conduits".
  report::ZonesConduits zones;

  /// The diagram with this stem, or nullptr.
  const Diagram* diagram(std::string_view stem) const;
  /// The tree used for scenario `id`, or nullptr.
  const ScenarioTree* tree(std::string_view scenario) const;
};

/// Runs an assessment of a linked, error-free model (the passes listed at the top of this
/// file). The model and the profile must outlive the result. Linear in the model size plus the
/// bounded route listing; no Graphviz layout happens here (see documents()).
Assessment assess(const model::Model& model, const model::Profile& profile, Options options);

}  // namespace icsrisk::assessment
