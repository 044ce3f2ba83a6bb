// The "quant" member of a results.json scenario (see json_quant.h).

#include "report/json_quant.h"

#include <fmt/format.h>

#include "report/json.h"

namespace icsrisk::report {

std::string quant_number(double x) {
  return fmt::format("{:.6g}", x == 0.0 ? 0.0 : x);  // no "-0"
}

namespace {

std::string indent(int depth) {
  return "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ');
}

void key(std::string& out, const char* k) {
  append_json_string(out, k);
  out += ": ";
}

void step(std::string& out, const model::Model& m, const model::Profile& p,
          const quant::StepSensitivity& s) {
  out += '{';
  key(out, "from"),
      append_json_string(out, s.from == model::kNone ? "attacker" : m.assets[s.from].id);
  out += ", ", key(out, "to"), append_json_string(out, m.assets[s.to].id);
  out += ", ", key(out, "method");
  append_json_string(out, s.method == model::kNone ? "" : p.threats[s.method].id);
  if (s.entry != model::kNone)
    out += ", ", key(out, "entry"), append_json_string(out, m.entries[s.entry].id);
  out += ", ", key(out, "countermeasure_level"), out += std::to_string(s.level);
  out += ", ", key(out, "dp_ds"), out += quant_number(s.derivative);
  out += '}';
}

}  // namespace

std::string quant_json(const model::Model& m, const model::Profile& p,
                       const quant::ScenarioQuant& q, int depth) {
  std::string out = "{";
  out += indent(depth + 1), key(out, "p_goal"), out += quant_number(q.p_goal) + ",";
  out += indent(depth + 1), key(out, "expected_attempts"),
      out += quant_number(q.expected_attempts) + ",";
  out += indent(depth + 1), key(out, "visit"), out += '[';
  bool first = true;
  for (std::size_t v = 0; v < q.visit.size(); ++v) {
    if (q.visit[v] <= 0.0) continue;
    out += first ? "" : ",", first = false;
    out += indent(depth + 2) + "{", key(out, "asset"), append_json_string(out, m.assets[v].id);
    out += ", ", key(out, "p"), out += quant_number(q.visit[v]) + "}";
  }
  out += first ? "]," : indent(depth + 1) + "],";
  out += indent(depth + 1), key(out, "entries"), out += '[';
  for (std::size_t i = 0; i < q.entries.size(); ++i) {
    const quant::EntryQuant& e = q.entries[i];
    out += indent(depth + 2) + "{", key(out, "entry"),
        append_json_string(out, m.entries[e.entry].id);
    out += ", ", key(out, "p_goal"), out += quant_number(e.p_goal);
    out += ", ", key(out, "expected_attempts"), out += quant_number(e.expected_attempts) + "}";
    out += i + 1 < q.entries.size() ? "," : "";
  }
  out += q.entries.empty() ? "]," : indent(depth + 1) + "],";
  out += indent(depth + 1), key(out, "sensitive_steps"), out += '[';
  for (std::size_t i = 0; i < q.sensitive_steps.size(); ++i) {
    out += indent(depth + 2);
    step(out, m, p, q.sensitive_steps[i]);
    out += i + 1 < q.sensitive_steps.size() ? "," : "";
  }
  out += q.sensitive_steps.empty() ? "]" : indent(depth + 1) + "]";
  out += indent(depth) + "}";
  return out;
}

}  // namespace icsrisk::report
