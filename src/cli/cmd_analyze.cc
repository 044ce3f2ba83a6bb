// icsrisk analyze MODEL|--example [-o DIR] [--format …] [--lang ja|en] [--profile FILE]
//                 [--routes K] [--max-hops H] [--trees DIR] [--fail-on A|B|C|D]
//
// Parses the options, loads the inputs, runs the assessment (src/assessment/assessment.h),
// writes the report folder atomically and maps the outcome to an exit code.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "assessment/assessment.h"
#include "assessment/documents.h"
#include "attacktree/loader.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/report_folder.h"
#include "core/source.h"
#include "core/text.h"
#include "report/summary.h"
#include "report/words.h"

namespace icsrisk::cli {

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string model;
  bool example = false;  ///< --example: the bundled example plant instead of MODEL
  std::string out;
  std::optional<std::string> formats;  ///< nullopt: assessment::Formats::defaults()
  model::Lang lang = model::Lang::kJa;
  std::string profile;
  std::size_t routes = 20;
  std::size_t max_hops = 10;
  std::string trees;
  std::string fail_on;
};

/// The analyst's trees of `dir` (design.md: "icsrisk analyze uses a tree file for a scenario
/// when one is given, else generates the tree"): for each scenario in model order,
/// DIR/<scenario id>.xml, else DIR/at-<scenario id>.xml, checked against the model and the
/// profile; its `scenario` attribute must name that scenario. Problems go to the diagnostics.
std::vector<assessment::AnalystTree> load_analyst_trees(Inputs& in, const std::string& dir,
                                                        const model::Model& m,
                                                        const model::Profile& p) {
  std::vector<assessment::AnalystTree> out;
  attacktree::LoadContext context{&p, &m};
  for (const model::Impact& impact : m.impacts)
    for (const model::Scenario& sc : impact.scenarios) {
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
        if (t) out.push_back({std::string(sc.id), name, std::move(*t)});
        break;
      }
    }
  return out;
}

/// Writes every document of `a` into the report folder `dir` (built beside it, then swapped in).
int write_folder(assessment::Assessment& a, const fs::path& dir) {
  const bool progress = isatty(STDERR_FILENO);  // progress lines only where a person watches
  core::Status s = write_report_folder(dir, [&](const fs::path& tmp) -> core::Status {
    for (const assessment::Document& doc : assessment::documents(a)) {
      if (progress) std::fprintf(stderr, "icsrisk: writing %s\n", doc.name.c_str());
      fs::path path = tmp / doc.name;
      std::error_code ec;
      fs::create_directories(path.parent_path(), ec);
      if (ec)
        return core::Error{
            fmt::format("cannot create '{}': {}", path.parent_path().string(), ec.message())};
      if (core::Status w = doc.write(path); !w) return w;
    }
    return core::Ok{};
  });
  if (!s) return fail(kExitIo, s.error().message);
  return kExitOk;
}

/// --fail-on: exit 1 when any current risk is at the threshold or worse.
int fail_on_policy(const risk::Results& results, const std::string& fail_on) {
  if (fail_on.empty()) return kExitOk;
  const model::Risk threshold = *model::risk_of_letter(fail_on[0]);  // checked by CLI11
  bool reached = false;
  for (const risk::AssetRiskRow& r : results.asset_risks)
    reached = reached || at_least(r.risk, threshold);
  for (const risk::ScenarioRisk& sr : results.scenario_risks)
    reached = reached || (sr.risk && at_least(*sr.risk, threshold));
  if (!reached) return kExitOk;
  std::fprintf(stderr, "icsrisk: a risk at %c or worse was found (--fail-on %c)\n", fail_on[0],
               fail_on[0]);
  return kExitFailOn;
}

/// Runs the analysis and writes the report folder; returns the exit code.
int run(const Options& o) {
  // An empty MODEL (say, an unset variable in a CI script) must not analyse the example plant.
  if (o.model.empty() && !o.example)
    return fail(kExitUsage,
                "analyze needs a MODEL file, or --example to analyse the bundled example plant");
  core::Result<assessment::Formats> formats =
      o.formats ? assessment::Formats::parse(*o.formats) : assessment::Formats::defaults();
  if (!formats) return fail(kExitUsage, formats.error().message);
  Inputs in;
  if (!in.load_profile(o.profile)) return in.report();
  std::optional<model::Model> m = in.load_model(o.model);
  assessment::Options options;
  if (m && !o.trees.empty() && !in.diags().has_errors())
    options.trees = load_analyst_trees(in, o.trees, *m, *in.profile());
  if (int rc = in.report(); rc != kExitOk) return rc;
  if (!m) return kExitInvalid;

  options.analysis.max_routes = o.routes;
  options.analysis.max_hops = o.max_hops;
  options.lang = o.lang;
  options.formats = *formats;
  if (isatty(STDERR_FILENO)) std::fputs("icsrisk: analysing\n", stderr);
  assessment::Assessment a = assessment::assess(*m, *in.profile(), std::move(options));

  // Ids may be "." or ".." ([A-Za-z0-9_.:-]+): never let one name a folder outside reports/.
  const std::string stem(m->id == "." || m->id == ".." ? "model" : m->id);
  fs::path dir = o.out.empty() ? fs::path("reports") / stem : fs::path(o.out);
  if (!dir.has_filename()) dir = dir.parent_path();  // "out/" names the folder "out"
  if (int rc = write_folder(a, dir); rc != kExitOk) return rc;

  std::string summary = report::summary_text(*m, *in.profile(), a.results, o.lang);
  summary += fmt::format("{}: {}\n", report::words(o.lang).written_to, dir.string());
  std::fputs(core::terminal_text(summary).c_str(), stdout);
  return fail_on_policy(a.results, o.fail_on);
}

}  // namespace

Runner add_analyze(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "analyze", "Run both analyses and write the report folder (MODEL, or --example)");
  CLI::Option* model = sub->add_option("MODEL", o->model, "model file");
  sub->add_flag("--example", o->example, "analyse the bundled example plant (no MODEL)")
      ->excludes(model);
  sub->add_option("-o,--output", o->out, "output folder (default: reports/<model id>/)");
  std::string names;
  for (std::string_view f : assessment::kFormatNames)
    names += fmt::format("{}{}", names.empty() ? "" : ",", f);
  sub->add_option("--format", o->formats,
                  fmt::format("comma-separated formats: {} (default: all but png)", names));
  add_lang_option(sub, o->lang, "report language");
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
