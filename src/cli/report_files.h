#pragma once
// The files of a report folder (design.md "Reports", "Formats"): which file each format
// selection writes, and writing them into a (temporary) folder.

#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "core/result.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::cli {

/// Above this many assets the diagrams are written as DOT only: Graphviz's layout grows
/// faster than linearly and a plant of that size is unreadable as one drawing anyway.
inline constexpr std::size_t kRenderAssetLimit = 1500;

/// Progress messages (for a terminal); may be empty.
using Progress = std::function<void(const std::string&)>;

/// Writes every selected format ("html", "xlsx", "csv", "md", "json", "dot", "svg", "png")
/// into `dir`: results.json, the four CSV tables, report.md, icsrisk.xlsx, report.html, and
/// under diagrams/ the system, data-flow and per-scenario attack-tree diagrams as .dot, .svg,
/// .png. An I/O or rendering failure stops the run with an error.
core::Status write_report_files(const std::filesystem::path& dir,
                                const std::set<std::string>& formats, const model::Model& m,
                                const model::Profile& p, const risk::Results& results,
                                model::Lang lang, const Progress& progress);

}  // namespace icsrisk::cli
