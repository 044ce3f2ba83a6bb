#pragma once
// The fixed words of the reports in both languages (headers, function and stage names).

#include <array>
#include <string>

#include "model/profile.h"

namespace icsrisk::report {

struct Words {
  // Titles of the four tables and the summary.
  const char *asset_list, *dataflow_matrix, *asset_risk, *impact_risk, *summary;
  // Common headers.
  const char *no, *id, *name, *type, *category, *zone, *networks, *count, *importance,
      *countermeasures;
  const char *sender_receiver, *sender, *receiver, *data_protocol, *matrix_as_list;
  const char *target, *threat, *threat_level, *cm_level, *vuln_level, *risk, *after_group,
      *planned_measures, *network_kind;
  const char *impact_group, *impact_level, *scenario, *route_no, *entry, *step_group, *step,
      *step_cm_group, *route_group, *scenario_risk, *scenario_risk_planned, *remarks, *attacker,
      *via, *unreachable, *routes_listed, *routes_total_bound, *planned_suffix;
  const char *profile, *reconstructed_note, *separator;
  std::array<const char*, 4> sheets;     ///< worksheet names of the four tables (≤ 31 chars)
  std::array<const char*, 3> functions;  ///< protect, detect, mitigate
  std::array<const char*, 2> stages;     ///< intrusion, objective
  std::array<const char*, 5> categories;
  std::array<const char*, 4> media;
};

/// The words of `lang`.
const Words& words(model::Lang lang);

}  // namespace icsrisk::report
