#include "report/html_exec.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/html_text.h"
#include "report/summary.h"
#include "report/words.h"

namespace icsrisk::report {

namespace {

/// The executive summary's own words, one instance per language (a missing word does not
/// compile: every field is a const char* filled by designated initializers).
struct ExecWords {
  const char* title;
  const char* at_risk;
  const char* scenarios_ab;
  const char* no_scenarios_ab;
  const char* worst_rows;
  const char* to_do;
  const char* to_do_note;
  const char* effect;  ///< {name} {rows} {rows now at A or B}
  const char* none_planned;
  const char* method_title;
  const char* method;  ///< {asset rows} {scenarios} {listed routes} {profile id and name}
};

constexpr ExecWords kExecJa{
    .title = "要約",
    .at_risk = "リスクの高いもの",
    .scenarios_ab = "リスク A・B の事業被害シナリオ",
    .no_scenarios_ab = "リスク A・B の事業被害シナリオはありません。",
    .worst_rows = "資産ベースでリスクの最も高い行",
    .to_do = "効果の最も大きい対策（上位3件）",
    .to_do_note =
        "計画中の対策を、リスクを下げる資産ベースの行の数で順位付けしています"
        "（現在 A・B の行を優先。複数の対策でともに下がる行は各対策に数えます）。",
    .effect = "{0}: {1} 行のリスクを下げる（うち現在 A・B の行 {2}）",
    .none_planned =
        "リスクを下げる計画中の対策はありません。モデルに計画中の対策"
        "（status=\"planned\"）を記入すると、その効果がここに示されます。",
    .method_title = "評価方法",
    .method =
        "IPA「制御システムのセキュリティリスク分析ガイド」第2版（2018）に沿い、icsrisk で"
        "資産ベースのリスク分析 {0} 行（資産×脅威）と事業被害ベースのリスク分析 {1} "
        "シナリオ（攻撃ルート {2} 本を列挙）を行いました。評価基準: {3}。すべての行は以降の"
        "章に、方法の詳細は icsrisk の docs/method.md にあります。",
};

constexpr ExecWords kExecEn{
    .title = "Executive summary",
    .at_risk = "What is at risk",
    .scenarios_ab = "Business-impact scenarios at risk A or B",
    .no_scenarios_ab = "No business-impact scenario is at risk A or B.",
    .worst_rows = "The worst asset-based rows",
    .to_do = "The three most effective things to do",
    .to_do_note =
        "The planned countermeasures, ranked by the asset-based rows whose risk they "
        "lower (rows now at A or B first; a row lowered by several measures together "
        "counts for each).",
    .effect = "{0}: lowers the risk of {1} rows ({2} of them now at A or B)",
    .none_planned =
        "No planned countermeasure lowers a risk. Enter planned measures "
        "(status=\"planned\") in the model to see their effect here.",
    .method_title = "How this was assessed",
    .method =
        "With icsrisk, after the IPA guide (2nd edition, 2018): the asset-based risk "
        "analysis of {0} rows (asset × threat) and the business-impact risk analysis of {1} "
        "scenarios ({2} attack routes listed). Criteria: {3}. The chapters below give every "
        "row; the method is docs/method.md of icsrisk.",
};

std::string risk_badge(std::optional<model::Risk> r) {
  if (!r) return "<span class=\"risk risk-none\">–</span>";
  return fmt::format("<span class=\"risk risk-{0}\">{0}</span>", *r);
}

bool at_a_or_b(model::Risk r) {
  return at_least(r, model::Risk::kB);
}

void scenarios_at_risk(std::string& out, const model::Model& m, const risk::Results& r,
                       const Words& w, const ExecWords& x) {
  out += fmt::format("<h4>{}</h4>\n", x.scenarios_ab);
  std::string rows;
  for (std::size_t i : ranked_scenarios(r)) {
    const risk::ScenarioRisk& s = r.scenario_risks[i];
    if (!s.risk || !at_a_or_b(*s.risk)) continue;
    const model::Impact& imp = m.impacts[s.impact];
    rows += fmt::format(
        "<tr><td>{}</td><td><a href=\"#s-{}\">{}</a></td><td>{}</td><td class=\"num\">{}</td>"
        "<td>{}</td></tr>\n",
        risk_badge(s.risk), html_escape(imp.scenarios[s.scenario].id),
        html_escape(imp.scenarios[s.scenario].name), html_escape(imp.name), s.impact_level,
        risk_badge(s.risk_planned));
  }
  if (rows.empty()) {
    out += fmt::format("<p>{}</p>\n", x.no_scenarios_ab);
    return;
  }
  out += fmt::format(
      "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
      "<tbody>\n{}</tbody></table>\n",
      w.scenario_risk, w.scenario, w.impact_group, w.impact_level, w.scenario_risk_planned, rows);
}

void worst_rows(std::string& out, const model::Model& m, const model::Profile& p,
                const risk::Results& r, model::Lang lang, const Words& w, const ExecWords& x) {
  std::vector<std::size_t> top = top_asset_rows(r, 5);
  if (top.empty()) return;
  out += fmt::format("<h4>{}</h4>\n", x.worst_rows);
  out += fmt::format(
      "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
      "<tbody>\n",
      w.risk, w.target, w.threat, w.importance, w.html.after);
  for (std::size_t i : top) {
    const risk::AssetRiskRow& row = r.asset_risks[i];
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
        risk_badge(row.risk), html_escape(row_target_name(m, row)),
        html_escape(p.threats[row.threat].name.in(lang)), row.importance,
        risk_badge(row.risk_planned));
  }
  out += "</tbody></table>\n";
}

void things_to_do(std::string& out, const model::Profile& p, const risk::Results& r,
                  model::Lang lang, const ExecWords& x) {
  out += fmt::format("<h3>{}</h3>\n", x.to_do);
  std::vector<PlannedEffect> effects = planned_effects(r);
  if (effects.empty()) {
    out += fmt::format("<p>{}</p>\n", x.none_planned);
    return;
  }
  out += "<ol class=\"todo\">\n";
  for (std::size_t k = 0; k < std::min<std::size_t>(3, effects.size()); ++k) {
    const PlannedEffect& e = effects[k];
    out += fmt::format(
        "<li>{}</li>\n",
        fmt::format(fmt::runtime(x.effect), html_escape(p.countermeasures[e.measure].name.in(lang)),
                    e.rows, e.rows_from_ab));
  }
  out += fmt::format("</ol>\n<p class=\"note\">{}</p>\n", x.to_do_note);
}

}  // namespace

std::vector<PlannedEffect> planned_effects(const risk::Results& results) {
  std::map<std::size_t, PlannedEffect> by_measure;
  for (const risk::AssetRiskRow& row : results.asset_risks) {
    if (!worse_than(row.risk, row.risk_planned)) continue;
    const std::size_t gained = model::index_of(row.risk_planned) - model::index_of(row.risk);
    for (std::size_t c : row.planned) {
      PlannedEffect& e = by_measure[c];
      e.measure = c;
      ++e.rows;
      e.rows_from_ab += at_a_or_b(row.risk) ? 1 : 0;
      e.levels += gained;
    }
  }
  std::vector<PlannedEffect> out;
  for (const auto& [c, e] : by_measure)
    out.push_back(e);
  std::stable_sort(out.begin(), out.end(), [](const PlannedEffect& a, const PlannedEffect& b) {
    if (a.rows_from_ab != b.rows_from_ab) return a.rows_from_ab > b.rows_from_ab;
    if (a.rows != b.rows) return a.rows > b.rows;
    return a.levels > b.levels;
  });
  return out;
}

std::string executive_summary_html(const model::Model& model, const model::Profile& profile,
                                   const risk::Results& results, model::Lang lang) {
  const Words& w = words(lang);
  const ExecWords& x = lang == model::Lang::kEn ? kExecEn : kExecJa;
  std::string out =
      fmt::format("<section id=\"executive\" class=\"executive\"><h2>{}</h2>\n", x.title);
  out += fmt::format("<h3>{}</h3>\n", x.at_risk);
  scenarios_at_risk(out, model, results, w, x);
  worst_rows(out, model, profile, results, lang, w, x);
  things_to_do(out, profile, results, lang, x);
  std::size_t routes = 0;
  for (const risk::ScenarioRisk& s : results.scenario_risks)
    routes += s.routes.size();
  const std::string criteria =
      profile.name.empty() ? profile.id : fmt::format("{} ({})", profile.id, profile.name);
  out += fmt::format("<h3>{}</h3>\n<p>{}</p>\n", x.method_title,
                     fmt::format(fmt::runtime(x.method), results.asset_risks.size(),
                                 results.scenario_risks.size(), routes, html_escape(criteria)));
  out += "</section>\n";
  return out;
}

}  // namespace icsrisk::report
