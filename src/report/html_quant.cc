// The quant part of a scenario in report.html (see html_quant.h).

#include "report/html_quant.h"

#include <fmt/format.h>

#include "report/html_text.h"
#include "report/json_quant.h"
#include "report/quant_words.h"

namespace icsrisk::report {

namespace {

std::string sensitive_table(const model::Model& m, const model::Profile& p,
                            const quant::ScenarioQuant& q, const QuantWords& w, model::Lang lang) {
  if (q.sensitive_steps.empty()) return {};
  std::string out = fmt::format(
      "<h5>{}</h5>\n<table class=\"sensitive\"><thead><tr>"
      "<th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "</tr></thead><tbody>\n",
      w.sensitive, w.step, w.method, w.level, w.derivative);
  for (std::size_t i = 0; i < q.sensitive_steps.size(); ++i) {
    const quant::StepSensitivity& s = q.sensitive_steps[i];
    std::string from = s.from == model::kNone
                           ? fmt::format("{} ({})", w.attacker, m.entries[s.entry].name)
                           : std::string(m.assets[s.from].name);
    std::string method(s.method == model::kNone ? "" : p.threats[s.method].name.in(lang));
    out += fmt::format("<tr><td>{}</td><td>{} → {}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       i + 1, html_escape(from), html_escape(m.assets[s.to].name),
                       html_escape(method), s.level, quant_number(s.derivative));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string quant_section_html(const model::Model& m, const model::Profile& p,
                               const model::Scenario& sc, const quant::ScenarioQuant& q,
                               std::string_view heat_svg, model::Lang lang) {
  const QuantWords& w = quant_words(lang);
  std::string out = fmt::format("<h4>{}</h4>\n", w.heat_title);
  out += fmt::format("<p>p_goal {} · {} {}</p>\n", quant_number(q.p_goal), w.attempts,
                     quant_number(q.expected_attempts));
  out += fmt::format("<p class=\"note\">{}</p>\n", w.heat_note);
  std::string inner = inline_svg(heat_svg, fmt::format("heat-{}", sc.id));
  if (!inner.empty()) out += "<div class=\"diagram\">" + inner + "</div>\n";
  out += sensitive_table(m, p, q, w, lang);
  return out;
}

}  // namespace icsrisk::report
