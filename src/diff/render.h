#pragma once
// The outputs of `icsrisk diff`: plain text (the terminal), Markdown, a self-contained HTML
// page and JSON, all views of one Comparison. Model text is escaped for each format (HTML
// entities, Markdown escapes, JSON string escapes); the text view is escaped for the terminal
// by the CLI, as every terminal output is.

#include <string>

#include "diff/compare.h"
#include "model/profile.h"

namespace icsrisk::diff {

/// What the outputs say about the two inputs.
struct DiffLabels {
  std::string before;  ///< how the older input is named (its file name as given)
  std::string after;
  model::Lang lang = model::Lang::kJa;
};

/// The comparison as aligned text tables: a title, the two inputs, one section per part
/// (model changes — only when models were compared —, asset rows, scenarios) and the verdict
/// (whether a risk got worse). Deterministic, LF endings.
std::string diff_text(const Comparison& c, const DiffLabels& labels);

/// The same as GitHub-flavoured Markdown (cells through report::markdown_escape).
std::string diff_markdown(const Comparison& c, const DiffLabels& labels);

/// The same as one self-contained HTML page (no script, no external resource).
std::string diff_html(const Comparison& c, const DiffLabels& labels);

/// The comparison as JSON (README "icsrisk diff" lists the keys): 2-space indentation, keys
/// in a fixed order, absent values as null. Ids and risks only, so it does not depend on the
/// language.
std::string diff_json(const Comparison& c, const DiffLabels& labels);

}  // namespace icsrisk::diff
