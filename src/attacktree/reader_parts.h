#pragma once
// Pieces of the attack-tree reader (loader.cc) that stand alone: numbers and countermeasures.

#include <optional>
#include <string_view>

#include "attacktree/tree.h"
#include "core/diagnostics.h"
#include "model/profile.h"
#include "xml/reader.h"

namespace icsrisk::attacktree {

/// `v` as a finite number in [0, hi] (an optional leading '+'), or nullopt.
std::optional<double> parse_number(std::string_view v, double hi);

/// Attribute `name` of `e` as a finite number in [0, hi]; absent → nullopt; malformed → an
/// error at the attribute and nullopt.
std::optional<double> read_number(xml::Element& e, core::Diagnostics& diags, const char* name,
                                  double hi);

/// A <countermeasure ref function stage status cost effect probability-factor adds-cost
/// adds-time> element: function and stage default from the profile's measure `ref`; without
/// one, `function` is required (an error with "did you mean" otherwise). `effect="block"`
/// excludes the other effects (an error).
TreeCountermeasure read_countermeasure(const core::SourceFile& file, core::Diagnostics& diags,
                                       pugi::xml_node n, const model::Profile* profile);

}  // namespace icsrisk::attacktree
