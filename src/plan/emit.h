#pragma once
// --emit-model (issue 11): the model file with a plan's placements added as status="planned",
// so that `icsrisk analyze` shows the plan in its "after planned" column and the user can edit
// it. The rest of the file keeps its text, comments and layout (pugixml rewrites attribute
// quoting and character references in the same meaning).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "plan/candidates.h"

namespace icsrisk::plan {

/// The text of the model file `text` (the file `model` was loaded from, without errors) with a
/// <countermeasure ref="…" status="planned"/> added for each of `placements` that the model does
/// not declare yet: inside the <asset>, <flow>, <network> or <zone> of its scope, or in the
/// system's <countermeasures> section (created at the end when missing). Indentation follows
/// the neighbouring elements. An error only when an element of a scope cannot be found.
core::Result<std::string> emit_model(std::string_view text, const model::Model& model,
                                     const model::Profile& profile,
                                     const std::vector<Candidate>& placements);

}  // namespace icsrisk::plan
