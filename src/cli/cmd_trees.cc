// icsrisk trees generate MODEL -o DIR [--profile FILE]
// icsrisk trees eval TREE... [--model MODEL] [--profile FILE] [--domain ipa,probability,…]
//                    [--exact-budget NODES,SECONDS] [--rank probability,cost,time] [--top K]
//                    [--format text|json|csv] [--planned] [--rank-measures probability|cost]
// icsrisk trees diagram TREE -o FILE.dot|.svg|.png|.pdf [--model MODEL] [--profile FILE]
//                       [--lang ja|en] [--values ipa|probability|cost|time|skill]
// icsrisk trees import adtool … / trees export adtool …: cmd_trees_adtool.cc

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "attacktree/defence.h"
#include "attacktree/generate.h"
#include "attacktree/loader.h"
#include "attacktree/summary.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"
#include "report/render.h"
#include "report/render_pool.h"
#include "report/tree_diagram.h"
#include "report/tree_eval_output.h"
#include "risk/analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"
#include "risk/scenario_steps.h"

namespace icsrisk::cli {

namespace {

struct Options {
  std::string model;
  std::string profile;
  std::string out_dir;
  std::vector<std::string> trees;
  std::vector<std::string> domains;
  std::string output;
  model::Lang lang = model::Lang::kJa;
  std::vector<double> exact_budget;  ///< nodes, seconds
  std::vector<std::string> rank;
  std::size_t top = 10;
  std::string format = "text";
  std::string values;  ///< trees diagram --values DOMAIN
  bool planned = false;
  std::string rank_measures;
};

/// The exact analysis's budgets from --exact-budget NODES,SECONDS, or nullopt (with a message
/// printed) when they are out of range.
std::optional<attacktree::BddOptions> bdd_options(const Options& o) {
  attacktree::BddOptions b;
  if (o.exact_budget.empty()) return b;
  double nodes = o.exact_budget[0], seconds = o.exact_budget[1];
  if (!(nodes >= 10000 && nodes <= 1e9 && nodes == std::floor(nodes)) ||
      !(seconds > 0 && seconds <= 1e6)) {
    fail(kExitUsage,
         "--exact-budget takes NODES,SECONDS: a whole number of nodes from 10000 to 1000000000 and "
         "seconds above 0 (at most 1000000)");
    return std::nullopt;
  }
  b.max_bdd_nodes = b.max_set_nodes = static_cast<std::size_t>(nodes);
  b.max_seconds = seconds;
  return b;
}

/// --rank and --top into `b`; false (with a message printed) on a bad value.
bool add_ranking(const Options& o, attacktree::BddOptions& b) {
  for (const std::string& name : o.rank) {
    if (name == "probability")
      b.rank.push_back(attacktree::Rank::kProbability);
    else if (name == "cost")
      b.rank.push_back(attacktree::Rank::kCost);
    else if (name == "time")
      b.rank.push_back(attacktree::Rank::kTime);
    else if (name == "pareto")
      b.rank.push_back(attacktree::Rank::kPareto);
    else {
      fail(kExitUsage,
           fmt::format("unknown ranking '{}' (use probability, cost, time, pareto)", name));
      return false;
    }
  }
  if (o.top < 1 || o.top > 100000) {
    fail(kExitUsage, "--top must be from 1 to 100000");
    return false;
  }
  b.top = o.top;
  return true;
}

int run_generate(const Options& o) {
  Inputs in;
  const model::Profile* profile = in.load_profile(o.profile);
  std::optional<model::Model> m;
  if (profile) m = in.load_model(o.model);
  int rc = in.report();
  if (rc != kExitOk || !m || !profile) return rc != kExitOk ? rc : kExitInvalid;
  // Trees come from the scenario rows only: the asset-based sheet is not computed.
  const std::vector<risk::ScenarioRisk> scenarios =
      risk::analyze_scenarios(*m, *profile, risk::Coverage(*m, *profile));
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  if (ec) {
    return fail(kExitIo, fmt::format("cannot create '{}': {}", o.out_dir, ec.message()));
  }
  for (const risk::ScenarioRisk& s : scenarios) {
    attacktree::Tree t = attacktree::tree_of_scenario(*m, *profile, s);
    std::string path = (std::filesystem::path(o.out_dir) / (t.scenario + ".xml")).string();
    core::Status st = write_file_atomic(path, attacktree::write_tree(t, profile));
    if (!st) {
      return fail(kExitIo, st.error().message);
    }
    std::printf("wrote %s\n", path.c_str());
  }
  return kExitOk;
}

struct Loaded {
  Inputs in;
  std::optional<model::Model> model;
  std::optional<risk::StepLevels> levels;  ///< the model's step levels (method.md §7)
  std::vector<attacktree::Tree> trees;
  attacktree::EvalContext ctx;

  /// The evaluation context of one tree: with a model, its steps take the model's levels,
  /// within the tree's scenario.
  attacktree::EvalContext context_of(const attacktree::Tree& t) const {
    attacktree::EvalContext c = ctx;
    if (levels)
      c.step_level = attacktree::model_step_levels(*levels, t.scenario, ctx.include_planned);
    return c;
  }
};

/// Loads the profile, the model (when given) and every tree; prints the diagnostics.
int load_trees(const Options& o, Loaded& l) {
  const model::Profile* profile = l.in.load_profile(o.profile);
  if (profile && !o.model.empty()) l.model = l.in.load_model(o.model);
  bool model_ok = o.model.empty() || (l.model && !l.in.diags().has_errors());
  if (profile && model_ok) {
    attacktree::LoadContext context{profile, l.model ? &*l.model : nullptr};
    for (const std::string& path : o.trees) {
      auto file = l.in.add_file(path);
      if (!file) continue;
      if (auto t = attacktree::load_tree(**file, l.in.diags(), context))
        l.trees.push_back(std::move(*t));
    }
  }
  int rc = l.in.report();
  if (rc != kExitOk) return rc;
  l.ctx.profile = profile;
  if (l.model) l.levels.emplace(*l.model, *profile);
  return kExitOk;
}

/// --values D: every node's value in domain D, and the optimal attack in D highlighted (for
/// probability, cost and time), both explained in the title.
void diagram_values(const attacktree::Tree& tree, attacktree::Domain d,
                    const attacktree::EvalContext& ctx, report::TreeDiagramOptions& options) {
  using attacktree::Domain;
  std::optional<attacktree::Tree> defended;  // the effects of implemented measures in force
  if (attacktree::has_effects(tree)) defended = attacktree::with_measures_in_force(tree, false);
  const attacktree::Tree& t = defended ? *defended : tree;
  options.values = attacktree::evaluate_nodes(t, d, ctx);
  options.value_name = attacktree::domain_name(d);
  attacktree::TreeEvaluation e = attacktree::evaluate_tree(t, {d}, ctx);
  const attacktree::Figure& f = e.figures.front();
  options.values_exact = e.shared == 0 || d == Domain::kSkill || d == Domain::kIpa ||
                         (d == Domain::kTime && f.exactness.exact);
  if (d == Domain::kSkill || d == Domain::kIpa) return;
  attacktree::BddOptions b;
  b.rank = {d == Domain::kProbability ? attacktree::Rank::kProbability
            : d == Domain::kCost      ? attacktree::Rank::kCost
                                      : attacktree::Rank::kTime};
  b.top = 1;
  core::Result<attacktree::BddAnalysis> r = attacktree::analyze_bdd(t, b);
  if (!r || r->ranked.empty() || r->ranked.front().sets.empty()) return;
  const attacktree::AttackSet& best = r->ranked.front().sets.front();
  std::vector<std::size_t> events;
  for (const std::string& id : best.events)
    events.push_back(t.find(id));
  options.highlight = attacktree::attack_nodes(t, events);
}

int run_diagram(const Options& o) {
  std::string ext = std::filesystem::path(o.output).extension().string();
  std::optional<report::ImageFormat> image = report::image_format_of(ext);
  if (!image && ext != ".dot" && ext != ".gv") {
    return fail(
        kExitUsage,
        fmt::format("cannot tell the format of '{}': use .dot, .svg, .png or .pdf", o.output));
  }
  if (!o.values.empty() && !attacktree::parse_domain(o.values)) {
    return fail(kExitUsage, "--values must be ipa, probability, cost, time or skill");
  }
  Loaded l;
  int rc = load_trees(o, l);
  if (rc != kExitOk) return rc;
  const attacktree::Tree& t = l.trees.front();
  report::TreeDiagramOptions options;
  options.lang = o.lang;
  options.countermeasures = true;
  if (l.model) options.model = &*l.model;
  if (!o.values.empty())
    diagram_values(t, *attacktree::parse_domain(o.values), l.context_of(t), options);
  std::string text =
      report::tree_dot(t, attacktree::evaluate_nodes(t, attacktree::Domain::kIpa, l.context_of(t)),
                       l.ctx.profile, options);
  if (image) {
    core::Result<std::string> rendered = report::render_dot_isolated(text, *image);
    if (!rendered) {
      return fail(kExitIo, rendered.error().message);
    }
    text = std::move(*rendered);
  }
  core::Status st = write_file_atomic(o.output, text);
  if (!st) {
    return fail(kExitIo, st.error().message);
  }
  return kExitOk;
}

int run_eval(const Options& o) {
  std::vector<attacktree::Domain> domains;
  for (const std::string& name : o.domains) {
    std::optional<attacktree::Domain> d = attacktree::parse_domain(name);
    if (!d) {
      return fail(
          kExitUsage,
          fmt::format("unknown domain '{}' (use ipa, probability, cost, time, skill)", name));
    }
    domains.push_back(*d);
  }
  if (domains.empty())
    domains.assign(std::begin(attacktree::kAllDomains), std::end(attacktree::kAllDomains));
  std::optional<attacktree::BddOptions> budget = bdd_options(o);
  if (!budget || !add_ranking(o, *budget)) return kExitUsage;
  if (o.format != "text" && o.format != "json" && o.format != "csv") {
    return fail(kExitUsage, "--format must be text, json or csv");
  }
  if (!o.rank_measures.empty() && o.rank_measures != "probability" && o.rank_measures != "cost") {
    return fail(kExitUsage, "--rank-measures must be probability or cost");
  }
  if (o.format == "csv" && o.rank.empty()) {
    return fail(kExitUsage, "--format csv writes the ranked attack sets: give --rank");
  }
  Loaded l;
  int rc = load_trees(o, l);
  if (rc != kExitOk) return rc;
  l.ctx.include_planned = o.planned;
  std::vector<attacktree::Tree> defended;  // the trees with their measures' effects in force
  defended.reserve(l.trees.size());
  std::vector<report::EvaluatedTree> evaluated;
  for (const attacktree::Tree& t : l.trees) {
    const attacktree::Tree* in_force = &t;
    if (attacktree::has_effects(t))
      in_force = &defended.emplace_back(attacktree::with_measures_in_force(t, o.planned));
    report::EvaluatedTree e{
        in_force, attacktree::evaluate_tree(*in_force, domains, l.context_of(t), *budget)};
    if (!o.rank_measures.empty()) {
      e.measures_domain = *attacktree::parse_domain(o.rank_measures);
      e.measures = attacktree::rank_measures(t, e.measures_domain, o.planned, l.context_of(t),
                                             *budget, &e.measures_stopped);
    }
    evaluated.push_back(std::move(e));
  }
  std::string out;
  if (o.format == "json") {
    out = report::evaluation_json(evaluated);
  } else if (o.format == "csv") {
    out = report::ranked_sets_csv(evaluated);
  } else {
    for (const report::EvaluatedTree& e : evaluated) {
      if (!out.empty()) out += "\n";
      out += attacktree::render_evaluation(*e.tree, e.evaluation);
      out += attacktree::render_measures(e.measures_domain, e.measures, e.measures_stopped);
    }
  }
  out = core::terminal_text(out);  // tree names are the analyst's text
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Runner add_trees(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub =
      app.add_subcommand("trees", "Attack trees: generate editable files, evaluate them");
  sub->require_subcommand(1);
  CLI::App* gen = sub->add_subcommand("generate", "Write one attack-tree file per scenario");
  gen->add_option("MODEL", o->model, "model file")->required();
  gen->add_option("-o,--output", o->out_dir, "output folder")->required();
  gen->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  CLI::App* eval =
      sub->add_subcommand("eval", "Evaluate attack trees in the domains of method.md §8");
  eval->add_option("TREE", o->trees, "attack-tree files")->required();
  eval->add_option("--model", o->model, "model the steps refer to (their IPA level comes from it)");
  eval->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  eval->add_option("--domain", o->domains, "domains: ipa,probability,cost,time,skill (default all)")
      ->delimiter(',');
  eval->add_option("--exact-budget", o->exact_budget,
                   "budget of the exact analysis: NODES,SECONDS (default 4000000,10)")
      ->delimiter(',')
      ->expected(2);
  eval->add_option(
          "--rank", o->rank,
          "rank the minimal attack sets: probability,cost,time,pareto (each its best --top)")
      ->delimiter(',');
  eval->add_option("--top", o->top, "how many sets each ranking lists (default 10)");
  eval->add_flag("--planned", o->planned,
                 "evaluate with the planned countermeasures in force too (IPA level, effects)");
  eval->add_option("--rank-measures", o->rank_measures,
                   "rank the countermeasures by what each is worth: probability or cost");
  eval->add_option("--format", o->format,
                   "text (default), json (every figure), or csv (the ranked sets; needs --rank)");
  CLI::App* diagram = sub->add_subcommand("diagram", "Draw an attack tree (DOT, SVG, PNG or PDF)");
  diagram->add_option("TREE", o->trees, "attack-tree file")->required()->expected(1);
  diagram->add_option("-o,--output", o->output, "FILE.dot, .svg, .png or .pdf")->required();
  diagram->add_option("--model", o->model,
                      "model the steps refer to (their IPA level comes from it)");
  diagram->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  add_lang_option(diagram, o->lang, "ja or en (method names)");
  diagram->add_option("--values", o->values,
                      "print every node's value in this domain and highlight the best attack");
  TreesInterchange adtool = add_trees_adtool(sub);
  return [o, gen, diagram, adtool]() {
    if (adtool.import_adtool->parsed() || adtool.export_adtool->parsed()) return adtool.run();
    if (gen->parsed()) return run_generate(*o);
    return diagram->parsed() ? run_diagram(*o) : run_eval(*o);
  };
}

}  // namespace icsrisk::cli
