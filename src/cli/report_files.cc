#include "cli/report_files.h"

#include <fstream>

#include <fmt/format.h>

#include "attacktree/evaluate.h"
#include "attacktree/generate.h"
#include "cli/io.h"
#include "report/csv.h"
#include "report/diagram.h"
#include "report/html.h"
#include "report/json.h"
#include "report/markdown.h"
#include "report/render.h"
#include "report/tables.h"
#include "report/tree_diagram.h"
#include "report/xlsx.h"

namespace icsrisk::cli {

namespace fs = std::filesystem;

namespace {

/// One diagram: a file stem under diagrams/ and its DOT text.
struct Diagram {
  std::string stem;
  std::string dot;
};

std::vector<Diagram> diagrams_of(const model::Model& m, const model::Profile& p,
                                 const risk::Results& results, model::Lang lang) {
  std::vector<Diagram> out;
  report::DiagramOptions o;
  o.lang = lang;
  out.push_back({"system", report::diagram_dot(report::View::kSystem, m, p, o)});
  out.push_back({"dataflow", report::diagram_dot(report::View::kDataflow, m, p, o)});
  report::TreeDiagramOptions to;
  to.lang = lang;
  for (const risk::ScenarioRisk& s : results.scenario_risks) {
    attacktree::Tree tree = attacktree::tree_of_scenario(m, p, s);
    attacktree::EvalContext ctx;
    ctx.profile = &p;
    auto levels = attacktree::evaluate_nodes(tree, attacktree::Domain::kIpa, ctx);
    const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
    out.push_back({"tree-" + sc.id, report::tree_dot(tree, levels, &p, to)});
  }
  return out;
}

}  // namespace

core::Status write_report_files(const fs::path& dir, const std::set<std::string>& formats,
                                const model::Model& m, const model::Profile& p,
                                const risk::Results& results, model::Lang lang,
                                const Progress& progress) {
  auto say = [&](const std::string& s) {
    if (progress) progress(s);
  };
  auto put = [&](const fs::path& path, const std::string& data) {
    return write_file_atomic(path.string(), data);
  };
  auto wants = [&](const char* f) { return formats.count(f) > 0; };

  if (wants("json")) {
    say("results.json");
    // Streamed: a large model's results run to hundreds of megabytes.
    fs::path path = dir / "results.json";
    std::ofstream out(path, std::ios::binary);
    report::JsonSink sink = [&](std::string_view chunk) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    };
    if (out) report::write_results_json(m, p, results, sink);
    out.flush();
    if (!out) return core::Error{fmt::format("cannot write '{}'", path.string())};
  }

  const bool tables = wants("csv") || wants("md") || wants("xlsx") || wants("html");
  report::Report rep;
  if (tables) rep = report::build_report(m, p, results, lang);
  if (wants("csv")) {
    say("CSV");
    for (const report::Table& t : rep.tables)
      if (auto s = put(dir / (t.id + ".csv"), report::to_csv(t)); !s) return s;
  }
  if (wants("md")) {
    say("report.md");
    if (auto s = put(dir / "report.md", report::to_markdown(rep, m, p, results)); !s) return s;
  }
  if (wants("xlsx")) {
    say("icsrisk.xlsx");
    if (auto s = report::write_xlsx(rep, (dir / "icsrisk.xlsx").string()); !s) return s;
  }

  const bool render = m.assets.size() <= kRenderAssetLimit;
  const bool images = render && (wants("svg") || wants("png") || wants("html"));
  if (!wants("dot") && !images) return core::Ok{};
  std::vector<Diagram> diagrams = diagrams_of(m, p, results, lang);
  std::vector<std::string> svgs(diagrams.size());
  if (wants("dot") || (render && (wants("svg") || wants("png")))) {
    std::error_code ec;
    fs::create_directories(dir / "diagrams", ec);
    if (ec) return core::Error{fmt::format("cannot create '{}': {}", (dir / "diagrams").string(), ec.message())};
  }
  for (std::size_t i = 0; i < diagrams.size(); ++i) {
    const Diagram& d = diagrams[i];
    fs::path base = dir / "diagrams" / d.stem;
    if (wants("dot"))
      if (auto s = put(base.string() + ".dot", d.dot); !s) return s;
    if (!images) continue;
    say("diagram " + d.stem);
    auto svg = report::render_dot(d.dot, report::ImageFormat::kSvg);
    if (!svg) return core::Error{fmt::format("cannot render {}: {}", d.stem, svg.error().message)};
    svgs[i] = std::move(*svg);
    if (wants("svg"))
      if (auto s = put(base.string() + ".svg", svgs[i]); !s) return s;
    if (wants("png")) {
      auto png = report::render_dot(d.dot, report::ImageFormat::kPng);
      if (!png) return core::Error{fmt::format("cannot render {}: {}", d.stem, png.error().message)};
      if (auto s = put(base.string() + ".png", *png); !s) return s;
    }
  }

  if (wants("html")) {
    say("report.html");
    report::HtmlDiagrams hd;
    if (render) {
      hd.system_svg = svgs[0];
      hd.dataflow_svg = svgs[1];
      hd.scenario_tree_svgs.assign(svgs.begin() + 2, svgs.end());
    }
    if (auto s = put(dir / "report.html", report::html_report(m, p, results, rep, hd)); !s) return s;
  }
  return core::Ok{};
}

}  // namespace icsrisk::cli
