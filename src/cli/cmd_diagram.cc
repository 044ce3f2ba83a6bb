// icsrisk diagram MODEL [--view system|dataflow|routes|zones] [-o FILE.dot|.svg|.png|.pdf]
//                 [--profile FILE] [--lang ja|en] [--scenario ID] [--routes K]

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "assessment/assessment.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"
#include "report/diagram.h"
#include "report/render.h"
#include "report/render_pool.h"
#include "report/routes_diagram.h"
#include "report/zones_diagram.h"
#include "risk/analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"

namespace icsrisk::cli {
namespace {

struct Options {
  std::string model;
  std::string view = "system";
  std::string output;
  std::string profile;
  model::Lang lang = model::Lang::kJa;
  std::string scenario;
  std::size_t routes = 5;
};

/// Writes `data` to `path`, creating its parent folders first.
int write_output(const std::string& path, const std::string& data) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec)
      return fail(kExitIo, fmt::format("cannot create '{}': {}", parent.string(), ec.message()));
  }
  core::Status st = write_file_atomic(path, data);
  if (!st) return fail(kExitIo, st.error().message);
  return kExitOk;
}

/// The routes view of --scenario, or nothing (after a message) when the model has no such
/// scenario.
std::optional<std::string> routes_text(const model::Model& m, const model::Profile& p,
                                       const Options& o, const report::DiagramOptions& diagram) {
  std::vector<std::string_view> ids = report::scenario_ids(m);
  if (std::find(ids.begin(), ids.end(), o.scenario) == ids.end()) {
    std::string hint = core::closest_match(o.scenario, ids);
    std::string known;
    for (std::string_view id : ids)
      known += fmt::format("{}{}", known.empty() ? "" : ", ", id);
    std::string help = !hint.empty() ? fmt::format("; did you mean '{}'?", hint)
                       : ids.empty() ? std::string(" (the model has no scenarios)")
                                     : fmt::format(" (known: {})", known);
    fail(kExitUsage, fmt::format("unknown scenario '{}'{}", o.scenario, help));
    return std::nullopt;
  }
  risk::AnalysisOptions analysis;
  analysis.max_routes = o.routes;
  // Only the scenario rows are drawn: the asset-based sheet is not computed.
  const std::vector<risk::ScenarioRisk> scenarios =
      risk::analyze_scenarios(m, p, risk::Coverage(m, p), analysis);
  report::RoutesDiagramOptions options;
  options.diagram = diagram;
  options.max_routes = o.routes;
  options.focus = assessment::too_large_to_draw(m);  // as in the report folder
  const risk::ScenarioRisk* row = report::find_scenario_risk(m, scenarios, o.scenario);
  // The analysis has a row for every scenario of a valid model.
  if (!row) return std::nullopt;
  return report::routes_dot(m, p, *row, options);
}

int run(const Options& o) {
  // The output format is known before any work, so a bad -o is a usage error, not a late one.
  std::optional<report::ImageFormat> image;
  bool dot_out = o.output.empty();
  if (!o.output.empty()) {
    std::string ext = std::filesystem::path(o.output).extension().string();
    image = report::image_format_of(ext);
    dot_out = ext == ".dot" || ext == ".gv";
    if (!image && !dot_out) {
      return fail(kExitUsage, fmt::format("cannot tell the format of '{}': use .dot, .svg, .png "
                                          "or .pdf",
                                          o.output));
    }
  }
  bool routes_view = o.view == "routes";
  if (routes_view && o.scenario.empty()) {
    return fail(kExitUsage, "--view routes needs --scenario ID");
  }
  report::View view = report::View::kSystem;
  report::parse_view(o.view, view);  // CLI11 has checked the value

  Inputs in;
  std::optional<model::Model> m;
  if (in.load_profile(o.profile)) m = in.load_model(o.model);
  int rc = in.report();
  if (rc != kExitOk) return rc;
  if (!m) return kExitInvalid;

  report::DiagramOptions options;
  options.lang = o.lang;
  std::string text;
  if (routes_view) {
    std::optional<std::string> dot = routes_text(*m, *in.profile(), o, options);
    if (!dot) return kExitUsage;
    text = std::move(*dot);
  } else if (o.view == "zones") {
    text = report::zones_dot(
        *m, report::zones_conduits(*m, *in.profile(), nullptr, report::diagram_grouping(*m)),
        o.lang);
  } else {
    text = report::diagram_dot(view, *m, *in.profile(), options);
  }
  if (o.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  if (dot_out) return write_output(o.output, text);
  core::Result<std::string> rendered = report::render_dot_isolated(text, *image);
  if (!rendered) return fail(kExitIo, rendered.error().message);
  return write_output(o.output, *rendered);
}

}  // namespace

Runner add_diagram(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "diagram", "Draw the system configuration, the data flows or attack routes");
  sub->add_option("MODEL", o->model, "model file")->required();
  sub->add_option("--view", o->view,
                  "system (default), dataflow, routes (the worst routes of --scenario), or "
                  "zones (zones and conduits)")
      ->check(CLI::IsMember({"system", "dataflow", "routes", "zones"}));
  sub->add_option("--scenario", o->scenario, "scenario id, for --view routes");
  sub->add_option("--routes", o->routes, "routes drawn by --view routes (default 5)")
      ->check(CLI::Range(1, 1000));
  sub->add_option("-o,--output", o->output,
                  "output file: .dot, .svg, .png or .pdf (default: DOT on standard output)");
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  add_lang_option(sub, o->lang, "language of legend and type names: ja (default) or en");
  return [o]() { return run(*o); };
}

}  // namespace icsrisk::cli
