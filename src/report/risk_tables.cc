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

void asset_risk_row(const model::Model& m, const model::Profile& p, model::Lang lang, int no,
                    const risk::AssetRiskRow& r, std::vector<Cell>& row) {
  const Words& w = words(lang);
  row.push_back(Cell::of_number(no));
  if (r.kind == risk::AssetRiskRow::Kind::kAsset) {
    const model::Asset& a = m.assets[r.target];
    row.push_back(Cell::of_text(group_name(a)));
    row.push_back(
        Cell::of_text(a.type_index != kNone ? p.asset_types[a.type_index].name.in(lang) : a.type));
  } else {
    const model::Network& n = m.networks[r.target];
    row.push_back(Cell::of_text(n.name));
    row.push_back(
        Cell::of_text(fmt::format("{}({})", w.network_kind, w.media[static_cast<int>(n.medium)])));
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

}  // namespace

TableSource asset_risk_source(const model::Model& m, const model::Profile& p,
                              const risk::Results& results, model::Lang lang) {
  const Words& w = words(lang);
  TableSource t;
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
  t.row_count = results.asset_risks.size();
  t.produce = [&m, &p, &results, lang, n = t.columns.size()](const RowVisitor& visit) {
    std::vector<Cell> row;
    row.reserve(n);
    const std::vector<TableSpan> none;
    for (std::size_t i = 0; i < results.asset_risks.size(); ++i) {
      row.clear();
      asset_risk_row(m, p, lang, static_cast<int>(i + 1), results.asset_risks[i], row);
      if (!visit(i, row, none)) return;
    }
  };
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

std::size_t impact_rows_of(const risk::ScenarioRisk& s) {
  if (s.routes.empty()) return 1;
  std::size_t n = 0;
  for (const risk::Route& r : s.routes)
    n += r.steps.size();
  return n;
}

namespace {

/// Makes the rows of one scenario of the business-impact sheet, handing each to `visit` with the
/// spans that start on it; `row_no` counts the sheet's rows. False when the visitor stopped.
class ImpactRows {
 public:
  ImpactRows(const model::Model& m, const model::Profile& p, model::Lang lang)
      : m_(m), p_(p), lang_(lang), w_(words(lang)) {}

  bool scenario(const risk::ScenarioRisk& sr, const RowVisitor& visit) {
    sr_ = &sr;
    const std::size_t n = impact_rows_of(sr);
    if (sr.routes.empty()) {
      spans_.clear();
      start_row(Cell::of_mark("-"), Cell::of_mark("-"));
      row_.push_back(Cell::of_text(w_.unreachable));
      for (int i = 0; i < 4 + 4; ++i)
        row_.push_back(Cell::empty());
      scenario_cells(true);
      return visit(no_++, row_, spans_);
    }
    bool first_of_scenario = true;
    for (std::size_t ri = 0; ri < sr.routes.size(); ++ri) {
      const risk::Route& route = sr.routes[ri];
      const std::string entry_name(route.entry != kNone ? m_.entries[route.entry].name : "");
      for (std::size_t si = 0; si < route.steps.size(); ++si) {
        spans_.clear();
        if (si == 0 && route.steps.size() > 1)
          for (std::size_t c : {3, 4, 10, 11, 12, 13})
            spans_.push_back({no_, c, route.steps.size()});
        // The scenario's cells (impact, level, scenario; its risks and remark) over all its rows.
        if (first_of_scenario && n > 1)
          for (std::size_t c : {0, 1, 2, 14, 15, 16})
            spans_.push_back({no_, c, n});
        step_row(route, ri, entry_name, si, first_of_scenario);
        first_of_scenario = false;
        if (!visit(no_++, row_, spans_)) return false;
      }
    }
    return true;
  }

 private:
  void start_row(Cell route_no, Cell entry) {
    const model::Impact& impact = m_.impacts[sr_->impact];
    row_.clear();
    row_.push_back(Cell::of_text(impact.name));
    row_.push_back(Cell::of_number(sr_->impact_level));
    row_.push_back(Cell::of_text(impact.scenarios[sr_->scenario].name));
    row_.push_back(std::move(route_no));
    row_.push_back(std::move(entry));
  }

  void step_row(const risk::Route& route, std::size_t ri, const std::string& entry_name,
                std::size_t si, bool first_of_scenario) {
    const risk::Step& s = route.steps[si];
    start_row(Cell::of_number(static_cast<int>(ri + 1)), Cell::of_text(entry_name));
    row_.push_back(Cell::of_text(step_text(m_, p_, s, lang_)));
    for (const auto& list : by_function(p_, s.countermeasures))
      row_.push_back(text_or_empty(measure_names(p_, list, lang_)));
    row_.push_back(Cell::of_number(s.countermeasure_level));
    if (si == 0) {
      row_.push_back(Cell::of_number(route.threat_level));
      row_.push_back(Cell::of_number(route.countermeasure_level));
      row_.push_back(Cell::of_number(route.vulnerability_level));
      row_.push_back(Cell::of_risk(route.risk));
    } else {
      for (int i = 0; i < 4; ++i)
        row_.push_back(Cell::empty());
    }
    scenario_cells(first_of_scenario);
  }

  void scenario_cells(bool first) {
    if (!first) {
      for (int i = 0; i < 3; ++i)
        row_.push_back(Cell::empty());
      return;
    }
    const risk::ScenarioRisk& sr = *sr_;
    row_.push_back(sr.risk ? Cell::of_risk(*sr.risk) : Cell::of_mark("-"));
    row_.push_back(sr.risk_planned ? Cell::of_risk(*sr.risk_planned) : Cell::of_mark("-"));
    std::string remark;
    if (sr.risk && (sr.truncated || sr.routes.size() < sr.routes_total || !sr.routes_total_exact)) {
      remark = fmt::format(
          fmt::runtime((sr.routes_total_exact ? w_.routes_listed : w_.routes_total_bound).view()),
          sr.routes_total, sr.routes.size());
    }
    row_.push_back(text_or_empty(remark));
  }

  const model::Model& m_;
  const model::Profile& p_;
  model::Lang lang_;
  const Words& w_;
  const risk::ScenarioRisk* sr_ = nullptr;
  std::vector<Cell> row_;
  std::vector<TableSpan> spans_;
  std::size_t no_ = 0;
};

}  // namespace

TableSource impact_risk_source(const model::Model& m, const model::Profile& p,
                               const risk::Results& results, model::Lang lang) {
  const Words& w = words(lang);
  TableSource t;
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
  for (const risk::ScenarioRisk& sr : results.scenario_risks)
    t.row_count += impact_rows_of(sr);
  t.produce = [&m, &p, &results, lang](const RowVisitor& visit) {
    ImpactRows rows(m, p, lang);
    for (const risk::ScenarioRisk& sr : results.scenario_risks)
      if (!rows.scenario(sr, visit)) return;
  };
  return t;
}

}  // namespace icsrisk::report
