#include "report/catalogue.h"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "report/quant_words.h"
#include "report/text_table.h"

namespace icsrisk::report {
namespace {

using model::Lang;
using model::Profile;

// Words of this view only; one instance per language, so a missing word fails to compile.
struct CatalogueWords {
  const char *profile, *reconstructed, *star_note, *scales, *level, *wording;
  std::array<const char*, 4> scale_names;  // importance, business impact, threat, vulnerability
  const char *asset_types, *id, *name, *category, *filtering;
  std::array<const char*, 3> filterings;  // no, yes, one-way
  const char *threats, *stage, *default_level, *applies_to;
  const char *countermeasures, *function, *stages, *counters, *attack_ics;
  const char *vectors, *method, *lateral;
  const char *media, *medium, *network_threats;
  std::array<const char*, 4> medium_names;
  const char *matrix, *matrix_note, *first_axis, *threat_level, *vulnerability;
  std::array<const char*, 5> categories;
  std::array<const char*, 3> functions;
  std::array<const char*, 2> stage_names;
  const char* cost;
};

constexpr CatalogueWords kJa{
    .profile = "プロファイル",
    .reconstructed = "ガイド本文と照合していない再構成値を含む",
    .star_note = "* 再構成値(ガイド本文と未照合)",
    .scales = "評価基準",
    .level = "レベル",
    .wording = "基準",
    .scale_names = {"重要度", "事業被害レベル", "脅威レベル", "脆弱性レベル"},
    .asset_types = "資産の種類",
    .id = "ID",
    .name = "名称",
    .category = "分類",
    .filtering = "フィルタリング",
    .filterings = {"なし(ネットワークを結合)", "あり(宣言されたフローのみ通過)",
                   "一方向(宣言されたフローを順方向のみ)"},
    .threats = "脅威",
    .stage = "段階",
    .default_level = "既定の脅威レベル",
    .applies_to = "対象",
    .countermeasures = "セキュリティ対策",
    .function = "機能",
    .stages = "段階",
    .counters = "対処する脅威",
    .attack_ics = "ATT&CK for ICS 緩和策",
    .vectors = "侵入口の種類",
    .method = "最初の攻撃手口(脅威)",
    .lateral = "拡散の攻撃手口",
    .media = "ネットワークの媒体",
    .medium = "媒体",
    .network_threats = "適用される脅威",
    .medium_names = {"有線", "無線", "シリアル", "フィールドバス"},
    .matrix = "リスク値の評価基準(3×3×3)",
    .matrix_note = "行: 脅威レベル、列: 脆弱性レベル",
    .first_axis = "重要度/事業被害レベル",
    .threat_level = "脅威",
    .vulnerability = "脆弱性",
    .categories = {"コンピュータ", "コントローラ", "ネットワーク機器", "フィールド機器",
                   "可搬媒体"},
    .functions = {"防御", "検知", "被害低減"},
    .stage_names = {"侵入・拡散", "目的遂行"},
    .cost = "相対コスト",
};

constexpr CatalogueWords kEn{
    .profile = "Profile",
    .reconstructed = "contains reconstructed values (not checked against the guide's text)",
    .star_note = "* reconstructed (not checked against the guide's text)",
    .scales = "Scales",
    .level = "Level",
    .wording = "Criterion",
    .scale_names = {"Importance", "Business impact", "Threat level", "Vulnerability level"},
    .asset_types = "Asset types",
    .id = "ID",
    .name = "Name",
    .category = "Category",
    .filtering = "Filtering",
    .filterings = {"no (joins its networks)", "yes (declared flows only)",
                   "one-way (declared flows, forward only)"},
    .threats = "Threats",
    .stage = "Stage",
    .default_level = "Default level",
    .applies_to = "Applies to",
    .countermeasures = "Countermeasures",
    .function = "Function",
    .stages = "Stages",
    .counters = "Counters",
    .attack_ics = "ATT&CK for ICS mitigations",
    .vectors = "Entry vectors",
    .method = "Method of the entry step (threat)",
    .lateral = "Lateral-movement method",
    .media = "Network media",
    .medium = "Medium",
    .network_threats = "Threats that apply",
    .medium_names = {"Wired", "Wireless", "Serial", "Fieldbus"},
    .matrix = "Risk matrix (3×3×3)",
    .matrix_note = "rows: threat level, columns: vulnerability level",
    .first_axis = "Importance / business impact",
    .threat_level = "Threat",
    .vulnerability = "Vulnerability",
    .categories = {"computer", "controller", "network device", "field device", "media"},
    .functions = {"protect", "detect", "mitigate"},
    .stage_names = {"intrusion", "objective"},
    .cost = "Relative cost",
};

std::string join(const std::vector<std::string>& items, const char* sep = " ") {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string starred(const std::string& id, bool reconstructed) {
  return reconstructed ? id + " *" : id;
}

std::string function_name(const CatalogueWords& w, model::Function f) {
  switch (f) {
    case model::Function::kProtect:
      return w.functions[0];
    case model::Function::kDetect:
      return w.functions[1];
    case model::Function::kMitigate:
      return w.functions[2];
  }
  return "";
}

void section(std::string& out, const std::string& title, const TextTable& table) {
  out += fmt::format("\n{}\n\n{}", title, table.render());
}

void scales(std::string& out, const Profile& p, Lang lang, const CatalogueWords& w) {
  const std::array<const model::Scale*, 4> all = {&p.importance, &p.business_impact, &p.threat,
                                                  &p.vulnerability};
  for (std::size_t s = 0; s < all.size(); ++s) {
    TextTable t({w.level, w.wording});
    for (int v = 3; v >= 1; --v) {
      const model::ScaleLevel& l = all[s]->levels[v];
      t.add({starred(std::to_string(v), l.reconstructed), l.text.in(lang)});
    }
    section(out, fmt::format("{}: {}", w.scales, w.scale_names[s]), t);
  }
}

void asset_types(std::string& out, const Profile& p, Lang lang, const CatalogueWords& w) {
  TextTable t({w.id, w.name, w.category, w.filtering});
  for (const model::AssetType& a : p.asset_types) {
    bool device = a.category == model::Category::kNetworkDevice;
    t.add({starred(a.id, a.reconstructed), a.name.in(lang),
           w.categories[static_cast<std::size_t>(a.category)],
           device ? w.filterings[static_cast<std::size_t>(a.filtering)] : "-"});
  }
  section(out, w.asset_types, t);
}

std::string stages_of(std::uint8_t bits, const CatalogueWords& w) {
  std::vector<std::string> s;
  if (bits & static_cast<std::uint8_t>(model::Stage::kIntrusion)) s.emplace_back(w.stage_names[0]);
  if (bits & static_cast<std::uint8_t>(model::Stage::kObjective)) s.emplace_back(w.stage_names[1]);
  return join(s, ", ");
}

void threats(std::string& out, const Profile& p, Lang lang, const CatalogueWords& w) {
  TextTable t({w.id, w.name, w.stage, w.default_level, w.applies_to});
  for (const model::Threat& th : p.threats)
    t.add({starred(th.id, th.reconstructed), th.name.in(lang),
           stages_of(static_cast<std::uint8_t>(th.stage), w), std::to_string(th.level),
           join(th.applies_to)});
  section(out, w.threats, t);
}

void countermeasures(std::string& out, const Profile& p, Lang lang, const CatalogueWords& w) {
  TextTable t({w.id, w.name, w.function, w.stages, w.cost, w.attack_ics, w.counters});
  for (const model::Countermeasure& c : p.countermeasures)
    t.add({starred(c.id, c.reconstructed), c.name.in(lang), function_name(w, c.function),
           stages_of(c.stages, w), std::to_string(c.cost), join(c.attack_ics), join(c.counters)});
  section(out, w.countermeasures, t);
}

std::string threat_label(const Profile& p, const std::string& id, Lang lang) {
  std::size_t i = p.find_threat(id);
  return i == model::kNone ? id : fmt::format("{} ({})", id, p.threats[i].name.in(lang));
}

void vectors(std::string& out, const Profile& p, Lang lang, const CatalogueWords& w) {
  TextTable t({w.id, w.name, w.method});
  for (const model::EntryVector& v : p.vectors)
    t.add({v.id, v.name.in(lang), threat_label(p, v.method, lang)});
  section(out, w.vectors, t);
  out += fmt::format("\n{}: {}\n", w.lateral, threat_label(p, p.lateral_method, lang));
}

void media(std::string& out, const Profile& p, const CatalogueWords& w) {
  TextTable t({w.medium, w.name, w.network_threats});
  for (std::size_t m = 0; m < model::kMediumIds.size(); ++m) {
    std::vector<std::string> ids;
    for (const model::Threat& th : p.threats)
      if (p.applies_to_network(th, static_cast<model::Medium>(m))) ids.push_back(th.id);
    t.add({model::kMediumIds[m], w.medium_names[m], join(ids)});
  }
  section(out, w.media, t);
}

void matrix(std::string& out, const Profile& p, const CatalogueWords& w) {
  out += fmt::format("\n{}\n", w.matrix);
  out += fmt::format("{}\n", w.matrix_note);
  for (int first = 3; first >= 1; --first) {
    TextTable t({"", fmt::format("{} 3", w.vulnerability), fmt::format("{} 2", w.vulnerability),
                 fmt::format("{} 1", w.vulnerability)});
    for (int threat = 3; threat >= 1; --threat) {
      std::vector<std::string> row{fmt::format("{} {}", w.threat_level, threat)};
      for (int v = 3; v >= 1; --v)
        row.push_back(fmt::format("{}", p.risk_of(first, threat, v)));  // the risk's letter
      t.add(std::move(row));
    }
    out += fmt::format("\n{} {}\n", w.first_axis, first);
    out += t.render();
  }
}

/// The §9 parameters per step level.
void quant(std::string& out, const Profile& p, Lang lang) {
  const QuantWords& q = quant_words(lang);
  TextTable t({q.level, q.success, q.stop});
  for (int level = 1; level <= 3; ++level)
    t.add({starred(std::to_string(level), p.quant.reconstructed),
           fmt::format("{:g}", p.quant.s[level]), fmt::format("{:g}", p.quant.c[level])});
  section(out, q.section, t);
  if (p.quant.reconstructed) out += fmt::format("{}\n", q.builtin_note);
}

}  // namespace

std::string catalogue_text(const Profile& profile, Lang lang) {
  const CatalogueWords& w = lang == Lang::kJa ? kJa : kEn;
  std::string out = fmt::format("{}: {} — {}\n", w.profile, profile.id, profile.name);
  if (profile.reconstructed) out += fmt::format("{}\n{}\n", w.reconstructed, w.star_note);
  scales(out, profile, lang, w);
  matrix(out, profile, w);
  asset_types(out, profile, lang, w);
  threats(out, profile, lang, w);
  countermeasures(out, profile, lang, w);
  vectors(out, profile, lang, w);
  media(out, profile, w);
  quant(out, profile, lang);
  return out;
}

}  // namespace icsrisk::report
