#pragma once
// Loading model and profile files (design.md) into plain structs.

#include <optional>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::model {

/// Parses a model file. Every problem of form goes to `diags` (all of them, not the first);
/// references are not resolved here (see link_model). Returns nothing only when the text is
/// not well-formed XML or the root is not <system>. The model's positions point into `file`,
/// which must outlive it. Linear in the file size.
std::optional<Model> load_model(const core::SourceFile& file, core::Diagnostics& diags);

/// Parses and checks a profile file: ids, scales, all 27 risk-matrix cells exactly once,
/// catalogue cross-references. Returns nothing when it has errors.
std::optional<Profile> load_profile(const core::SourceFile& file, core::Diagnostics& diags);

/// The built-in profile's file (models/profiles/ipa-2018.xml, compiled into the binary).
const core::SourceFile& builtin_profile_file();

/// The bundled example plant (models/model-plant.xml, compiled into the binary).
const core::SourceFile& builtin_example_file();

}  // namespace icsrisk::model
