#pragma once
// The files of a report folder (design.md "Reports", "Formats"): which file each format
// selection writes, and writing them into a (temporary) folder.

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "attacktree/tree.h"
#include "core/result.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::cli {

/// Above this many assets the views of the whole configuration (system, data flow) are written
/// as DOT only: Graphviz's layout grows faster than linearly and a plant of that size is
/// unreadable as one drawing anyway. The routes views then show only the part of the plant the
/// routes touch (report::RoutesDiagramOptions::focus) and are drawn; attack trees are drawn
/// whatever the plant's size, up to kRenderTreeNodeLimit nodes (an analyst's may be larger).
inline constexpr std::size_t kRenderAssetLimit = 1500;
inline constexpr std::size_t kRenderTreeNodeLimit = 2000;

/// Whether `m` is over kRenderAssetLimit (routes views are then focused).
inline bool too_large_to_draw(const model::Model& m) {
  return m.assets.size() > kRenderAssetLimit;
}

/// Progress messages (for a terminal); may be empty.
using Progress = std::function<void(const std::string&)>;

/// An analyst's attack tree for one scenario (`icsrisk analyze --trees DIR`), used instead of
/// the generated tree in the scenario's diagram, in report.html and in results.json ("tree").
struct AnalystTree {
  std::string file;  ///< the file's name without its folder, as the reports show it
  attacktree::Tree tree;
};

/// Per entry of Results::scenario_risks: the analyst's tree, or nullopt (the tree is generated
/// from the analysis). Shorter than the scenario list (e.g. empty): the rest are generated.
using AnalystTrees = std::vector<std::optional<AnalystTree>>;

/// Writes every selected format ("html", "xlsx", "csv", "md", "json", "dot", "svg", "png")
/// into `dir`: results.json, the four CSV tables, report.md, icsrisk.xlsx, report.html, and
/// under diagrams/ the system, data-flow and per-scenario attack-tree diagrams as .dot, .svg,
/// .png. Each scenario's attack tree is the analyst's (`trees`) or else generated; its step
/// levels are the model's (risk/scenario_steps.h). The scenario risks stay the analysis'
/// values: a tree refines the explanation and adds the quantitative domains. An I/O or
/// rendering failure stops the run with an error.
core::Status write_report_files(const std::filesystem::path& dir,
                                const std::set<std::string>& formats, const model::Model& m,
                                const model::Profile& p, const risk::Results& results,
                                model::Lang lang, const Progress& progress,
                                const AnalystTrees& trees = {});

}  // namespace icsrisk::cli
