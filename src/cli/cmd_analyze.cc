// icsrisk analyze [MODEL] [-o DIR] [--format …] [--lang ja|en] [--profile FILE] [--routes K]
//                 [--max-hops H] [--trees DIR] [--fail-on A|B|C|D]

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include <sys/stat.h>
#include <unistd.h>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "attacktree/loader.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/report_files.h"
#include "cli/report_folder.h"
#include "core/source.h"
#include "core/text.h"
#include "report/summary.h"
#include "risk/analysis.h"

namespace icsrisk::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string model;
  std::string out;
  std::string formats = "html,xlsx,csv,md,json,dot,svg";
  std::string lang = "ja";
  std::string profile;
  std::size_t routes = 20;
  std::size_t max_hops = 10;
  std::string trees;
  std::string fail_on;
};

const std::set<std::string> kKnownFormats = {"html", "xlsx", "csv", "md",
                                             "json", "dot",  "svg", "png"};

/// The analyst's trees of `dir` (design.md: "icsrisk analyze uses a tree file for a scenario
/// when one is given, else generates the tree"): for each scenario in model order,
/// DIR/<scenario id>.xml, else DIR/at-<scenario id>.xml, checked against the model and the
/// profile; its `scenario` attribute must name that scenario. Problems go to the diagnostics.
AnalystTrees load_analyst_trees(Inputs& in, const std::string& dir, const model::Model& m,
                                const model::Profile& p) {
  AnalystTrees out;
  attacktree::LoadContext context{&p, &m};
  for (const model::Impact& impact : m.impacts)
    for (const model::Scenario& sc : impact.scenarios) {
      std::optional<AnalystTree> found;
      for (const std::string& name :
           {fmt::format("{}.xml", sc.id), fmt::format("at-{}.xml", sc.id)}) {
        std::error_code ec;
        fs::path path = fs::path(dir) / name;
        if (!fs::is_regular_file(path, ec)) continue;
        auto file = in.add_file(path.string());
        if (!file) break;
        std::optional<attacktree::Tree> t = attacktree::load_tree(**file, in.diags(), context);
        if (t && t->scenario != sc.id) {
          in.diags().error(
              t->scenario.empty() ? t->loc : core::attribute_loc(t->loc, "scenario"),
              t->scenario.empty()
                  ? fmt::format("this file is the tree of scenario '{}' (by its name), so its "
                                "<attack-tree> needs scenario=\"{}\"",
                                sc.id, sc.id)
                  : fmt::format("this tree is for scenario '{}', but its file name makes it the "
                                "tree of scenario '{}'",
                                t->scenario, sc.id));
          t.reset();
        }
        if (t) found = AnalystTree{name, std::move(*t)};
        break;
      }
      out.push_back(std::move(found));
    }
  return out;
}

/// Runs the analysis and writes the report folder; returns the exit code.
int run(const Options& o) {
  std::set<std::string> formats;
  {
    std::string list = o.formats;
    for (char& c : list)
      if (c == ',') c = ' ';
    for (std::string_view fv : core::split_ws(list)) {
      std::string f(fv);
      if (!kKnownFormats.count(f)) {
        std::fprintf(stderr,
                     "icsrisk analyze: unknown format '%s' (known: html, xlsx, csv, md, "
                     "json, dot, svg, png)\n",
                     f.c_str());
        return kExitUsage;
      }
      formats.insert(f);
    }
  }
  if (formats.empty()) {
    std::fprintf(stderr, "icsrisk analyze: --format selects no format\n");
    return kExitUsage;
  }
  Inputs in;
  if (!in.load_profile(o.profile)) return in.report();
  std::optional<model::Model> m = in.load_model(o.model);
  AnalystTrees trees;
  if (m && !o.trees.empty() && !in.diags().has_errors())
    trees = load_analyst_trees(in, o.trees, *m, *in.profile());
  int rc = in.report();
  if (rc != kExitOk) return rc;
  if (!m) return kExitInvalid;
  const model::Profile& p = *in.profile();
  const model::Lang lang = o.lang == "en" ? model::Lang::kEn : model::Lang::kJa;

  risk::AnalysisOptions options;
  options.max_routes = o.routes;
  options.max_hops = o.max_hops;
  if (isatty(STDERR_FILENO)) std::fputs("icsrisk: analysing\n", stderr);
  risk::Results results = risk::analyze(*m, p, options);

  // Ids may be "." or ".." ([A-Za-z0-9_.:-]+): never let one name a folder outside reports/.
  const std::string stem(m->id == "." || m->id == ".." ? "model" : m->id);
  fs::path dir = o.out.empty() ? fs::path("reports") / stem : fs::path(o.out);
  if (!dir.has_filename()) dir = dir.parent_path();  // "out/" names the folder "out"
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "icsrisk: error: %s\n", message.c_str());
    return static_cast<int>(kExitIo);
  };
  // Progress lines only where a person watches: a terminal on stderr.
  Progress progress;
  if (isatty(STDERR_FILENO))
    progress = [](const std::string& what) {
      std::fprintf(stderr, "icsrisk: writing %s\n", what.c_str());
    };
  core::Status s = write_report_folder(dir, [&](const fs::path& tmp) {
    return write_report_files(tmp, formats, *m, p, results, lang, progress, trees);
  });
  if (!s) return fail(s.error().message);

  std::string summary = report::summary_text(*m, p, results, lang);
  summary +=
      fmt::format("{}: {}\n", lang == model::Lang::kJa ? "出力先" : "written to", dir.string());
  std::fputs(core::terminal_text(summary).c_str(), stdout);

  if (!o.fail_on.empty()) {
    char threshold = o.fail_on[0];
    bool reached = false;
    for (const risk::AssetRiskRow& r : results.asset_risks)
      reached = reached || r.risk <= threshold;
    for (const risk::ScenarioRisk& sr : results.scenario_risks)
      reached = reached || (sr.risk && *sr.risk <= threshold);
    if (reached) {
      std::fprintf(stderr, "icsrisk: a risk at %c or worse was found (--fail-on %c)\n", threshold,
                   threshold);
      return kExitFailOn;
    }
  }
  return kExitOk;
}

}  // namespace

Runner add_analyze(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "analyze",
      "Run both analyses and write the report folder (the bundled example without MODEL)");
  sub->add_option("MODEL", o->model, "model file (default: the bundled example plant)");
  sub->add_option("-o,--output", o->out, "output folder (default: reports/<model id>/)");
  sub->add_option(
      "--format", o->formats,
      "comma-separated formats: html,xlsx,csv,md,json,dot,svg,png (default: all but png)");
  sub->add_option("--lang", o->lang, "report language")->check(CLI::IsMember({"ja", "en"}));
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  sub->add_option("--routes", o->routes, "routes listed per scenario (default 20)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--max-hops", o->max_hops, "hop bound of the listed routes (default 10)")
      ->check(CLI::Range(1, 1000));
  sub->add_option("--trees", o->trees,
                  "folder of attack-tree files: <scenario id>.xml (or at-<id>.xml) replaces that "
                  "scenario's generated tree")
      ->check(CLI::ExistingDirectory);
  sub->add_option("--fail-on", o->fail_on, "exit 1 when any risk is at this level or worse")
      ->check(CLI::IsMember({"A", "B", "C", "D"}));
  return [o]() { return run(*o); };
}

}  // namespace icsrisk::cli
