#pragma once
// The analysis as a list of named stages (style.md: mold's "main reads as a list of passes").

#include <cstddef>
#include <memory>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"
#include "risk/results.h"

namespace icsrisk::risk {

struct AnalysisOptions {
  std::size_t max_routes = 20;  ///< k: routes listed per scenario (--routes)
  std::size_t max_hops = 10;    ///< hop bound of the listed routes (--max-hops)
};

/// What every analysis of one linked, error-free model shares, built once: where each
/// countermeasure applies (§4) and the network topology with its flow routes (§7). The
/// analyses, the per-step level queries (scenario_steps.h) and the attack trees of a run all use
/// the same context. The model and profile must outlive it. O(model size).
class Context {
 public:
  Context(const model::Model& model, const model::Profile& profile);

  const model::Model& model() const { return model_; }
  const model::Profile& profile() const { return profile_; }
  const Coverage& coverage() const { return coverage_; }
  const graph::Topology& topology() const { return topology_; }

 private:
  const model::Model& model_;
  const model::Profile& profile_;
  Coverage coverage_;
  graph::Topology topology_;
};

/// Runs both analyses of method.md: the asset-based sheet (§6), then the business-impact
/// scenarios (§7), then the summary counts.
Results analyze(const Context& context, const AnalysisOptions& options = {});

/// The same, building the context.
Results analyze(const model::Model& model, const model::Profile& profile,
                const AnalysisOptions& options = {});

/// The counts of risks A–E of each analysis, now and with the planned measures in force.
Summary summarize(const Results& results);

}  // namespace icsrisk::risk
