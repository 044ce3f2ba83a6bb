#pragma once
// Loading test inputs against the built-in profile: the profile itself, loaded once per test
// process, and a model text loaded, linked and its diagnostics rendered.

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"

namespace icsrisk::testing {

/// models/profiles/ipa-2018.xml, as compiled into the binary.
inline const model::Profile& builtin_profile() {
  static const model::Profile p = [] {
    core::Diagnostics d;
    return *model::load_profile(model::builtin_profile_file(), d);
  }();
  return p;
}

struct ModelOutcome {
  bool loaded = false;
  std::string text;  ///< rendered, sorted diagnostics
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

/// Loads `xml` as file `name` and links it against the built-in profile.
inline ModelOutcome check_model(std::string xml, const std::string& name = "m.xml") {
  core::SourceFile f(name, std::move(xml));
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  if (m) model::link_model(*m, builtin_profile(), d);
  d.sort();
  return {m.has_value(), d.render(), d.error_count(), d.warning_count()};
}

}  // namespace icsrisk::testing
