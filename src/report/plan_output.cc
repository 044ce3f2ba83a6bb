#include "report/plan_output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/summary.h"
#include "report/text_table.h"

namespace icsrisk::report {

namespace {

using nlohmann::ordered_json;

// Words of this view only; one instance per language, so a missing word fails to compile.
struct PlanWords {
  const char *title, *exact, *bounded, *unmet, *placements, *measure, *scope, *scope_id, *cost;
  const char *scenarios, *scenario, *before, *after, *goal, *below_floor, *ranking, *rows;
  const char *none, *in_model, *no_ranked;
  std::array<const char*, 5> kinds;
};

constexpr PlanWords kJa{
    .title = "対策計画 — 目標リスク値 {} ({})",
    .exact = "最小コストの計画(分枝限定法で最適性を確認): コスト {}",
    .bounded =
        "見つかった計画: コスト {}(探索上限に達したため最適性は未確認。最小コストは {} 以上)",
    .unmet = "候補の対策をすべて加えても目標に届きません",
    .placements = "追加する対策",
    .measure = "対策",
    .scope = "範囲",
    .scope_id = "対象",
    .cost = "コスト",
    .scenarios = "シナリオのリスク値",
    .scenario = "シナリオ",
    .before = "現状",
    .after = "計画後",
    .goal = "目標",
    .below_floor = "目標が下限より低いもの(目標を下限に置き換え)",
    .ranking = "対策の優先順位(単独で加えた場合の効果)",
    .rows = "資産ベースの行",
    .none = "なし",
    .in_model = "(モデルで計画中)",
    .no_ranked = "リスク値を下げる候補はありません",
    .kinds = {"資産", "データフロー", "ネットワーク", "ゾーン", "システム全体"},
};

constexpr PlanWords kEn{
    .title = "Countermeasure plan — target risk {} ({})",
    .exact = "Cheapest plan (optimal, proven by branch and bound): cost {}",
    .bounded =
        "Plan found: cost {} (search limit reached: not proven optimal; the cheapest plan "
        "costs at least {})",
    .unmet = "The goals are not reached even with every candidate placement",
    .placements = "Placements to add",
    .measure = "Measure",
    .scope = "Scope",
    .scope_id = "Where",
    .cost = "Cost",
    .scenarios = "Scenario risks",
    .scenario = "Scenario",
    .before = "Now",
    .after = "With the plan",
    .goal = "Goal",
    .below_floor = "Targets below a floor (the goal is the floor instead)",
    .ranking = "Countermeasure ranking (each placement alone)",
    .rows = "Asset-based rows",
    .none = "none",
    .in_model = " (planned in the model)",
    .no_ranked = "No candidate lowers a risk",
    .kinds = {"asset", "flow", "network", "zone", "system"},
};

const char* kind_id(plan::ScopeKind k) {
  return plan::kScopeKindIds[static_cast<std::size_t>(k)];
}

std::string opt(const std::optional<model::Risk>& r) {
  return r ? std::string(1, model::letter(*r)) : std::string("-");
}

model::Risk after_of(const std::vector<plan::Change>& changes, std::size_t i, model::Risk before) {
  for (const plan::Change& c : changes)
    if (c.index == i) return c.after;
  return before;
}

/// Scenario `i`'s risk with the plan (empty when unreachable).
std::optional<model::Risk> scenario_after(const plan::Plan& pl, std::size_t i,
                                          const std::optional<model::Risk>& before) {
  std::optional<model::Risk> out = before;
  if (out) out = after_of(pl.effect.scenarios, i, *out);
  return out;
}

const model::Scenario& scenario_at(const plan::WhatIf& w, std::size_t i) {
  const risk::ScenarioRef& r = w.scenarios()[i];
  return w.context().model().impacts[r.impact].scenarios[r.scenario];
}

std::string changes_text(const plan::WhatIf& w, const plan::Effect& e) {
  std::string s;
  for (const plan::Change& c : e.scenarios)
    s += fmt::format("{}{} {}→{}", s.empty() ? "" : ", ", scenario_at(w, c.index).id, c.before,
                     c.after);
  return s;
}

}  // namespace

namespace {

/// The view's state: what every section of the terminal view reads.
struct TextView {
  const PlanOutput& o;
  const PlanWords& w;
  model::Lang lang;
  const plan::WhatIf& wi = *o.whatif;
  const model::Model& m = wi.context().model();
  const model::Profile& p = wi.context().profile();
  const plan::Plan& pl = o.plan;
};

std::string placements_section(const TextView& v) {
  std::string out = fmt::format("{}\n", v.w.placements);
  TextTable t({"#", v.w.measure, v.w.scope, v.w.scope_id, v.w.cost});
  for (std::size_t i = 0; i < v.pl.placements.size(); ++i) {
    const plan::Candidate& c = v.pl.placements[i];
    t.add({std::to_string(i + 1), v.p.countermeasures[c.measure].name.in(v.lang),
           v.w.kinds[static_cast<std::size_t>(c.kind)],
           std::string(plan::scope_id(v.m, c)) + (c.in_model ? v.w.in_model : ""),
           std::to_string(c.cost)});
  }
  return out + (v.pl.placements.empty() ? std::string(v.w.none) + "\n" : t.render());
}

std::string scenarios_section(const TextView& v) {
  std::string out = fmt::format("\n{}\n", v.w.scenarios);
  TextTable t({v.w.scenario, v.w.before, v.w.after, v.w.goal});
  for (std::size_t i = 0; i < v.wi.scenario_risks().size(); ++i) {
    const std::optional<model::Risk>& before = v.wi.scenario_risks()[i];
    std::optional<model::Risk> after = scenario_after(v.pl, i, before);
    const model::Scenario& sc = scenario_at(v.wi, i);
    t.add({std::string(sc.id) + " " + std::string(sc.name), opt(before), opt(after),
           opt(v.pl.scenario_goal[i])});
  }
  out += t.render();
  if (v.pl.scenarios_below_floor.empty() && v.pl.rows_below_floor.empty()) return out;
  out += fmt::format("\n{}\n", v.w.below_floor);
  for (std::size_t i : v.pl.scenarios_below_floor)
    out += fmt::format("  {}: {}\n", scenario_at(v.wi, i).id, opt(v.pl.scenario_goal[i]));
  for (std::size_t i : v.pl.rows_below_floor)
    out += fmt::format("  {} / {}: {}\n", row_target_name(v.m, v.wi.rows()[i]),
                       v.p.threats[v.wi.rows()[i].threat].id, model::letter(v.pl.row_goal[i]));
  return out;
}

std::string ranking_section(const TextView& v, std::size_t top) {
  std::string out = fmt::format("\n{}\n", v.w.ranking);
  TextTable t({"#", v.w.measure, v.w.scope, v.w.scope_id, v.w.cost, v.w.scenario, v.w.rows});
  std::size_t shown = 0;
  for (const plan::Ranked& r : v.o.ranking) {  // what changes nothing is ranked last
    if (shown == top || (r.effect.scenarios.empty() && r.effect.rows.empty())) break;
    const plan::Candidate& c = r.candidate;
    t.add({std::to_string(++shown), v.p.countermeasures[c.measure].name.in(v.lang),
           v.w.kinds[static_cast<std::size_t>(c.kind)], std::string(plan::scope_id(v.m, c)),
           std::to_string(c.cost), changes_text(v.wi, r.effect),
           fmt::format("{} (-{})", r.effect.rows.size(), r.effect.row_gain)});
  }
  return out + (shown == 0 ? std::string(v.w.no_ranked) + "\n" : t.render());
}

}  // namespace

std::string plan_text(const PlanOutput& o, model::Lang lang, std::size_t top) {
  const TextView v{o, lang == model::Lang::kJa ? kJa : kEn, lang};
  std::string out = fmt::format(fmt::runtime(v.w.title), model::letter(o.options.target),
                                o.options.scope == plan::Scope::kAll ? "all" : "scenarios");
  out += "\n\n";
  if (!v.pl.met)
    out += fmt::format("{}\n\n", v.w.unmet);
  else if (v.pl.exact)
    out += fmt::format(fmt::runtime(v.w.exact), v.pl.cost) + "\n\n";
  else
    out += fmt::format(fmt::runtime(v.w.bounded), v.pl.cost, v.pl.lower_bound) + "\n\n";
  return out + placements_section(v) + scenarios_section(v) + ranking_section(v, top);
}

namespace {

ordered_json placement_json(const model::Model& m, const model::Profile& p,
                            const plan::Candidate& c) {
  return {{"measure", p.countermeasures[c.measure].id},
          {"scope_kind", kind_id(c.kind)},
          {"scope_id", std::string(plan::scope_id(m, c))},
          {"cost", c.cost},
          {"in_model", c.in_model}};
}

ordered_json row_key(const model::Model& m, const model::Profile& p, const risk::AssetRiskRow& r) {
  const bool asset = r.kind == risk::AssetRiskRow::Kind::kAsset;
  return {{"target", std::string(asset ? m.assets[r.target].id : m.networks[r.target].id)},
          {"kind", asset ? "asset" : "network"},
          {"threat", p.threats[r.threat].id}};
}

ordered_json effect_json(const plan::WhatIf& w, const plan::Effect& e) {
  const model::Model& m = w.context().model();
  ordered_json scenarios = ordered_json::array(), rows = ordered_json::array();
  for (const plan::Change& c : e.scenarios)
    scenarios.push_back({{"scenario", std::string(scenario_at(w, c.index).id)},
                         {"before", std::string(1, model::letter(c.before))},
                         {"after", std::string(1, model::letter(c.after))}});
  for (const plan::Change& c : e.rows) {
    ordered_json r = row_key(m, w.context().profile(), w.rows()[c.index]);
    r["before"] = std::string(1, model::letter(c.before));
    r["after"] = std::string(1, model::letter(c.after));
    rows.push_back(std::move(r));
  }
  return {{"scenario_gain", e.scenario_gain},
          {"row_gain", e.row_gain},
          {"scenarios", scenarios},
          {"asset_rows", rows}};
}

ordered_json risks_json(const PlanOutput& o) {
  const plan::WhatIf& w = *o.whatif;
  const plan::Plan& pl = o.plan;
  auto opt_json = [](const std::optional<model::Risk>& r) {
    return r ? ordered_json(std::string(1, model::letter(*r))) : ordered_json(nullptr);
  };
  ordered_json scenarios = ordered_json::array();
  for (std::size_t i = 0; i < w.scenario_risks().size(); ++i) {
    const std::optional<model::Risk>& before = w.scenario_risks()[i];
    std::optional<model::Risk> after = scenario_after(pl, i, before);
    const risk::ScenarioRef& ref = w.scenarios()[i];
    scenarios.push_back({{"impact", std::string(w.context().model().impacts[ref.impact].id)},
                         {"scenario", std::string(scenario_at(w, i).id)},
                         {"risk_before", opt_json(before)},
                         {"risk_after", opt_json(after)},
                         {"goal", opt_json(pl.scenario_goal[i])}});
  }
  return scenarios;
}

}  // namespace

std::string plan_json(const PlanOutput& o) {
  const plan::WhatIf& w = *o.whatif;
  const model::Model& m = w.context().model();
  const model::Profile& p = w.context().profile();
  const plan::Plan& pl = o.plan;
  ordered_json j;
  j["tool"] = "icsrisk";
  j["format"] = 1;
  j["kind"] = "plan";
  j["profile"] = {{"id", p.id}, {"reconstructed", p.reconstructed}};
  j["system"] = {{"id", std::string(m.id)}, {"name", std::string(m.name)}};
  j["target"] = std::string(1, model::letter(o.options.target));
  j["scope"] = o.options.scope == plan::Scope::kAll ? "all" : "scenarios";
  j["met"] = pl.met;
  j["exact"] = pl.exact;
  j["cost"] = pl.cost;
  j["lower_bound"] = pl.lower_bound;
  j["candidates"] = o.candidates;
  j["evaluations"] = pl.evaluations;
  j["placements"] = ordered_json::array();
  for (const plan::Candidate& c : pl.placements)
    j["placements"].push_back(placement_json(m, p, c));
  j["scenario_risks"] = risks_json(o);
  ordered_json rows = ordered_json::array();
  for (std::size_t i = 0; i < w.rows().size(); ++i) {
    ordered_json r = row_key(m, p, w.rows()[i]);
    r["risk_before"] = std::string(1, model::letter(w.rows()[i].risk));
    r["risk_after"] = std::string(1, model::letter(after_of(pl.effect.rows, i, w.rows()[i].risk)));
    if (i < pl.row_goal.size()) r["goal"] = std::string(1, model::letter(pl.row_goal[i]));
    rows.push_back(std::move(r));
  }
  j["asset_risks"] = rows;
  ordered_json ranking = ordered_json::array();
  for (const plan::Ranked& r : o.ranking) {
    if (r.effect.scenarios.empty() && r.effect.rows.empty()) continue;
    ordered_json x = placement_json(m, p, r.candidate);
    x.update(effect_json(w, r.effect));
    ranking.push_back(std::move(x));
  }
  j["ranking"] = ranking;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace icsrisk::report
