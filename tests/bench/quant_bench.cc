// The quant stage (method.md §9) at scale: for the synthetic plants of 10,000 and 100,000
// assets (3 flows an asset, 10 scenarios, generator.h):
//   QuantStage/N   quant::analyze_quant over every scenario: the step graph, one sparse LU
//                  per scenario, the solves, the inverse diagonal and the sensitivities.
//   QuantStageCliques/N   the same without segment hubs (every segment a clique of steps in
//                  the matrix, as before the hubs), one iteration.
//   QuantStageModelPlant / AnalysesModelPlant   the stage on the bundled example plant, beside
//                  risk::analyze (both analyses) on the same context, for the "< 10 % added to
//                  analyze" target.
// Counters: peak_rss_MB (the whole process: model, context and the stage) and
// stage_rss_MB (how much the peak grew during the stage's first run).
// Target: QuantStage/100000 under 2 s and 500 MB.

#include <sys/resource.h>

#include <map>
#include <memory>

#include <benchmark/benchmark.h>

#include "core/diagnostics.h"
#include "core/source.h"
#include "generator.h"
#include "graph/topology.h"
#include "model/loader.h"
#include "model/validate.h"
#include "quant/chain.h"
#include "quant/quant.h"
#include "risk/analysis.h"
#include "risk/coverage.h"

namespace {

using namespace icsrisk;

struct Plant {
  std::unique_ptr<core::SourceFile> file;
  model::Profile profile;
  model::Model model;
  bool ok = false;
};

const Plant& plant(std::size_t assets) {
  static std::map<std::size_t, std::unique_ptr<Plant>> cache;
  auto it = cache.find(assets);
  if (it != cache.end()) return *it->second;
  auto p = std::make_unique<Plant>();
  bench::GeneratorOptions o;
  o.assets = assets;
  o.scenarios = 10;
  p->file = std::make_unique<core::SourceFile>("synthetic.xml", bench::generate_model(o).xml);
  core::Diagnostics d;
  p->profile = *model::load_profile(model::builtin_profile_file(), d);
  std::optional<model::Model> m = model::load_model(*p->file, d);
  if (m) {
    p->model = std::move(*m);
    model::link_model(p->model, p->profile, d);
    p->ok = !d.has_errors();
  }
  return *cache.emplace(assets, std::move(p)).first->second;
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // KiB on Linux
}

/// The stage with segment hubs for segments of at least `hub_min` destinations (quant/chain.h).
void quant_stage_with(benchmark::State& state, std::size_t hub_min) {
  const Plant& p = plant(static_cast<std::size_t>(state.range(0)));
  if (!p.ok) state.SkipWithError("the generated model has errors");
  risk::Coverage coverage(p.model, p.profile);
  graph::Topology topology(p.model, p.profile);
  const double before = peak_rss_mb();
  double growth = -1, reached = 0, p_goal = 0;
  for (auto _ : state) {
    std::vector<quant::ScenarioQuant> q =
        quant::detail::analyze_quant(p.model, p.profile, coverage, topology, hub_min);
    if (growth < 0) growth = peak_rss_mb() - before;
    reached = p_goal = 0;
    for (const quant::ScenarioQuant& s : q) {
      reached += s.p_goal > 0 ? 1 : 0;
      p_goal += s.p_goal;
    }
    benchmark::DoNotOptimize(q);
  }
  state.counters["scenarios_reached"] = reached;
  state.counters["mean_p_goal"] = reached > 0 ? p_goal / 10 : 0;
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.counters["stage_rss_MB"] = growth;
}

void quant_stage(benchmark::State& state) {
  quant_stage_with(state, quant::detail::kDefaultHubMin);
}

/// The plain chain, every segment a clique of steps: the stage before the hubs, for comparison.
void quant_stage_cliques(benchmark::State& state) {
  quant_stage_with(state, quant::detail::kNoHubs);
}

/// The bundled example plant, loaded and linked once.
const Plant& example() {
  static const Plant p = [] {
    Plant out;
    core::Diagnostics d;
    out.profile = *model::load_profile(model::builtin_profile_file(), d);
    std::optional<model::Model> m = model::load_model(model::builtin_example_file(), d);
    if (m) {
      out.model = std::move(*m);
      model::link_model(out.model, out.profile, d);
      out.ok = !d.has_errors();
    }
    return out;
  }();
  return p;
}

void quant_model_plant(benchmark::State& state) {
  const Plant& p = example();
  if (!p.ok) state.SkipWithError("the example has errors");
  const risk::Context context(p.model, p.profile);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        quant::analyze_quant(p.model, p.profile, context.coverage(), context.topology()));
}

void analyses_model_plant(benchmark::State& state) {
  const Plant& p = example();
  if (!p.ok) state.SkipWithError("the example has errors");
  const risk::Context context(p.model, p.profile);
  for (auto _ : state)
    benchmark::DoNotOptimize(risk::analyze(context));
}

BENCHMARK(quant_model_plant)->Name("QuantStageModelPlant")->Unit(benchmark::kMicrosecond);
BENCHMARK(analyses_model_plant)->Name("AnalysesModelPlant")->Unit(benchmark::kMicrosecond);

BENCHMARK(quant_stage)
    ->Name("QuantStage")
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

BENCHMARK(quant_stage_cliques)
    ->Name("QuantStageCliques")
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
