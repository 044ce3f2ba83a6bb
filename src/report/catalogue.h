#pragma once
// The profile as readable tables (`icsrisk profile show`): scales, asset types, threats,
// countermeasures, entry vectors, network media and the risk matrix.

#include <string>

#include "model/profile.h"

namespace icsrisk::report {

/// The whole profile as plain-text tables in `lang` (catalogue names in that language, ids as
/// written). Elements whose values are reconstructed carry a '*' and a note says so.
/// Deterministic: catalogue order of the profile, LF line endings.
std::string catalogue_text(const model::Profile& profile, model::Lang lang);

}  // namespace icsrisk::report
