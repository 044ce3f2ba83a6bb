#pragma once
// AutomationML (IEC 62714, CAEX 3.0) plant topology → inventory tables (icsrisk import aml).

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"
#include "interchange/inventory.h"
#include "model/profile.h"

namespace icsrisk::interchange {

/// What an InternalElement with a role class becomes.
struct AmlRule {
  std::string role;    ///< a role class path, or a prefix of one at a '/' boundary
  std::string target;  ///< an asset type id, "network", "zone" or "ignore"
  int importance = 2;  ///< for assets
  core::Loc loc;       ///< where the rule was written (unknown for built-in rules)
};

/// The built-in rules (README "AutomationML"): the AutomationML communication and control
/// system role classes, and the AMLsec security role classes.
std::vector<AmlRule> default_aml_rules();

/// Parses a mapping file: one rule per line, `ROLE-CLASS-PATH = TARGET [IMPORTANCE]`, '#'
/// comments, blank lines. Targets are checked against the profile ("did you mean").
/// Problems go to `diags`, at their line.
std::vector<AmlRule> parse_aml_mapping(const core::SourceFile& file, const model::Profile& profile,
                                       core::Diagnostics& diags);

/// Reads the InstanceHierarchies of a CAEX file into zones, networks and assets tables.
/// An InternalElement's role class (RoleRequirements, else SupportedRoleClass) is matched
/// against `rules` by the longest prefix (later rules win ties, so a user's file overrides the
/// defaults). Asset and network elements own the ExternalInterfaces of their unmapped
/// descendants; InternalLinks connect an asset to a network, or two assets through a
/// point-to-point network of their own. Assets and networks take the nearest enclosing zone.
/// Problems (not CAEX, unresolved link partners, assets with no connection) go to `diags`
/// at their element. The cells' positions point into `file`.
Inventory aml_inventory(const core::SourceFile& file, const std::vector<AmlRule>& rules,
                        core::Diagnostics& diags);

}  // namespace icsrisk::interchange
