#include "report/plan_table.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace icsrisk::report {

namespace {

// Words of this table only; one instance per language, so a missing word fails to compile.
struct PlanTableWords {
  const char *title, *sheet, *note, *no, *measure, *scope, *where, *cost, *scenarios, *rows;
  const char *scenario_letters, *row_letters, *none;
  std::array<const char*, 5> kinds;
};

constexpr PlanTableWords kJa{
    .title = "対策の優先順位(実装済みの対策に1件ずつ加えた場合の効果)",
    .sheet = "対策の優先順位",
    .note =
        "リスク値を下げる配置 {} 件のうち上位 {} 件。シナリオのリスク値を下げる順、次に資産ベースの"
        "行、次にコストの順。icsrisk plan がすべての候補と最小コストの計画を示します。",
    .no = "No.",
    .measure = "対策",
    .scope = "範囲",
    .where = "対象",
    .cost = "相対コスト",
    .scenarios = "下がるシナリオ",
    .rows = "下がる資産ベースの行",
    .scenario_letters = "シナリオ(段階)",
    .row_letters = "行(段階)",
    .none = "-",
    .kinds = {"資産", "データフロー", "ネットワーク", "ゾーン", "システム全体"},
};

constexpr PlanTableWords kEn{
    .title = "Countermeasure priorities (each placement added alone to the implemented measures)",
    .sheet = "Countermeasure priorities",
    .note =
        "The first {1} of {0} placements that lower a risk: by the scenario risks they lower, "
        "then the asset-based rows, then cost. icsrisk plan lists every candidate and the "
        "cheapest plan.",
    .no = "No.",
    .measure = "Measure",
    .scope = "Scope",
    .where = "Where",
    .cost = "Relative cost",
    .scenarios = "Scenarios lowered",
    .rows = "Asset-based rows lowered",
    .scenario_letters = "Scenario letters",
    .row_letters = "Row letters",
    .none = "-",
    .kinds = {"asset", "flow", "network", "zone", "system"},
};

std::string scenarios_text(const plan::WhatIf& w, const plan::Effect& e) {
  std::string s;
  for (const plan::Change& c : e.scenarios) {
    const risk::ScenarioRef& r = w.scenarios()[c.index];
    s += fmt::format("{}{} {}→{}", s.empty() ? "" : "\n",
                     w.context().model().impacts[r.impact].scenarios[r.scenario].id, c.before,
                     c.after);
  }
  return s;
}

}  // namespace

Table plan_table(const plan::WhatIf& w, const std::vector<plan::Ranked>& ranking,
                 model::Lang lang) {
  const PlanTableWords& words = lang == model::Lang::kJa ? kJa : kEn;
  const model::Model& m = w.context().model();
  const model::Profile& p = w.context().profile();
  Table t;
  t.id = "countermeasure-plan";
  t.title = words.title;
  t.sheet = words.sheet;
  for (const char* h : {words.no, words.measure, words.scope, words.where, words.cost,
                        words.scenarios, words.scenario_letters, words.rows, words.row_letters})
    t.columns.push_back({"", h});
  std::size_t lowering = 0;
  for (const plan::Ranked& r : ranking) {
    if (r.effect.scenarios.empty() && r.effect.rows.empty()) continue;
    if (++lowering > kPlanTableRows) continue;
    const plan::Candidate& c = r.candidate;
    std::string scope(plan::scope_id(m, c));
    std::vector<Cell>& row = t.rows.emplace_back();
    row.push_back(Cell::of_number(static_cast<int>(lowering)));
    row.push_back(Cell::of_text(p.countermeasures[c.measure].name.in(lang)));
    row.push_back(Cell::of_mark(words.kinds[static_cast<std::size_t>(c.kind)]));
    row.push_back(scope.empty() ? Cell::of_mark(words.none) : Cell::of_text(scope));
    row.push_back(Cell::of_number(c.cost));
    std::string sc = scenarios_text(w, r.effect);
    row.push_back(sc.empty() ? Cell::of_mark(words.none) : Cell::of_text(sc));
    row.push_back(Cell::of_number(r.effect.scenario_gain));
    row.push_back(Cell::of_number(static_cast<int>(r.effect.rows.size())));
    row.push_back(Cell::of_number(r.effect.row_gain));
  }
  t.note = fmt::format(fmt::runtime(words.note), lowering, std::min(lowering, kPlanTableRows));
  return t;
}

}  // namespace icsrisk::report
