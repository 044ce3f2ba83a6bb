// Countermeasure planning on the example plant (models/model-plant.xml, bundled in the binary;
// issue 11: "the what-if of hundreds of placements on model-plant must take seconds"):
//   PlanRanking       every candidate placement's what-if effect, ranked (plan::rank);
//   PlanMinimal/T/S   the minimal plan for target T (1 = B, 2 = C, 3 = D), scenarios only
//                     (S = 0) or asset-based rows too (S = 1, --scope all).

#include <benchmark/benchmark.h>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "plan/candidates.h"
#include "plan/minimal.h"
#include "plan/whatif.h"
#include "risk/analysis.h"

namespace {

using namespace icsrisk;

struct Example {
  model::Profile profile;
  model::Model model;
};

const Example& example() {
  static const Example e = [] {
    core::Diagnostics d;
    Example x;
    x.profile = *model::load_profile(model::builtin_profile_file(), d);
    x.model = *model::load_model(model::builtin_example_file(), d);
    model::link_model(x.model, x.profile, d);
    return x;
  }();
  return e;
}

void PlanRanking(benchmark::State& state) {
  const Example& e = example();
  std::size_t candidates = 0;
  for (auto _ : state) {
    risk::Context context(e.model, e.profile);
    plan::WhatIf whatif(context);
    std::vector<plan::Candidate> cs = plan::candidates(e.model, e.profile);
    candidates = cs.size();
    benchmark::DoNotOptimize(plan::rank(whatif, cs));
  }
  state.counters["candidates"] = static_cast<double>(candidates);
}
BENCHMARK(PlanRanking)->Unit(benchmark::kMillisecond);

void PlanMinimal(benchmark::State& state) {
  const Example& e = example();
  plan::PlanOptions o;
  o.target = static_cast<model::Risk>(state.range(0));
  o.scope = state.range(1) != 0 ? plan::Scope::kAll : plan::Scope::kScenarios;
  std::size_t evaluations = 0;
  for (auto _ : state) {
    risk::Context context(e.model, e.profile);
    plan::WhatIf whatif(context);
    plan::Plan p = plan::minimal_plan(whatif, plan::candidates(e.model, e.profile), o);
    evaluations = p.evaluations;
    benchmark::DoNotOptimize(p);
  }
  state.counters["evaluations"] = static_cast<double>(evaluations);
}
BENCHMARK(PlanMinimal)
    ->Args({2, 0})
    ->Args({3, 0})
    ->Args({2, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
