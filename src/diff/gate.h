#pragma once
// The CI gate of `icsrisk analyze --fail-on` (README "A CI gate"): which risks of a run reach
// a threshold, optionally only those new or worse than in a baseline run.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "diff/snapshot.h"

namespace icsrisk::diff {

/// Which rows a rule looks at: both sheets (the bare `--fail-on B`), the asset-based sheet
/// only (`asset:B`) or the scenarios only (`scenario:B`).
enum class GateScope { kAll, kAsset, kScenario };

struct GateRule {
  GateScope scope = GateScope::kAll;
  Risk threshold = Risk::kA;
};

/// Parses `A`…`D`, `asset:A`…`asset:D` or `scenario:A`…`scenario:D`; an error naming the
/// accepted forms otherwise (E would trip on every row, so it is refused).
core::Result<GateRule> parse_gate_rule(std::string_view text);

/// The rule as written on the command line ("B", "asset:A").
std::string gate_rule_text(const GateRule& rule);

/// A row that tripped the gate.
struct GateHit {
  bool scenario = false;  ///< a scenario (index into Snapshot::scenarios), else an asset row
  std::size_t index = 0;
  Risk risk = Risk::kE;  ///< its current risk
  /// With a baseline: false when the row is new; else `was` is its baseline risk (nullopt for
  /// a scenario no route reached).
  bool in_baseline = false;
  std::optional<Risk> was;
};

/// The rows of `current` that trip any of `rules`: current risk at the rule's threshold or
/// worse (a scenario without a route never trips). With `baseline`, only rows that are not in
/// it (by identity) or whose risk is worse than there. Asset rows first, in sheet order, then
/// scenarios in order. O(rows · log rows).
std::vector<GateHit> evaluate_gate(const Snapshot& current, std::span<const GateRule> rules,
                                   const Snapshot* baseline = nullptr);

/// The message of a tripped gate: a line naming the rules and the count, then one line per
/// row — the first `limit`, then "and N more". Model text is as written (the CLI escapes it
/// for the terminal). Empty when `hits` is.
std::string gate_message(const Snapshot& current, std::span<const GateRule> rules,
                         const std::vector<GateHit>& hits, bool with_baseline,
                         std::size_t limit = 20);

}  // namespace icsrisk::diff
