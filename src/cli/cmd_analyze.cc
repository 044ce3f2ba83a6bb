// icsrisk analyze MODEL|--example [-o DIR] [--format …] [--lang ja|en] [--profile FILE]
//                 [--routes K] [--max-hops H] [--trees DIR]
//                 [--fail-on [asset:|scenario:]A|B|C|D]... [--baseline results.json]
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
#include "diff/gate.h"
#include "diff/snapshot.h"
#include "report/summary.h"
#include "report/words.h"
#include "risk/route_checks.h"

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
  std::vector<std::string> fail_on;  ///< gate rules, each checked by diff::parse_gate_rule
  std::string baseline;
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
    return assessment::write_documents(
        assessment::documents(a), tmp, create_folders_inside, [progress](const std::string& name) {
          if (progress) std::fprintf(stderr, "icsrisk: writing %s\n", name.c_str());
        });
  });
  if (!s) return fail(kExitIo, s.error().message);
  return kExitOk;
}

/// The baseline of --baseline, read before anything is written; problems go to the
/// diagnostics. A baseline of another system is a warning: rows are matched by ids.
std::optional<diff::Snapshot> load_baseline(Inputs& in, const std::string& path,
                                            const model::Model* m) {
  if (path.empty()) return std::nullopt;
  auto file = in.add_file(path);
  if (!file) return std::nullopt;
  if (!diff::looks_like_json((*file)->text())) {
    in.diags().error({*file, 0}, "--baseline takes a results.json, and this is not JSON");
    return std::nullopt;
  }
  std::optional<diff::Snapshot> s = diff::read_results_json(**file, in.diags());
  if (s && m && s->system_id != m->id)
    in.diags().warning({*file, 0}, fmt::format("this baseline is of system '{}', the model is "
                                               "'{}': rows are matched by their ids",
                                               s->system_id, m->id));
  return s;
}

/// --fail-on (diff/gate.h): exit 1, naming the rows, when any rule trips.
int fail_on_policy(const model::Model& m, const model::Profile& p, const risk::Results& results,
                   const Options& o, const diff::Snapshot* baseline) {
  if (o.fail_on.empty()) return kExitOk;
  std::vector<diff::GateRule> rules;
  for (const std::string& text : o.fail_on)
    rules.push_back(*diff::parse_gate_rule(text));  // checked by CLI11
  const diff::Snapshot now = diff::snapshot_of(m, p, results);
  const std::vector<diff::GateHit> hits = diff::evaluate_gate(now, rules, baseline);
  if (hits.empty()) return kExitOk;
  const std::string message = diff::gate_message(now, rules, hits, baseline != nullptr);
  std::fputs(core::terminal_text("icsrisk: " + message).c_str(), stderr);
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
  // Bases no route can use and entry points that reach no target (warnings, with the reason).
  if (m && !in.diags().has_errors()) risk::report_route_problems(*m, *in.profile(), in.diags());
  const std::optional<diff::Snapshot> baseline = load_baseline(in, o.baseline, m ? &*m : nullptr);
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
  return fail_on_policy(*m, *in.profile(), a.results, o, baseline ? &*baseline : nullptr);
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
  CLI::Validator rule(
      [](std::string& text) {
        core::Result<diff::GateRule> r = diff::parse_gate_rule(text);
        return r ? std::string() : r.error().message;
      },
      "[asset:|scenario:]A|B|C|D");
  CLI::Option* fail_on =
      sub->add_option("--fail-on", o->fail_on,
                      "exit 1 when a risk is at this level or worse: B (any row or scenario), "
                      "asset:B (asset-based rows), scenario:B (scenarios); repeatable")
          ->expected(1)
          ->allow_extra_args(false)  // one rule per --fail-on: `--fail-on B model.xml` as before
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
          ->delimiter(',')
          ->check(rule);
  sub->add_option("--baseline", o->baseline,
                  "results.json of an earlier run: --fail-on trips only on rows new or worse "
                  "than there")
      ->needs(fail_on);
  return [o]() { return run(*o); };
}

}  // namespace icsrisk::cli
