#pragma once
// The sentence a report shows where a scenario's risk after its planned measures is already its
// floor (issue 10 item 5): no measure can lower it, and why (the risk-matrix cell).

#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "risk/results.h"

namespace icsrisk::report {

/// The heading of the list of such notes in a report.
const char* floor_heading(model::Lang lang);

/// The note for `s` (unescaped text), or "" when its floor is unknown or its risk after the
/// planned measures lies above the floor.
std::string floor_note(const model::Model& model, const model::Profile& profile,
                       const risk::ScenarioRisk& s, model::Lang lang);

}  // namespace icsrisk::report
