#pragma once
// Internal to the profile loader: the `<quant>` section (method.md §9 parameters).

#include <pugixml.hpp>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/quant_params.h"

namespace icsrisk::model {

/// Reads `<quant>`: one `<level value="1..3" s="…" c="…"/>` per level, each exactly once, with
/// 0 ≤ s, c ≤ 1, s + c ≤ 1 and s + c > 0 (an attempt that can never end would make the chain
/// non-absorbing). Every problem goes to `diags` at its position; `out` keeps the built-in
/// values of a level that is missing or wrong. Returns whether any element of the section
/// carries reconstructed="true" (also stored in `out.reconstructed`).
bool read_quant(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node node,
                QuantParams& out);

}  // namespace icsrisk::model
