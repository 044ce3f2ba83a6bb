// The passes of one assessment run (see assessment.h).

#include "assessment/assessment.h"

#include <fmt/format.h>

#include <future>

#include "attacktree/evaluate.h"
#include "attacktree/generate.h"
#include "attacktree/ranking.h"
#include "core/text.h"
#include "plan/floors.h"
#include "plan/whatif.h"
#include "report/aggregate_diagram.h"
#include "report/diagram.h"
#include "report/diagram_budget.h"
#include "report/heat_map.h"
#include "report/plan_table.h"
#include "report/quant_tables.h"
#include "report/render.h"
#include "report/routes_diagram.h"
#include "report/tree_diagram.h"
#include "report/words.h"
#include "report/zones_diagram.h"
#include "risk/scenario_steps.h"

namespace icsrisk::assessment {

Formats Formats::defaults() {
  Formats f;
  for (std::size_t i = 0; i < kFormatNames.size(); ++i)
    if (static_cast<Format>(i) != Format::kPng) f.add(static_cast<Format>(i));
  return f;
}

core::Result<Formats> Formats::parse(std::string_view list) {
  Formats out;
  std::string known;
  for (std::string_view name : kFormatNames)
    known += fmt::format("{}{}", known.empty() ? "" : ", ", name);
  std::string text(list);
  for (char& c : text)
    if (c == ',') c = ' ';
  for (std::string_view name : core::split_ws(text)) {
    std::size_t i = 0;
    while (i < kFormatNames.size() && kFormatNames[i] != name)
      ++i;
    if (i == kFormatNames.size())
      return core::Error{fmt::format("unknown format '{}' (known: {})", name, known)};
    out.add(static_cast<Format>(i));
  }
  if (out.empty()) return core::Error{"--format selects no format"};
  return out;
}

bool Formats::tables() const {
  return has(Format::kCsv) || has(Format::kMd) || has(Format::kXlsx) || has(Format::kHtml);
}

bool Formats::images() const {
  return has(Format::kSvg) || has(Format::kPng) || has(Format::kHtml);
}

const Diagram* Assessment::diagram(std::string_view stem) const {
  for (const Diagram& d : diagrams)
    if (d.stem == stem) return &d;
  return nullptr;
}

const ScenarioTree* Assessment::tree(std::string_view scenario) const {
  for (const ScenarioTree& t : trees)
    if (t.scenario == scenario) return &t;
  return nullptr;
}

namespace {

const model::Scenario& scenario_of(const model::Model& m, const risk::ScenarioRisk& s) {
  return m.impacts[s.impact].scenarios[s.scenario];
}

/// Pass 3: per scenario the analyst's tree or one generated from its listed routes, evaluated
/// with the model's step levels of the run's own context (method.md §7, §8).
std::vector<ScenarioTree> scenario_trees(const risk::Context& context, const risk::Results& r,
                                         const std::vector<AnalystTree>& analyst) {
  const model::Model& m = context.model();
  const model::Profile& p = context.profile();
  risk::StepLevels step_levels(m, p, context.coverage(), context.topology());
  std::vector<ScenarioTree> out;
  for (const risk::ScenarioRisk& s : r.scenario_risks) {
    const std::string id(scenario_of(m, s).id);
    const AnalystTree* a = nullptr;
    for (const AnalystTree& t : analyst)
      if (t.scenario == id) a = &t;
    ScenarioTree st{id, a ? a->tree : attacktree::tree_of_scenario(m, p, s), {}, {}};
    attacktree::EvalContext ctx;
    ctx.profile = &p;
    ctx.step_level = attacktree::model_step_levels(step_levels, id);
    st.levels = attacktree::evaluate_nodes(st.tree, attacktree::Domain::kIpa, ctx);
    st.figures = attacktree::tree_figures(st.tree, ctx);
    st.figures.source = a ? "analyst" : "generated";
    if (a) st.figures.file = a->file;
    out.push_back(std::move(st));
  }
  return out;
}

/// The nodes of a generated tree's first route "r1" (the route that attains the scenario risk,
/// attacktree::tree_of_scenario) and the gates it satisfies; empty without that route.
std::vector<bool> attaining_route(const attacktree::Tree& t) {
  std::size_t r1 = t.find("r1");
  if (r1 == model::kNone) return {};
  return attacktree::attack_nodes(t, t.nodes[r1].children);
}

/// Pass 5: every diagram of the report, in the order zones and conduits, system, data flow, one
/// tree per scenario, one routes view per scenario, one heat map per scenario. The views of the
/// whole configuration and the heat maps are drawn up to kRenderAssetLimit assets; above it the
/// views' DOT is made only for the dot format and the heat maps are not made asset by asset,
/// aggregated views ("system-aggregated", "dataflow-aggregated", "heat-<id>-aggregated") are
/// drawn instead, and the routes views show only what the routes touch.
std::vector<Diagram> diagrams_of(const Assessment& a) {
  const model::Model& m = *a.model;
  const model::Profile& p = *a.profile;
  const model::Lang lang = a.options.lang;
  const bool draw_configuration = !too_large_to_draw(m);
  const bool configuration = a.options.formats.has(Format::kDot) || draw_configuration;
  std::vector<Diagram> out;
  // The zones-and-conduits overview first (issue 14): bounded in size, so drawn for any plant.
  if (report::diagram_grouping(m) == report::ZoneGrouping::kZone) {
    out.push_back({"zones", report::zones_dot(m, a.zones, lang), true});
  } else {
    const report::ZonesConduits levels =
        report::zones_conduits(m, p, nullptr, report::ZoneGrouping::kPurdue);
    out.push_back({"zones", report::zones_dot(m, levels, lang), true});
  }
  report::DiagramOptions o;
  o.lang = lang;
  auto view = [&](const char* stem, report::View v) {
    if (draw_configuration) {
      out.push_back({stem, report::diagram_dot(v, m, p, o)});
    } else {
      Diagram d{stem, {}, false};
      if (configuration)  // made when its .dot file is written (Diagram::make_dot)
        d.make_dot = [v, o](const Assessment& x) {
          return report::diagram_dot(v, *x.model, *x.profile, o);
        };
      out.push_back(std::move(d));
    }
  };
  view("system", report::View::kSystem);
  view("dataflow", report::View::kDataflow);
  if (!draw_configuration) {  // every plant gets pictures: aggregated per zone and network
    out.push_back({"system-aggregated", report::aggregate_dot(report::View::kSystem, m, p, lang)});
    out.push_back(
        {"dataflow-aggregated", report::aggregate_dot(report::View::kDataflow, m, p, lang)});
  }
  for (const ScenarioTree& t : a.trees) {
    report::TreeDiagramOptions to;
    to.lang = lang;
    to.model = &m;
    to.measures_in_labels = true;
    if (t.figures.source == "generated") {
      to.highlight = attaining_route(t.tree);
      to.highlight_note = report::words(lang).tree.attaining_route;
    }
    out.push_back({fmt::format("tree-{}", t.scenario), report::tree_dot(t.tree, t.levels, &p, to),
                   t.tree.nodes.size() <= kRenderTreeNodeLimit});
  }
  report::RoutesDiagramOptions ro;
  ro.diagram.lang = lang;
  ro.focus = !draw_configuration;
  for (const risk::ScenarioRisk& s : a.results.scenario_risks)
    out.push_back(
        {fmt::format("routes-{}", scenario_of(m, s).id), report::routes_dot(m, p, s, ro), true});
  // The heat maps (method.md §9): one per scenario, after the routes views; drawn asset by asset
  // only when the whole configuration is (an attack spreads over most of a large plant), else
  // over the groups of the aggregated view. A large plant's asset-by-asset heat map is not
  // written even as DOT: it is system.dot with each asset's visit, which results.json holds,
  // and on the 100,000-asset plant its ten files were 730 MB and 5 s that no one could draw.
  for (std::size_t i = 0; i < a.quant.size() && i < a.results.scenario_risks.size(); ++i) {
    const model::Scenario& sc = scenario_of(m, a.results.scenario_risks[i]);
    std::string stem = fmt::format("heat-{}", sc.id);
    if (draw_configuration) {
      out.push_back({std::move(stem), report::heat_map_dot(m, p, sc, a.quant[i], o)});
    } else {
      out.push_back({fmt::format("heat-{}-aggregated", sc.id),
                     report::aggregate_heat_dot(m, p, sc, a.quant[i], lang)});
    }
  }
  return out;
}

/// Pass 5b: the size budget of every drawing (issue 13 item 11). A diagram to be drawn whose
/// DOT is over report::kRenderElementBudget nodes plus edges gets a note in its images instead;
/// its .dot file keeps it whole. A DOT text that does not parse is left for the renderer to
/// report.
void apply_budget(std::vector<Diagram>& diagrams, model::Lang lang) {
  for (Diagram& d : diagrams) {
    if (!d.render || d.dot.empty()) continue;
    auto elements = report::dot_elements(d.dot);
    if (!elements || report::within_budget(*elements)) continue;
    d.layout_dot = report::budget_note_dot(d.stem, *elements, report::kRenderElementBudget, lang);
  }
}

}  // namespace

Assessment assess(const model::Model& model, const model::Profile& profile, Options options) {
  Assessment a;
  a.model = &model;
  a.profile = &profile;
  a.options = std::move(options);
  const Formats& formats = a.options.formats;
  const bool diagrams = formats.has(Format::kDot) || formats.images();

  const risk::Context context(model, profile);  // 1. context
  // 6. quant, on threads of its own while 2 and 3 run on this one: it reads only the model,
  // the profile and the context, and its results do not depend on how its threads are scheduled
  std::future<std::vector<quant::ScenarioQuant>> quant = std::async(std::launch::async, [&] {
    return quant::analyze_quant(model, profile, context.coverage(), context.topology());
  });
  a.results = risk::analyze(context, a.options.analysis);  // 2. analyses
  plan::attach_floors(context, a.results);                 // 2b. floors (issue 10 item 5)
  if (formats.has(Format::kJson) || diagrams)              // 3. trees
    a.trees = scenario_trees(context, a.results, a.options.trees);
  a.quant = quant.get();
  a.zones = report::zones_conduits(model, profile, &context.topology());  // 7. zones, conduits
  // 4. tables: the countermeasure ranking of a plant-sized model and the zones and conduits
  // (the four IPA tables are made row by row as documents() writes them)
  if (formats.tables() &&
      model.assets.size() + model.flows.size() <= report::kPlanTableModelLimit) {
    const plan::WhatIf whatif(context);
    a.extra_tables.push_back(report::plan_table(
        whatif, plan::rank(whatif, plan::candidates(model, profile)), a.options.lang));
  }
  if (formats.tables()) {
    a.extra_tables.push_back(report::zones_conduits_table(model, profile, a.zones, a.options.lang));
  }
  if (diagrams) a.diagrams = diagrams_of(a);  // 5. diagrams
  if (formats.images()) apply_budget(a.diagrams, a.options.lang);
  return a;
}

}  // namespace icsrisk::assessment
