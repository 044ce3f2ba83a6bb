// icsrisk plan [MODEL] [--profile P] [--target C] [--scope scenarios|all] [-o plan.json]
//              [--emit-model OUT.xml] [--lang ja|en] [--top N] [--max-evaluations N]
//
// Loads the inputs, ranks every candidate placement by its what-if effect, finds the minimal
// plan (src/plan/), prints the table and writes plan.json and the emitted model atomically.

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"
#include "model/loader.h"
#include "plan/emit.h"
#include "plan/minimal.h"
#include "report/plan_output.h"

namespace icsrisk::cli {

namespace {

struct Options {
  std::string model;
  std::string profile;
  std::string target = "C";
  std::string scope = "scenarios";
  std::string out;
  std::string emit;
  model::Lang lang = model::Lang::kJa;
  std::size_t top = 20;
  std::size_t max_evaluations = 20000;
};

/// The model file's original text (the loaded model keeps only the parsed buffer).
core::Result<std::string> model_text(const std::string& path) {
  if (path.empty()) return model::builtin_example_file().text();
  return read_file(path);
}

int write_outputs(const Options& o, const report::PlanOutput& out, const model::Model& m,
                  const model::Profile& p) {
  std::optional<std::string> emitted;
  if (!o.emit.empty()) {
    core::Result<std::string> text = model_text(o.model);
    if (!text) return fail(kExitIo, text.error().message);
    core::Result<std::string> e = plan::emit_model(*text, m, p, out.plan.placements);
    if (!e) return fail(kExitInternal, e.error().message);
    emitted = std::move(*e);
  }
  if (!o.out.empty())
    if (core::Status s = write_file_atomic(o.out, report::plan_json(out)); !s)
      return fail(kExitIo, s.error().message);
  if (emitted)
    if (core::Status s = write_file_atomic(o.emit, *emitted); !s)
      return fail(kExitIo, s.error().message);
  return kExitOk;
}

int run(const Options& o) {
  Inputs in;
  if (!in.load_profile(o.profile)) return in.report();
  std::optional<model::Model> m = in.load_model(o.model);
  if (int rc = in.report(); rc != kExitOk) return rc;
  if (!m) return kExitInvalid;
  const model::Profile& p = *in.profile();

  const risk::Context context(*m, p);
  const plan::WhatIf whatif(context);
  std::vector<plan::Candidate> candidates = plan::candidates(*m, p);
  report::PlanOutput out;
  out.whatif = &whatif;
  out.candidates = candidates.size();
  out.options.target = *model::risk_of_letter(o.target[0]);  // checked by CLI11
  out.options.scope = o.scope == "all" ? plan::Scope::kAll : plan::Scope::kScenarios;
  out.options.max_evaluations = o.max_evaluations;
  out.ranking = plan::rank(whatif, candidates);
  out.plan = plan::minimal_plan(whatif, candidates, out.options);

  if (int rc = write_outputs(o, out, *m, p); rc != kExitOk) return rc;
  std::fputs(core::terminal_text(report::plan_text(out, o.lang, o.top)).c_str(), stdout);
  return kExitOk;
}

}  // namespace

Runner add_plan(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "plan",
      "Rank countermeasure placements by their effect and find the cheapest plan that "
      "brings the risks to a target");
  sub->add_option("MODEL", o->model, "model file (default: the bundled example plant)");
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  sub->add_option("--target", o->target, "target risk of the plan (default C)")
      ->check(CLI::IsMember({"A", "B", "C", "D", "E"}));
  sub->add_option("--scope", o->scope,
                  "scenarios (default): every scenario meets the target; all: asset-based rows "
                  "too")
      ->check(CLI::IsMember({"scenarios", "all"}));
  sub->add_option("-o,--output", o->out, "write plan.json here");
  sub->add_option("--emit-model", o->emit,
                  "write the model with the plan's placements added as status=\"planned\"");
  add_lang_option(sub, o->lang, "language of the table");
  sub->add_option("--top", o->top, "ranked placements shown (default 20)")
      ->check(CLI::Range(0, 100000));
  sub->add_option("--max-evaluations", o->max_evaluations,
                  "what-if evaluations before the plan search stops (default 20000)")
      ->check(CLI::Range(1, 100000000));
  return [o]() { return run(*o); };
}

}  // namespace icsrisk::cli
