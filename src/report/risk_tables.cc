// The two risk analysis sheets in the guide's layout.

#include <fmt/format.h>

#include <array>

#include "report/table_parts.h"
#include "report/words.h"

namespace icsrisk::report {

using model::kNone;

namespace {

constexpr std::array<model::Function, 3> kFunctions = {
    model::Function::kProtect, model::Function::kDetect, model::Function::kMitigate};

std::size_t function_slot(model::Function f) {
  return f == model::Function::kProtect ? 0 : f == model::Function::kDetect ? 1 : 2;
}

/// Measures split by function (protect, detect, mitigate), each list in catalogue order.
std::array<std::vector<std::size_t>, 3> by_function(const model::Profile& p,
                                                    const std::vector<std::size_t>& measures) {
  std::array<std::vector<std::size_t>, 3> out;
  for (std::size_t m : measures)
    out[function_slot(p.countermeasures[m].function)].push_back(m);
  return out;
}

Cell text_or_empty(const std::string& s) {
  return s.empty() ? Cell::empty() : Cell::of_text(s);
}

}  // namespace

Table asset_risk_table(const model::Model& m, const model::Profile& p, const risk::Results& results,
                       model::Lang lang) {
  const Words& w = words(lang);
  Table t;
  t.id = "asset-risk";
  t.title = w.asset_risk.view();
  for (const Word& h : {w.no, w.target, w.type, w.importance, w.threat, w.threat_level})
    t.columns.push_back({"", h});
  for (std::size_t f = 0; f < kFunctions.size(); ++f)
    for (const Word& stage : w.stages)
      t.columns.push_back({fmt::format("{}: {}", w.countermeasures, w.functions[f]), stage});
  for (const Word& h : {w.cm_level, w.vuln_level, w.risk})
    t.columns.push_back({"", h});
  for (const Word& h : {w.planned_measures, w.cm_level, w.vuln_level, w.risk})
    t.columns.push_back({w.after_group, h});

  t.rows.reserve(results.asset_risks.size());
  int no = 0;
  for (const risk::AssetRiskRow& r : results.asset_risks) {
    std::vector<Cell>& row = t.rows.emplace_back();
    row.reserve(t.columns.size());
    row.push_back(Cell::of_number(++no));
    if (r.kind == risk::AssetRiskRow::Kind::kAsset) {
      const model::Asset& a = m.assets[r.target];
      row.push_back(Cell::of_text(group_name(a)));
      row.push_back(Cell::of_text(a.type_index != kNone ? p.asset_types[a.type_index].name.in(lang)
                                                        : a.type));
    } else {
      const model::Network& n = m.networks[r.target];
      row.push_back(Cell::of_text(n.name));
      row.push_back(Cell::of_text(
          fmt::format("{}({})", w.network_kind, w.media[static_cast<int>(n.medium)])));
    }
    const model::Threat& threat = p.threats[r.threat];
    row.push_back(Cell::of_number(r.importance));
    row.push_back(Cell::of_text(threat.name.in(lang)));
    row.push_back(Cell::of_number(r.threat_level));
    // A row's measures all act in its threat's stage (§5): they fill that stage's column.
    auto split = by_function(p, r.countermeasures);
    std::size_t stage = threat.stage == model::Stage::kIntrusion ? 0 : 1;
    for (std::size_t f = 0; f < 3; ++f)
      for (std::size_t s = 0; s < 2; ++s)
        row.push_back(s == stage ? text_or_empty(measure_names(p, split[f], lang)) : Cell::empty());
    row.push_back(Cell::of_number(r.countermeasure_level));
    row.push_back(Cell::of_number(r.vulnerability_level));
    row.push_back(Cell::of_risk(r.risk));
    row.push_back(text_or_empty(measure_names(p, r.planned, lang)));
    row.push_back(Cell::of_number(r.countermeasure_level_planned));
    row.push_back(Cell::of_number(r.vulnerability_level_planned));
    row.push_back(Cell::of_risk(r.risk_planned));
  }
  return t;
}

namespace {

std::string step_text(const model::Model& m, const model::Profile& p, const risk::Step& s,
                      model::Lang lang) {
  const Words& w = words(lang);
  std::string from(s.from == kNone ? std::string_view(w.attacker) : m.assets[s.from].name);
  std::string text = fmt::format("{} → {} : {}", from, m.assets[s.to].name,
                                 s.method != kNone ? p.threats[s.method].name.in(lang) : "");
  if (!s.via.empty()) {
    std::vector<std::string> via;
    for (std::size_t d : s.via)
      via.emplace_back(m.assets[d].name);
    text += fmt::format(" [{} {}]", w.via, join(via, w.separator));
  }
  return text;
}

}  // namespace

Table impact_risk_table(const model::Model& m, const model::Profile& p,
                        const risk::Results& results, model::Lang lang) {
  const Words& w = words(lang);
  Table t;
  t.id = "impact-risk";
  t.title = w.impact_risk.view();
  t.columns = {{w.impact_group, w.name},
               {w.impact_group, w.impact_level},
               {"", w.scenario},
               {"", w.route_no},
               {"", w.entry},
               {w.step_group, w.step}};
  for (const Word& f : w.functions)
    t.columns.push_back({w.step_cm_group, f});
  t.columns.push_back({w.step_cm_group, w.cm_level});
  for (const Word& h : {w.threat_level, w.cm_level, w.vuln_level, w.risk})
    t.columns.push_back({w.route_group, h});
  for (const Word& h : {w.scenario_risk, w.scenario_risk_planned, w.remarks})
    t.columns.push_back({"", h});

  for (const risk::ScenarioRisk& sr : results.scenario_risks) {
    const model::Impact& impact = m.impacts[sr.impact];
    const model::Scenario& sc = impact.scenarios[sr.scenario];
    auto lead = [&](std::vector<Cell>& row, Cell route_no, Cell entry) {
      row.push_back(Cell::of_text(impact.name));
      row.push_back(Cell::of_number(sr.impact_level));
      row.push_back(Cell::of_text(sc.name));
      row.push_back(std::move(route_no));
      row.push_back(std::move(entry));
    };
    auto scenario_cells = [&](std::vector<Cell>& row, bool first) {
      if (!first) {
        for (int i = 0; i < 3; ++i)
          row.push_back(Cell::empty());
        return;
      }
      row.push_back(sr.risk ? Cell::of_risk(*sr.risk) : Cell::of_mark("-"));
      row.push_back(sr.risk_planned ? Cell::of_risk(*sr.risk_planned) : Cell::of_mark("-"));
      std::string remark;
      if (sr.risk &&
          (sr.truncated || sr.routes.size() < sr.routes_total || !sr.routes_total_exact)) {
        remark = fmt::format(
            fmt::runtime((sr.routes_total_exact ? w.routes_listed : w.routes_total_bound).view()),
            sr.routes_total, sr.routes.size());
      }
      row.push_back(text_or_empty(remark));
    };
    if (sr.routes.empty()) {
      std::vector<Cell>& row = t.rows.emplace_back();
      lead(row, Cell::of_mark("-"), Cell::of_mark("-"));
      row.push_back(Cell::of_text(w.unreachable));
      for (int i = 0; i < 4 + 4; ++i)
        row.push_back(Cell::empty());
      scenario_cells(row, true);
      continue;
    }
    bool first_of_scenario = true;
    const std::size_t scenario_first_row = t.rows.size();
    for (std::size_t ri = 0; ri < sr.routes.size(); ++ri) {
      const risk::Route& route = sr.routes[ri];
      const std::string entry_name(route.entry != kNone ? m.entries[route.entry].name : "");
      for (std::size_t si = 0; si < route.steps.size(); ++si) {
        const risk::Step& s = route.steps[si];
        std::vector<Cell>& row = t.rows.emplace_back();
        lead(row, Cell::of_number(static_cast<int>(ri + 1)), Cell::of_text(entry_name));
        row.push_back(Cell::of_text(step_text(m, p, s, lang)));
        auto split = by_function(p, s.countermeasures);
        for (const auto& list : split)
          row.push_back(text_or_empty(measure_names(p, list, lang)));
        row.push_back(Cell::of_number(s.countermeasure_level));
        if (si == 0) {
          if (route.steps.size() > 1)
            for (std::size_t c : {3, 4, 10, 11, 12, 13})
              t.spans.push_back({t.rows.size() - 1, c, route.steps.size()});
          row.push_back(Cell::of_number(route.threat_level));
          row.push_back(Cell::of_number(route.countermeasure_level));
          row.push_back(Cell::of_number(route.vulnerability_level));
          row.push_back(Cell::of_risk(route.risk));
        } else {
          for (int i = 0; i < 4; ++i)
            row.push_back(Cell::empty());
        }
        scenario_cells(row, first_of_scenario);
        first_of_scenario = false;
      }
    }
    // The scenario's cells (impact, level, scenario; its risks and remark) over all its rows.
    if (const std::size_t n = t.rows.size() - scenario_first_row; n > 1)
      for (std::size_t c : {0, 1, 2, 14, 15, 16})
        t.spans.push_back({scenario_first_row, c, n});
  }
  return t;
}

}  // namespace icsrisk::report
