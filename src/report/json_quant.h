#pragma once
// The "quant" member of a results.json scenario (method.md §9; design.md "Results (JSON)").

#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "quant/quant.h"

namespace icsrisk::report {

/// `{"p_goal", "expected_attempts", "visit": [{asset, p}], "entries": [{entry, p_goal,
/// expected_attempts}], "sensitive_steps": [{from, to, method, entry, countermeasure_level,
/// dp_ds}]}` for one scenario, starting at the current position of a JSON text indented by
/// `depth` levels of two spaces. Probabilities with 6 significant digits; "visit" lists the
/// assets with visit > 0 in model order; an entry step's "from" is "attacker". Deterministic.
std::string quant_json(const model::Model& model, const model::Profile& profile,
                       const quant::ScenarioQuant& q, int depth);

/// A probability or expectation as results.json and the tables print it: 6 significant digits.
std::string quant_number(double x);

}  // namespace icsrisk::report
