#include "cli/report_files.h"

#include <algorithm>

#include <fstream>

#include <fmt/format.h>

#include "attacktree/evaluate.h"
#include "attacktree/generate.h"
#include "attacktree/summary.h"
#include "cli/io.h"
#include "report/csv.h"
#include "report/diagram.h"
#include "report/html.h"
#include "report/json.h"
#include "report/markdown.h"
#include "report/render.h"
#include "report/routes_diagram.h"
#include "report/tables.h"
#include "report/tree_diagram.h"
#include "report/xlsx.h"
#include "risk/scenario_steps.h"

namespace icsrisk::cli {

namespace fs = std::filesystem;

namespace {

/// One diagram: a file stem under diagrams/ and its DOT text.
struct Diagram {
  std::string stem;
  std::string dot;     ///< empty when not wanted (a configuration view too large to draw)
  bool render = true;  ///< small enough to lay out (kRenderAssetLimit, kRenderTreeNodeLimit)
};

/// The attack tree used for each scenario (the analyst's or generated), the IPA level of each
/// of its nodes (for the diagram) and its values at the root.
struct ScenarioTrees {
  std::vector<attacktree::Tree> trees;
  std::vector<std::vector<std::optional<double>>> levels;
  std::vector<attacktree::TreeFigures> figures;
};

ScenarioTrees scenario_trees(const model::Model& m, const model::Profile& p,
                             const risk::Results& results, const AnalystTrees& analyst) {
  ScenarioTrees out;
  risk::StepLevels step_levels(m, p);
  for (std::size_t i = 0; i < results.scenario_risks.size(); ++i) {
    const risk::ScenarioRisk& s = results.scenario_risks[i];
    const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
    const AnalystTree* a = i < analyst.size() && analyst[i] ? &*analyst[i] : nullptr;
    attacktree::Tree tree = a ? a->tree : attacktree::tree_of_scenario(m, p, s);
    attacktree::EvalContext ctx;
    ctx.profile = &p;
    ctx.step_level = attacktree::model_step_levels(step_levels, std::string(sc.id));
    out.levels.push_back(attacktree::evaluate_nodes(tree, attacktree::Domain::kIpa, ctx));
    attacktree::TreeFigures f = attacktree::tree_figures(tree, ctx);
    f.source = a ? "analyst" : "generated";
    if (a) f.file = a->file;
    out.figures.push_back(std::move(f));
    out.trees.push_back(std::move(tree));
  }
  return out;
}

/// The line printed with a scenario's tree in report.html.
std::string tree_note(const attacktree::TreeFigures& f, model::Lang lang) {
  using attacktree::Domain;
  const bool ja = lang == model::Lang::kJa;
  auto value = [&](Domain d, const std::optional<double>& v) {
    return v ? attacktree::format_value(d, *v) : std::string("n/a");
  };
  std::string source =
      f.source == "analyst"
          ? fmt::format(fmt::runtime(ja ? "分析者のツリー {} ({})" : "analyst's tree {} ({})"),
                        f.file, f.id)
          : fmt::format(fmt::runtime(ja ? "モデルから生成 ({})" : "generated from the model ({})"),
                        f.id);
  std::string ipa = f.ipa_level ? fmt::format("{}", *f.ipa_level) : std::string("n/a");
  std::string prob = value(Domain::kProbability, f.probability);
  if (f.probability_naive && (!f.probability || *f.probability != *f.probability_naive))
    prob += fmt::format(fmt::runtime(ja ? " (単純計算 {})" : " (naive {})"),
                        value(Domain::kProbability, f.probability_naive));
  std::string text = fmt::format(
      fmt::runtime(
          ja ? "{} — 対策レベル {} · 成功確率 {} · 最小コスト {} · 最小時間 {} · 最小スキル {}"
             : "{} — IPA countermeasure level {} · probability {} · cost {} · time {} · skill {}"),
      source, ipa, prob, value(Domain::kCost, f.cost), value(Domain::kTime, f.time),
      value(Domain::kSkill, f.skill));
  if (f.source == "analyst")
    text += ja ? "。シナリオのリスク値はモデルの分析による値です。"
               : ". The scenario risk is the analysis' value from the model.";
  return text;
}

/// Every diagram of the report, in the order system, data flow, one tree per scenario, one
/// routes view per scenario. The views of the whole configuration are drawn up to
/// kRenderAssetLimit assets; above it their DOT is made only when `dot` asks for the files,
/// and the routes views show only what the routes touch.
std::vector<Diagram> diagrams_of(const model::Model& m, const model::Profile& p,
                                 const risk::Results& results, const ScenarioTrees& trees,
                                 model::Lang lang, bool dot) {
  const bool draw_configuration = !too_large_to_draw(m);
  const bool configuration = dot || draw_configuration;
  std::vector<Diagram> out;
  report::DiagramOptions o;
  o.lang = lang;
  auto view = [&](const char* stem, report::View v) {
    out.push_back({stem, configuration ? report::diagram_dot(v, m, p, o) : std::string(),
                   draw_configuration});
  };
  view("system", report::View::kSystem);
  view("dataflow", report::View::kDataflow);
  report::TreeDiagramOptions to;
  to.lang = lang;
  for (std::size_t i = 0; i < results.scenario_risks.size(); ++i) {
    const risk::ScenarioRisk& s = results.scenario_risks[i];
    const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
    out.push_back({fmt::format("tree-{}", sc.id),
                   report::tree_dot(trees.trees[i], trees.levels[i], &p, to),
                   trees.trees[i].nodes.size() <= kRenderTreeNodeLimit});
  }
  // The routes over a plant too large to draw: over the part of it they touch (always drawn).
  report::RoutesDiagramOptions ro;
  ro.diagram.lang = lang;
  ro.focus = !draw_configuration;
  for (const risk::ScenarioRisk& s : results.scenario_risks) {
    const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
    out.push_back({fmt::format("routes-{}", sc.id), report::routes_dot(m, p, s, ro), true});
  }
  return out;
}

}  // namespace

core::Status write_report_files(const fs::path& dir, const std::set<std::string>& formats,
                                const model::Model& m, const model::Profile& p,
                                const risk::Results& results, model::Lang lang,
                                const Progress& progress, const AnalystTrees& analyst) {
  auto say = [&](const std::string& s) {
    if (progress) progress(s);
  };
  auto put = [&](const fs::path& path, const std::string& data) {
    return write_file_atomic(path.string(), data);
  };
  auto wants = [&](const char* f) { return formats.count(f) > 0; };
  // Laid out by Graphviz (as SVG) for the svg and png files and the HTML report.
  const bool images = wants("svg") || wants("png") || wants("html");
  ScenarioTrees trees;
  if (wants("json") || wants("dot") || images) trees = scenario_trees(m, p, results, analyst);

  if (wants("json")) {
    say("results.json");
    // Streamed: a large model's results run to hundreds of megabytes.
    fs::path path = dir / "results.json";
    std::ofstream out(path, std::ios::binary);
    report::JsonSink sink = [&](std::string_view chunk) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    };
    if (out) report::write_results_json(m, p, results, sink, &trees.figures);
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

  std::vector<Diagram> diagrams;
  if (wants("dot") || images) diagrams = diagrams_of(m, p, results, trees, lang, wants("dot"));
  std::vector<std::string> svgs(diagrams.size());
  const bool drawn =
      std::any_of(diagrams.begin(), diagrams.end(), [](const Diagram& d) { return d.render; });
  if ((wants("dot") && !diagrams.empty()) || ((wants("svg") || wants("png")) && drawn)) {
    std::error_code ec;
    fs::create_directories(dir / "diagrams", ec);
    if (ec)
      return core::Error{
          fmt::format("cannot create '{}': {}", (dir / "diagrams").string(), ec.message())};
  }
  for (std::size_t i = 0; i < diagrams.size(); ++i) {
    const Diagram& d = diagrams[i];
    fs::path base = dir / "diagrams" / d.stem;
    if (wants("dot"))
      if (auto s = put(base.string() + ".dot", d.dot); !s) return s;
    if (!images || !d.render) continue;
    say("diagram " + d.stem);
    auto svg = report::render_dot(d.dot, report::ImageFormat::kSvg);
    if (!svg) return core::Error{fmt::format("cannot render {}: {}", d.stem, svg.error().message)};
    svgs[i] = std::move(*svg);
    if (wants("svg"))
      if (auto s = put(base.string() + ".svg", svgs[i]); !s) return s;
    if (wants("png")) {
      auto png = report::render_dot(d.dot, report::ImageFormat::kPng);
      if (!png)
        return core::Error{fmt::format("cannot render {}: {}", d.stem, png.error().message)};
      if (auto s = put(base.string() + ".png", *png); !s) return s;
    }
  }

  if (wants("html")) {
    say("report.html");
    // Layout of `svgs` (diagrams_of): system, dataflow, one tree per scenario, one routes view
    // per scenario; a diagram not drawn is empty, and the report says so.
    report::HtmlDiagrams hd;
    hd.system_svg = svgs[0];
    hd.dataflow_svg = svgs[1];
    const auto scenarios = static_cast<std::ptrdiff_t>(results.scenario_risks.size());
    hd.scenario_tree_svgs.assign(svgs.begin() + 2, svgs.begin() + 2 + scenarios);
    hd.scenario_route_svgs.assign(svgs.begin() + 2 + scenarios, svgs.end());
    for (const attacktree::TreeFigures& f : trees.figures)
      hd.scenario_tree_notes.push_back(tree_note(f, lang));
    if (auto s = put(dir / "report.html", report::html_report(m, p, results, rep, hd)); !s)
      return s;
  }
  return core::Ok{};
}

}  // namespace icsrisk::cli
