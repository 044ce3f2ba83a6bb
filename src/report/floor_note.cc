#include "report/floor_note.h"

#include <fmt/format.h>

namespace icsrisk::report {

namespace {

// Words of this note only; one instance per language, so a missing word fails to compile.
struct FloorWords {
  const char* heading;
  const char* note;  ///< {0} scenario, {1} risk, {2} entry, {3} threat, {4} impact, {5} vuln
};

constexpr FloorWords kJa{
    .heading = "対策で下げられないシナリオ",
    .note =
        "{0}: 計画中の対策の実施後のリスク値 {1} は下限です(カタログのどの対策をどこに加えても"
        "下がりません)。侵入口「{2}」の脅威レベル {3}、事業被害レベル {4} では、対策で到達できる"
        "最も低い脆弱性レベル {5} でもリスク値の評価基準は {1} です。",
};

constexpr FloorWords kEn{
    .heading = "Scenarios no measure can lower",
    .note =
        "{0}: the risk after the planned measures, {1}, is the floor: no catalogue measure "
        "placed anywhere lowers it. Entry point \"{2}\" has threat level {3}; with business "
        "impact level {4}, even the lowest vulnerability level measures can give its routes "
        "({5}) gives {1} in the risk matrix.",
};

const FloorWords& words_of(model::Lang lang) {
  return lang == model::Lang::kJa ? kJa : kEn;
}

}  // namespace

const char* floor_heading(model::Lang lang) {
  return words_of(lang).heading;
}

std::string floor_note(const model::Model& m, const model::Profile& /*profile*/,
                       const risk::ScenarioRisk& s, model::Lang lang) {
  if (!s.floor || !s.risk_planned || *s.risk_planned != s.floor->risk) return "";
  const model::Scenario& sc = m.impacts[s.impact].scenarios[s.scenario];
  const model::Entry& e = m.entries[s.floor->entry];
  return fmt::format(fmt::runtime(words_of(lang).note), sc.name, model::letter(s.floor->risk),
                     e.name, s.floor->threat_level, s.impact_level, s.floor->vulnerability_level);
}

}  // namespace icsrisk::report
