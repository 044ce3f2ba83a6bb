#pragma once
// Linking and validating a model against a profile (design.md "Qualities": references checked).

#include "core/diagnostics.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::model {

/// Resolves every reference of `m` (to its own elements and to the profile's catalogues) into
/// the index fields, and checks the rules that span elements: duplicate ids (with a note at
/// the first definition), unknown references (with "did you mean"), one-way gateway roles,
/// flows between assets with no physical network path (warning), scenario bases without a flow
/// to the target (error), assets no countermeasure covers (warning), and more — each problem
/// reported once, at its position. Near-linear in the model size.
void link_model(Model& m, const Profile& p, core::Diagnostics& diags);

}  // namespace icsrisk::model
