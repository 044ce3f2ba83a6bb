// Business-impact analysis at scale (method.md §7, design.md "Scale"): for synthetic plants of
// 10,000 and 100,000 assets (3 flows an asset, 10 scenarios, generator.h):
//   Topology/N         segments and the routing of every flow (graph::Topology);
//   ScenarioRisks/N    risk::analyze_scenarios: topology, both counting modes, per scenario the
//                      bottleneck search, the first route and the bounded route listing;
//   DiagramDot/N/V     the DOT text of the system (V=0) or data-flow (V=1) view.
// Target: ScenarioRisks/100000 under 2 s; the views linear in the model (3,401 zones at 100k).

#include <map>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "core/diagnostics.h"
#include "core/source.h"
#include "generator.h"
#include "graph/topology.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/json.h"
#include "risk/asset_analysis.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"

namespace {

using namespace icsrisk;

/// A generated, linked model, made once per size and kept for all runs.
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

void topology(benchmark::State& state) {
  const Plant& p = plant(static_cast<std::size_t>(state.range(0)));
  if (!p.ok) state.SkipWithError("the generated model has errors");
  for (auto _ : state) {
    graph::Topology t(p.model, p.profile);
    benchmark::DoNotOptimize(t.segment_count());
  }
}

void scenario_risks(benchmark::State& state) {
  const Plant& p = plant(static_cast<std::size_t>(state.range(0)));
  if (!p.ok) state.SkipWithError("the generated model has errors");
  risk::Coverage coverage(p.model, p.profile);
  std::size_t routes = 0, reached = 0;
  for (auto _ : state) {
    std::vector<risk::ScenarioRisk> rs = risk::analyze_scenarios(p.model, p.profile, coverage);
    routes = reached = 0;
    for (const risk::ScenarioRisk& r : rs) {
      routes += r.routes.size();
      reached += r.risk.has_value();
    }
    benchmark::DoNotOptimize(rs);
  }
  state.counters["scenarios_reached"] = static_cast<double>(reached);
  state.counters["routes_listed"] = static_cast<double>(routes);
}

/// The asset-based analysis (method.md §6) and writing results.json, as `icsrisk analyze
/// --format json` does after loading: coverage, every (asset or network, threat) row, the JSON
/// text streamed to a sink (here: counted, as a file write would take it).
void asset_risks_and_json(benchmark::State& state) {
  const Plant& p = plant(static_cast<std::size_t>(state.range(0)));
  if (!p.ok) state.SkipWithError("the generated model has errors");
  std::size_t rows = 0, bytes = 0;
  for (auto _ : state) {
    risk::Results results;
    risk::Coverage coverage(p.model, p.profile);
    results.asset_risks = risk::analyze_assets(p.model, p.profile, coverage);
    rows = results.asset_risks.size();
    bytes = 0;
    report::write_results_json(p.model, p.profile, results,
                               [&](std::string_view chunk) { bytes += chunk.size(); });
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["json_MB"] = static_cast<double>(bytes) / 1e6;
}

void diagram_dot(benchmark::State& state) {
  const Plant& p = plant(static_cast<std::size_t>(state.range(0)));
  if (!p.ok) state.SkipWithError("the generated model has errors");
  report::View view = state.range(1) == 0 ? report::View::kSystem : report::View::kDataflow;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string dot = report::diagram_dot(view, p.model, p.profile, {});
    bytes = dot.size();
    benchmark::DoNotOptimize(dot);
  }
  state.counters["dot_MB"] = static_cast<double>(bytes) / 1e6;
}

BENCHMARK(diagram_dot)
    ->Name("DiagramDot")
    ->Args({10000, 0})
    ->Args({10000, 1})
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

BENCHMARK(asset_risks_and_json)
    ->Name("AssetRisksAndJson")
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

BENCHMARK(topology)->Name("Topology")->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(scenario_risks)
    ->Name("ScenarioRisks")
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
