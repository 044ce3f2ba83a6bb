#include "diff/gate.h"

#include <map>
#include <tuple>

#include <fmt/format.h>

namespace icsrisk::diff {

core::Result<GateRule> parse_gate_rule(std::string_view text) {
  GateRule rule;
  std::string_view level = text;
  if (text.starts_with("asset:")) {
    rule.scope = GateScope::kAsset;
    level.remove_prefix(6);
  } else if (text.starts_with("scenario:")) {
    rule.scope = GateScope::kScenario;
    level.remove_prefix(9);
  }
  std::optional<Risk> r = level.size() == 1 ? model::risk_of_letter(level[0]) : std::nullopt;
  if (!r || *r == Risk::kE)
    return core::Error{fmt::format(
        "--fail-on '{}': expected A, B, C or D, optionally scoped as asset:B or scenario:B", text)};
  rule.threshold = *r;
  return rule;
}

std::string gate_rule_text(const GateRule& rule) {
  const char* scope = rule.scope == GateScope::kAsset      ? "asset:"
                      : rule.scope == GateScope::kScenario ? "scenario:"
                                                           : "";
  return fmt::format("{}{}", scope, rule.threshold);
}

namespace {

using RowKey = std::tuple<std::string_view, std::string_view, std::string_view>;

RowKey key_of(const AssetRow& r) {
  return {r.kind, r.target, r.threat};
}

/// Whether a risk at the rules' thresholds for rows of `scenario` kind is reached by `r`.
bool trips(std::span<const GateRule> rules, bool scenario, Risk r) {
  for (const GateRule& rule : rules) {
    if (rule.scope == (scenario ? GateScope::kAsset : GateScope::kScenario)) continue;
    if (model::at_least(r, rule.threshold)) return true;
  }
  return false;
}

/// Whether a hit stays one against the baseline: the row is new, or worse than it was.
bool new_or_worse(GateHit& hit, const std::optional<Risk>* was) {
  if (!was) return true;
  hit.in_baseline = true;
  hit.was = *was;
  return !*was || model::worse_than(hit.risk, **was);
}

}  // namespace

std::vector<GateHit> evaluate_gate(const Snapshot& current, std::span<const GateRule> rules,
                                   const Snapshot* baseline) {
  std::map<RowKey, std::optional<Risk>> rows_before;
  std::map<std::string_view, std::optional<Risk>> scenarios_before;
  if (baseline) {
    for (const AssetRow& r : baseline->asset_rows)
      rows_before.emplace(key_of(r), r.risk);
    for (const ScenarioRow& s : baseline->scenarios)
      scenarios_before.emplace(s.scenario, s.risk);
  }
  std::vector<GateHit> hits;
  for (std::size_t i = 0; i < current.asset_rows.size(); ++i) {
    const AssetRow& r = current.asset_rows[i];
    if (!trips(rules, false, r.risk)) continue;
    GateHit hit{false, i, r.risk, false, std::nullopt};
    auto it = rows_before.find(key_of(r));
    if (!baseline || new_or_worse(hit, it == rows_before.end() ? nullptr : &it->second))
      hits.push_back(hit);
  }
  for (std::size_t i = 0; i < current.scenarios.size(); ++i) {
    const ScenarioRow& s = current.scenarios[i];
    if (!s.risk || !trips(rules, true, *s.risk)) continue;
    GateHit hit{true, i, *s.risk, false, std::nullopt};
    auto it = scenarios_before.find(s.scenario);
    if (!baseline || new_or_worse(hit, it == scenarios_before.end() ? nullptr : &it->second))
      hits.push_back(hit);
  }
  return hits;
}

std::string gate_message(const Snapshot& current, std::span<const GateRule> rules,
                         const std::vector<GateHit>& hits, bool with_baseline, std::size_t limit) {
  if (hits.empty()) return {};
  std::vector<std::string> written;
  for (const GateRule& r : rules)
    written.push_back(gate_rule_text(r));
  std::string out = fmt::format("--fail-on {}: {} risk{} at the threshold or worse{}:\n",
                                fmt::join(written, " "), hits.size(), hits.size() == 1 ? "" : "s",
                                with_baseline ? ", new or worse than in the baseline" : "");
  for (std::size_t i = 0; i < hits.size() && i < limit; ++i) {
    const GateHit& h = hits[i];
    std::string row;
    if (h.scenario) {
      const ScenarioRow& s = current.scenarios[h.index];
      row = fmt::format("scenario {} {}", s.scenario, s.name);
    } else {
      const AssetRow& r = current.asset_rows[h.index];
      row = fmt::format("asset-based No.{} {} {} ({}) / {}", r.number, r.kind, r.target,
                        r.target_name, r.threat);
    }
    std::string before;
    if (with_baseline)
      before = !h.in_baseline ? " (new)"
               : h.was        ? fmt::format(" (was {})", *h.was)
                              : std::string(" (was unreachable)");
    out += fmt::format("  {} {}{}\n", h.risk, row, before);
  }
  if (hits.size() > limit) out += fmt::format("  and {} more\n", hits.size() - limit);
  return out;
}

}  // namespace icsrisk::diff
