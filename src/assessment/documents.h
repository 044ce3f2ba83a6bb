#pragma once
// The files of a report folder (design.md "Reports", "Formats"): which file each chosen format
// writes, by name, each with the writer of its content.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "core/result.h"

namespace icsrisk::assessment {

/// One file of the report folder.
struct Document {
  std::string name;  ///< its path inside the folder: "results.json", "diagrams/system.svg", …
  /// Writes the file at `path` (the caller's choice: a temporary folder, then renamed). An I/O
  /// or rendering (Graphviz) failure is an error.
  std::function<core::Status(const std::filesystem::path& path)> write;
  /// Reads the assessment only and shares no state with the other documents, so that it may be
  /// written in a process of its own beside them (write_documents()): the XLSX workbook, the
  /// slowest writer of a large report (libxlsxwriter's XML and compression).
  bool beside = false;
};

/// The documents of `a`'s formats, in writing order: results.json; the four CSV tables;
/// report.md; icsrisk.xlsx; per diagram its .dot, .svg, .png under diagrams/; report.html last
/// (it inlines the diagrams). The diagrams are laid out together, each once, in worker processes
/// on every core, when the first image (or the HTML) is written, and kept in `a` for the others,
/// so `a` must outlive the documents and they must be written in this order. A diagram Graphviz
/// cannot lay out (an error, or Graphviz aborting) gets a note saying so as its images. A diagram
/// that is not drawn (too large) has no .svg/.png, and the HTML says so. Writing every document
/// gives byte-identical files for the same inputs. With a table format it makes `a.tables`, the row
/// sources the table documents read while they are written; a second call makes them anew, after
/// which an earlier call's documents are stale.
std::vector<Document> documents(Assessment& a);

/// Writes `docs` into the folder `dir` (which exists), creating the folders their names need
/// with `make_folders(dir, relative folder)`, and calls `on_write(name)` before each. On a
/// machine with two cores or more, the documents marked `beside` are written in a child process
/// forked for them while this process writes the others; the files are the same bytes as when
/// written one after another. Returns the first failure (this process's first); a child killed
/// by a signal is an Error naming it. The child dies with this process.
core::Status write_documents(
    const std::vector<Document>& docs, const std::filesystem::path& dir,
    const std::function<core::Status(const std::filesystem::path&, const std::filesystem::path&)>&
        make_folders,
    const std::function<void(const std::string&)>& on_write);

/// The line shown with a scenario's attack tree in report.html: where the tree comes from and
/// its values at the root, in the report language.
std::string tree_note(const attacktree::TreeFigures& f, model::Lang lang);

}  // namespace icsrisk::assessment
