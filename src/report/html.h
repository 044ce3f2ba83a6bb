#pragma once
// The self-contained HTML assessment report (design.md "Reports"; issue 5): one file, no
// external resources, opens offline and prints to PDF from a browser.

#include <string>
#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "report/html_text.h"
#include "report/tables.h"
#include "risk/results.h"

namespace icsrisk::report {

/// Pre-rendered diagrams (SVG documents from report/render.h) for the report. Any may be empty:
/// the section then says the diagram is not available. Kept separate so the writer itself
/// never calls Graphviz and can be tested alone.
struct HtmlDiagrams {
  std::string system_svg;
  std::string dataflow_svg;
  /// One attack-tree diagram per entry of Results::scenario_risks (same order), or empty.
  std::vector<std::string> scenario_tree_svgs;
  /// One routes diagram (report/routes_diagram.h) per scenario, same order, or empty.
  std::vector<std::string> scenario_route_svgs;
  /// Optional, per entry of Results::scenario_risks: a line of plain text printed (escaped)
  /// with the scenario's attack tree — where the tree comes from and its values at the root.
  std::vector<std::string> scenario_tree_notes;
  /// Optional, per entry of Results::scenario_risks: the HTML of its quantitative propagation
  /// (report/html_quant.h), shown after its routes diagram.
  std::vector<std::string> scenario_quant_html;
  /// The report folder holds diagrams/<stem>.svg of every diagram shown: each links to it.
  bool svg_files = false;
  /// The zones-and-conduits overview (report/zones_diagram.h), the first diagram shown; its
  /// section is left out when empty and no other diagram is given (a writer test's report).
  std::string zones_svg;
  /// system_svg and dataflow_svg are the aggregated views (report/aggregate_diagram.h) of a plant
  /// too large to draw asset by asset: they link to diagrams/<view>-aggregated.svg.
  bool aggregated = false;
};

/// Rows of a table shown in the HTML report at most (a route's steps are never cut apart): a
/// browser cannot open the tables of a 100,000-asset model (750,000 rows, 370 MB). A longer
/// table shows its first rows and says how many there are and where the rest is (CSV, XLSX and
/// JSON outputs always have every row).
inline constexpr std::size_t kHtmlRowLimit = 10000;

/// Writes the report: an executive summary (report/html_exec.h), then a summary (risk counts A–E
/// per analysis as an inline SVG chart, the highest risks, the scenarios ranked, what the planned
/// countermeasures would change), then the diagrams, the four tables of `tables` (sortable and
/// filterable by a small inline script), and per scenario its attack tree and listed routes. Every
/// piece of model text is HTML-escaped; embedded SVG has its XML prolog removed. Deterministic (no
/// timestamps).
std::string html_report(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const Report& tables,
                        const HtmlDiagrams& diagrams);

/// The same report from the tables' row sources: each table's rows are made as it is written,
/// and no more of them than the report shows (kHtmlRowLimit and the span that it cuts).
std::string html_report(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const ReportSource& tables,
                        const HtmlDiagrams& diagrams);

}  // namespace icsrisk::report
