#pragma once
// The DOT text of a view of the bundled example plant, for the rendering tests.

#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"

namespace icsrisk::testing {

inline std::string example_dot(report::View view) {
  core::Diagnostics diags;
  model::Profile profile = *model::load_profile(model::builtin_profile_file(), diags);
  model::Model m = *model::load_model(model::builtin_example_file(), diags);
  model::link_model(m, profile, diags);
  return report::diagram_dot(view, m, profile);
}

}  // namespace icsrisk::testing
