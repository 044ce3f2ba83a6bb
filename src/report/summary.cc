#include "report/summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/table_parts.h"
#include "report/words.h"

namespace icsrisk::report {

using model::kNone;

std::string row_target_name(const model::Model& m, const risk::AssetRiskRow& r) {
  if (r.kind == risk::AssetRiskRow::Kind::kNetwork) return std::string(m.networks[r.target].name);
  return group_name(m.assets[r.target]);
}

std::vector<std::size_t> top_asset_rows(const risk::Results& results, std::size_t n) {
  const auto& rows = results.asset_risks;
  auto worse = [&](std::size_t a, std::size_t b) {
    const risk::AssetRiskRow &x = rows[a], &y = rows[b];
    if (x.risk != y.risk) return worse_than(x.risk, y.risk);
    if (x.importance != y.importance) return x.importance > y.importance;
    if (x.threat_level != y.threat_level) return x.threat_level > y.threat_level;
    return a < b;
  };
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i)
    idx[i] = i;
  std::size_t k = std::min(n, idx.size());
  std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(), worse);
  idx.resize(k);
  return idx;
}

std::vector<std::size_t> ranked_scenarios(const risk::Results& results) {
  const auto& s = results.scenario_risks;
  std::vector<std::size_t> idx(s.size());
  for (std::size_t i = 0; i < idx.size(); ++i)
    idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    if (s[a].risk != s[b].risk)  // no risk ranks last
      return s[a].risk && (!s[b].risk || worse_than(*s[a].risk, *s[b].risk));
    return s[a].impact_level > s[b].impact_level;
  });
  return idx;
}

namespace {

std::string counts_line(const std::array<std::size_t, 5>& c) {
  return fmt::format("A {}  B {}  C {}  D {}  E {}", c[0], c[1], c[2], c[3], c[4]);
}

}  // namespace

std::string summary_text(const model::Model& m, const model::Profile& p, const risk::Results& r,
                         model::Lang lang) {
  const Words& w = words(lang);
  std::string out;
  out += fmt::format("{} ({})\n", m.name, m.id);
  out += fmt::format("{}: {}{}\n", w.profile, p.id,
                     p.reconstructed ? fmt::format(" — {}", w.reconstructed_note) : "");
  out += fmt::format("{} ({} {}):\n", w.asset_risk, r.asset_risks.size(), w.rows_unit);
  out += fmt::format("  {:<12} {}\n", w.summary_now, counts_line(r.summary.asset_counts));
  out +=
      fmt::format("  {:<12} {}\n", w.summary_planned, counts_line(r.summary.asset_counts_planned));
  std::vector<std::size_t> top = top_asset_rows(r, 5);
  if (!top.empty()) out += fmt::format("{}:\n", w.highest_rows);
  for (std::size_t i : top) {
    const risk::AssetRiskRow& row = r.asset_risks[i];
    out += fmt::format("  {} No.{} {} / {} ({} {}, {} {}, {} {})\n", row.risk, i + 1,
                       row_target_name(m, row), p.threats[row.threat].name.in(lang), w.importance,
                       row.importance, w.threat_level, row.threat_level, w.vuln_level,
                       row.vulnerability_level);
  }
  out += fmt::format("{} ({} {}):\n", w.impact_risk, r.scenario_risks.size(), w.scenarios_unit);
  out += fmt::format("  {:<12} {}\n", w.summary_now, counts_line(r.summary.scenario_counts));
  out += fmt::format("  {:<12} {}\n", w.summary_planned,
                     counts_line(r.summary.scenario_counts_planned));
  for (std::size_t i : ranked_scenarios(r)) {
    const risk::ScenarioRisk& s = r.scenario_risks[i];
    const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
    out += fmt::format("  {} {} ({} {})\n",
                       s.risk ? std::string(1, letter(*s.risk)) : std::string("-"), sc.name,
                       w.impact_level, s.impact_level);
  }
  return out;
}

}  // namespace icsrisk::report
