#pragma once
// report.md: the summary and every table, as GitHub-flavoured Markdown.

#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "report/tables.h"
#include "risk/results.h"

namespace icsrisk::report {

/// The whole report: title, profile line, summary (counts, highest rows, scenarios ranked),
/// then each table with a one-row header (grouped columns as "group / name"). LF endings.
std::string to_markdown(const Report& report, const model::Model& model,
                        const model::Profile& profile, const risk::Results& results);

/// The same text as to_markdown, made row by row from the sources and handed to `sink` in
/// pieces: a million-row report is never held whole.
void write_markdown(const ReportSource& report, const model::Model& model,
                    const model::Profile& profile, const risk::Results& results,
                    const TextSink& sink);

/// Model text made inert inside a Markdown table cell or heading: `|`, backslash, backticks and
/// the emphasis/link characters are backslash-escaped; `<`, `>` and `&` become entities; a
/// leading `#`, `-`, `+` or digit-dot loses its block meaning; newlines become `<br>`.
std::string markdown_escape(std::string_view text);

}  // namespace icsrisk::report
