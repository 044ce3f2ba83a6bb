#include "report/json.h"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "report/json_quant.h"
#include "report/summary.h"

namespace icsrisk::report {

using model::kNone;
using namespace std::string_view_literals;

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run of characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

namespace {

// A hand-written emitter rather than a DOM: a 100,000-asset model has over a million rows,
// and building them as JSON values first costs several seconds.
class Writer {
 public:
  explicit Writer(const JsonSink* sink) : sink_(sink) {
    if (sink_) out.reserve(kChunk + 4096);
  }
  std::string out;

  /// Hands the text so far to the sink once it passes a chunk's size (no-op without a sink).
  void maybe_flush() {
    if (sink_ && out.size() >= kChunk) flush();
  }
  void flush() {
    if (sink_ && !out.empty()) (*sink_)(out);
    if (sink_) out.clear();
  }

  void key(std::string_view k) {
    append_json_string(out, k);
    out += ": ";
  }
  void str(std::string_view v) { append_json_string(out, v); }
  /// Text that is JSON already (a pre-quoted string, a literal key with its punctuation).
  void raw(std::string_view json) { out += json; }
  void num(long long v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
  void letter(model::Risk r) {
    out += '"';
    out += model::letter(r);
    out += '"';
  }
  void boolean(bool b) { out += b ? "true" : "false"; }
  void null() { out += "null"; }
  void indent(int depth) {
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  }
  /// `"k": v` pairs on one line are separated by ", ".
  void sep() { out += ", "; }
  /// Ids of profile measures as a one-line array.
  void measures(const model::Profile& p, const std::vector<std::size_t>& ms) {
    out += '[';
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (i) sep();
      str(p.countermeasures[ms[i]].id);
    }
    out += ']';
  }
  static constexpr std::size_t kChunk = 1 << 20;
  const JsonSink* sink_;

  void counts(const std::array<std::size_t, 5>& c) {
    out += '{';
    for (std::size_t i = 0; i < 5; ++i) {
      if (i) sep();
      key(std::string(1, model::letter(model::kRisks[i])));
      num(static_cast<long long>(c[i]));
    }
    out += '}';
  }
};

const char* kind_id(risk::AssetRiskRow::Kind k) {
  return k == risk::AssetRiskRow::Kind::kAsset ? "asset" : "network";
}

std::string_view target_id(const model::Model& m, const risk::AssetRiskRow& r) {
  return r.kind == risk::AssetRiskRow::Kind::kAsset ? m.assets[r.target].id
                                                    : m.networks[r.target].id;
}

/// Writes the asset rows through a Writer. The ids and names are escaped once per threat,
/// measure and target (rows come grouped by target), so a row costs a handful of appends: the
/// 750,000 rows of a 100,000-asset model take a fraction of a second.
class AssetRowWriter {
 public:
  AssetRowWriter(const model::Model& m, const model::Profile& p) : m_(m) {
    for (const model::Threat& t : p.threats)
      threats_.push_back(quoted(t.id));
    for (const model::Countermeasure& c : p.countermeasures)
      measures_.push_back(quoted(c.id));
  }

  void row(Writer& w, const risk::AssetRiskRow& r) {
    if (r.kind != last_kind_ || r.target != last_target_) {
      last_kind_ = r.kind, last_target_ = r.target;
      target_ = quoted(target_id(m_, r));
      name_ = quoted(row_target_name(m_, r));
    }
    w.raw("{\"target\": "sv), w.raw(target_);
    w.raw(r.kind == risk::AssetRiskRow::Kind::kAsset ? ", \"kind\": \"asset\", \"threat\": "sv
                                                     : ", \"kind\": \"network\", \"threat\": "sv);
    w.raw(threats_[r.threat]);
    w.raw(", \"importance\": "sv), w.num(r.importance);
    w.raw(", \"threat_level\": "sv), w.num(r.threat_level);
    w.raw(", \"countermeasures\": "sv), list(w, r.countermeasures);
    w.raw(", \"countermeasure_level\": "sv), w.num(r.countermeasure_level);
    w.raw(", \"vulnerability_level\": "sv), w.num(r.vulnerability_level);
    w.raw(", \"risk\": "sv), w.letter(r.risk);
    w.raw(", \"risk_planned\": "sv), w.letter(r.risk_planned);
    w.raw(", \"countermeasures_planned\": "sv), list(w, r.planned);
    w.raw(", \"countermeasure_level_planned\": "sv), w.num(r.countermeasure_level_planned);
    w.raw(", \"vulnerability_level_planned\": "sv), w.num(r.vulnerability_level_planned);
    w.raw(", \"target_name\": "sv), w.raw(name_), w.raw("}"sv);
  }

 private:
  static std::string quoted(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
  }
  /// Measure ids as a one-line array (Writer::measures, from the pre-quoted ids).
  void list(Writer& w, const std::vector<std::size_t>& ms) const {
    w.raw("["sv);
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (i) w.sep();
      w.raw(measures_[ms[i]]);
    }
    w.raw("]"sv);
  }

  const model::Model& m_;
  std::vector<std::string> threats_, measures_;
  risk::AssetRiskRow::Kind last_kind_ = risk::AssetRiskRow::Kind::kAsset;
  std::size_t last_target_ = kNone;
  std::string target_, name_;
};

void step(Writer& w, const model::Model& m, const model::Profile& p, const risk::Step& s) {
  w.out += '{';
  w.key("from"), w.str(s.from == kNone ? "attacker" : m.assets[s.from].id), w.sep();
  w.key("to"), w.str(s.to != kNone ? m.assets[s.to].id : ""), w.sep();
  w.key("method"), w.str(s.method != kNone ? p.threats[s.method].id : ""), w.sep();
  w.key("via"), w.out += '[';
  for (std::size_t i = 0; i < s.via.size(); ++i) {
    if (i) w.sep();
    w.str(m.assets[s.via[i]].id);
  }
  w.out += ']', w.sep();
  w.key("flow");
  if (s.flow != kNone)
    w.str(m.flows[s.flow].id);
  else
    w.null();
  w.sep();
  w.key("countermeasures"), w.measures(p, s.countermeasures), w.sep();
  w.key("countermeasure_level"), w.num(s.countermeasure_level);
  w.out += '}';
}

void route(Writer& w, const model::Model& m, const model::Profile& p, const risk::Route& r, int d) {
  w.out += '{';
  w.indent(d + 1), w.key("entry"), w.str(r.entry != kNone ? m.entries[r.entry].id : ""),
      w.out += ',';
  w.indent(d + 1), w.key("threat_level"), w.num(r.threat_level), w.out += ',';
  w.indent(d + 1), w.key("countermeasure_level"), w.num(r.countermeasure_level), w.out += ',';
  w.indent(d + 1), w.key("vulnerability_level"), w.num(r.vulnerability_level), w.out += ',';
  w.indent(d + 1), w.key("risk"), w.letter(r.risk), w.out += ',';
  w.indent(d + 1), w.key("steps"), w.out += '[';
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    w.indent(d + 2);
    step(w, m, p, r.steps[i]);
    if (i + 1 < r.steps.size()) w.out += ',';
  }
  if (!r.steps.empty()) w.indent(d + 1);
  w.out += ']';
  w.indent(d), w.out += '}';
}

/// A number of a tree's figures: the shortest text that reads back the same; n/a as null. With
/// `exactness`, "K_exact" follows (true or false) and, when not exact, "K_not_exact" the reason
/// (the figure is then the bottom-up value).
void figure(Writer& w, std::string_view k, const std::optional<double>& v,
            const attacktree::Exactness* exactness = nullptr) {
  w.sep(), w.key(k);
  if (v)
    w.out += fmt::format("{}", *v);
  else
    w.null();
  if (!exactness) return;
  w.sep(), w.key(fmt::format("{}_exact", k)), w.boolean(exactness->exact);
  if (!exactness->exact) w.sep(), w.key(fmt::format("{}_not_exact", k)), w.str(exactness->reason);
}

/// "tree": the attack tree used for the scenario (design.md: an analyst's file or generated).
void tree(Writer& w, const attacktree::TreeFigures& t) {
  w.out += '{';
  w.key("source"), w.str(t.source), w.sep();
  w.key("file");
  if (t.file.empty())
    w.null();
  else
    w.str(t.file);
  w.sep(), w.key("id"), w.str(t.id), w.sep();
  w.key("ipa_level");
  if (t.ipa_level)
    w.num(*t.ipa_level);
  else
    w.null();
  figure(w, "probability", t.probability);
  figure(w, "probability_naive", t.probability_naive, &t.probability_exactness);
  figure(w, "cost", t.cost, &t.cost_exactness);
  figure(w, "time", t.time, &t.time_exactness);
  figure(w, "skill", t.skill);
  w.out += '}';
}

// The best risk any measures could give the scenario, and why (plan/floors.h).
void floor(Writer& w, const model::Model& m, const risk::ScenarioFloor& f) {
  w.out += '{';
  w.key("risk"), w.letter(f.risk), w.sep();
  w.key("entry"), w.str(m.entries[f.entry].id), w.sep();
  w.key("threat_level"), w.num(f.threat_level), w.sep();
  w.key("vulnerability_level"), w.num(f.vulnerability_level);
  w.out += '}';
}

void scenario(Writer& w, const model::Model& m, const model::Profile& p,
              const risk::ScenarioRisk& s, int d, const attacktree::TreeFigures* t,
              const quant::ScenarioQuant* q = nullptr) {
  const model::Impact& impact = m.impacts[s.impact];
  const model::Scenario& sc = impact.scenarios[s.scenario];
  auto opt_letter = [&](const std::optional<model::Risk>& r) {
    if (r)
      w.letter(*r);
    else
      w.null();
  };
  w.out += '{';
  w.indent(d + 1), w.key("impact"), w.str(impact.id), w.out += ',';
  w.indent(d + 1), w.key("impact_level"), w.num(s.impact_level), w.out += ',';
  w.indent(d + 1), w.key("scenario"), w.str(sc.id), w.out += ',';
  w.indent(d + 1), w.key("risk"), opt_letter(s.risk), w.out += ',';
  w.indent(d + 1), w.key("risk_planned"), opt_letter(s.risk_planned), w.out += ',';
  w.indent(d + 1), w.key("routes_total"), w.num(static_cast<long long>(s.routes_total)),
      w.out += ',';
  w.indent(d + 1), w.key("routes_total_exact"), w.boolean(s.routes_total_exact), w.out += ',';
  w.indent(d + 1), w.key("routes_listed"), w.num(static_cast<long long>(s.routes.size())),
      w.out += ',';
  w.indent(d + 1), w.key("truncated"), w.boolean(s.truncated), w.out += ',';
  w.indent(d + 1), w.key("scenario_name"), w.str(sc.name), w.out += ',';
  if (t) w.indent(d + 1), w.key("tree"), tree(w, *t), w.out += ',';
  if (s.floor) w.indent(d + 1), w.key("floor"), floor(w, m, *s.floor), w.out += ',';
  if (q) w.indent(d + 1), w.key("quant"), w.out += quant_json(m, p, *q, d + 1), w.out += ',';
  w.indent(d + 1), w.key("routes"), w.out += '[';
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    w.indent(d + 2);
    route(w, m, p, s.routes[i], d + 2);
    if (i + 1 < s.routes.size()) w.out += ',';
  }
  if (!s.routes.empty()) w.indent(d + 1);
  w.out += ']';
  w.indent(d), w.out += '}';
}

void summary(Writer& w, const model::Model& m, const model::Profile& p, const risk::Results& r) {
  const risk::Summary& s = r.summary;
  w.out += '{';
  w.indent(2), w.key("asset"), w.counts(s.asset_counts), w.out += ',';
  w.indent(2), w.key("asset_planned"), w.counts(s.asset_counts_planned), w.out += ',';
  w.indent(2), w.key("scenario"), w.counts(s.scenario_counts), w.out += ',';
  w.indent(2), w.key("scenario_planned"), w.counts(s.scenario_counts_planned), w.out += ',';
  w.indent(2), w.key("top_risks"), w.out += '[';
  std::vector<std::size_t> top = top_asset_rows(r, 5);
  for (std::size_t i = 0; i < top.size(); ++i) {
    const risk::AssetRiskRow& row = r.asset_risks[top[i]];
    w.indent(3), w.out += '{';
    w.key("row"), w.num(static_cast<long long>(top[i]) + 1), w.sep();
    w.key("target"), w.str(target_id(m, row)), w.sep();
    w.key("kind"), w.str(kind_id(row.kind)), w.sep();
    w.key("threat"), w.str(p.threats[row.threat].id), w.sep();
    w.key("risk"), w.letter(row.risk), w.sep();
    w.key("risk_planned"), w.letter(row.risk_planned);
    w.out += '}';
    if (i + 1 < top.size()) w.out += ',';
  }
  if (!top.empty()) w.indent(2);
  w.out += "],";
  w.indent(2), w.key("scenarios_ranked"), w.out += '[';
  std::vector<std::size_t> ranked = ranked_scenarios(r);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const risk::ScenarioRisk& sr = r.scenario_risks[ranked[i]];
    w.indent(3), w.out += '{';
    w.key("scenario"), w.str(m.impacts[sr.impact].scenarios[sr.scenario].id), w.sep();
    w.key("impact_level"), w.num(sr.impact_level), w.sep();
    w.key("risk");
    if (sr.risk)
      w.letter(*sr.risk);
    else
      w.null();
    w.out += '}';
    if (i + 1 < ranked.size()) w.out += ',';
  }
  if (!ranked.empty()) w.indent(2);
  w.out += ']';
  w.indent(1), w.out += '}';
}

}  // namespace

std::string results_json(const model::Model& m, const model::Profile& p, const risk::Results& r,
                         const std::vector<attacktree::TreeFigures>* trees,
                         const std::vector<quant::ScenarioQuant>* quant,
                         const ZonesConduits* zones) {
  std::string text;
  text.reserve(4096 + r.asset_risks.size() * 420);
  JsonSink sink = [&](std::string_view chunk) { text.append(chunk); };
  write_results_json(m, p, r, sink, trees, quant, zones);
  return text;
}

void write_results_json(const model::Model& m, const model::Profile& p, const risk::Results& r,
                        const JsonSink& sink, const std::vector<attacktree::TreeFigures>* trees,
                        const std::vector<quant::ScenarioQuant>* quant,
                        const ZonesConduits* zones) {
  Writer w(&sink);
  w.out += '{';
  w.indent(1), w.key("tool"), w.str("icsrisk"), w.out += ',';
  w.indent(1), w.key("format"), w.num(1), w.out += ',';
  w.indent(1), w.key("profile"), w.out += '{';
  w.key("id"), w.str(p.id), w.sep();
  w.key("name"), w.str(p.name), w.sep();
  w.key("reconstructed"), w.boolean(p.reconstructed), w.out += "},";
  w.indent(1), w.key("system"), w.out += '{';
  w.key("id"), w.str(m.id), w.sep();
  w.key("name"), w.str(m.name), w.out += "},";
  w.indent(1), w.key("asset_risks"), w.out += '[';
  AssetRowWriter rows(m, p);
  for (std::size_t i = 0; i < r.asset_risks.size(); ++i) {
    w.out += "\n    ";
    rows.row(w, r.asset_risks[i]);
    w.maybe_flush();
    if (i + 1 < r.asset_risks.size()) w.out += ',';
  }
  if (!r.asset_risks.empty()) w.indent(1);
  w.out += "],";
  w.indent(1), w.key("scenario_risks"), w.out += '[';
  for (std::size_t i = 0; i < r.scenario_risks.size(); ++i) {
    w.indent(2);
    const attacktree::TreeFigures* t = trees && i < trees->size() ? &(*trees)[i] : nullptr;
    const quant::ScenarioQuant* q = quant && i < quant->size() ? &(*quant)[i] : nullptr;
    scenario(w, m, p, r.scenario_risks[i], 2, t, q);
    w.maybe_flush();
    if (i + 1 < r.scenario_risks.size()) w.out += ',';
  }
  if (!r.scenario_risks.empty()) w.indent(1);
  w.out += "],";
  w.indent(1), w.key("summary");
  summary(w, m, p, r);
  if (zones) {
    w.out += ',';
    w.indent(1), w.key("zones_conduits");
    w.raw(zones_conduits_json(m, *zones, 1));
  }
  w.indent(0), w.out += "}\n";
  w.flush();
}

}  // namespace icsrisk::report
