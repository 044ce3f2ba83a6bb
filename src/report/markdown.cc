#include "report/markdown.h"

#include <fmt/format.h>

#include "core/text.h"
#include "report/floor_note.h"
#include "report/summary.h"
#include "report/table_parts.h"
#include "report/words.h"

namespace icsrisk::report {

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '#' || c == '-' || c == '+' || c == '=')) out += '\\';
    line_start = false;
    switch (c) {
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '!':
        out += '\\';
        out += c;
        break;
      case '<':
      case '>':
      case '&':
        out += core::markup_entity(c, core::Entities::kText);
        break;
      case '\r':
        break;
      case '\n':
        out += "<br>";
        line_start = true;
        break;
      case '.':
        // "1. text" at a line start would begin an ordered list.
        if (!out.empty() && out.back() >= '0' && out.back() <= '9') out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

void table_md(TextChunks& chunks, const TableSource& t) {
  std::string& out = chunks.text();
  out += fmt::format("## {}\n\n", markdown_escape(t.title));
  if (!t.note.empty()) out += fmt::format("{}\n\n", markdown_escape(t.note));
  if (t.row_count == 0) return;
  out += '|';
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out += fmt::format(" {} |", markdown_escape(t.flat_header(c)));
  out += "\n|";
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out += "---|";
  out += '\n';
  // Flushed before a row, never after: the end of the report (trimmed below) stays in the buffer.
  t.produce([&](std::size_t, const std::vector<Cell>& row, const std::vector<TableSpan>&) {
    chunks.maybe_flush();
    out += '|';
    for (const Cell& cell : row)
      out += cell.text.empty() ? " |" : fmt::format(" {} |", markdown_escape(cell.text));
    out += '\n';
    return true;
  });
  out += '\n';
}

std::string counts_row(std::string_view label, const std::array<std::size_t, 5>& c) {
  return fmt::format("| {} | {} | {} | {} | {} | {} |\n", label, c[0], c[1], c[2], c[3], c[4]);
}

}  // namespace

void write_markdown(const ReportSource& r, const model::Model& m, const model::Profile& p,
                    const risk::Results& results, const TextSink& sink) {
  const Words& w = words(r.lang);
  TextChunks chunks(sink);
  std::string& out = chunks.text();
  out += fmt::format("# {} ({})\n\n", markdown_escape(r.system_name), markdown_escape(r.system_id));
  out += fmt::format("{}\n\n", markdown_escape(r.profile_line));
  out += fmt::format("## {}\n\n", w.summary);
  out += fmt::format("| {} | A | B | C | D | E |\n|---|---|---|---|---|---|\n", w.risk);
  out += counts_row(w.asset_risk, results.summary.asset_counts);
  out += counts_row(w.asset_after, results.summary.asset_counts_planned);
  out += counts_row(w.impact_risk, results.summary.scenario_counts);
  out += counts_row(w.impact_after, results.summary.scenario_counts_planned);
  out += '\n';
  std::vector<std::size_t> top = top_asset_rows(results, 5);
  if (!top.empty()) {
    out += fmt::format("### {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
                       w.highest_rows, w.no, w.target, w.threat, w.risk, w.after_group);
    for (std::size_t i : top) {
      const risk::AssetRiskRow& row = results.asset_risks[i];
      out += fmt::format(
          "| {} | {} | {} | {} | {} |\n", i + 1, markdown_escape(row_target_name(m, row)),
          markdown_escape(p.threats[row.threat].name.in(r.lang)), row.risk, row.risk_planned);
    }
    out += '\n';
  }
  std::vector<std::size_t> ranked = ranked_scenarios(results);
  if (!ranked.empty()) {
    out += fmt::format("### {}\n\n| {} | {} | {} |\n|---|---|---|\n", w.scenarios_ranked,
                       w.scenario, w.impact_level, w.risk);
    for (std::size_t i : ranked) {
      const risk::ScenarioRisk& s = results.scenario_risks[i];
      out += fmt::format(
          "| {} | {} | {} |\n", markdown_escape(m.impacts[s.impact].scenarios[s.scenario].name),
          s.impact_level, s.risk ? std::string(1, model::letter(*s.risk)) : std::string("-"));
    }
    out += '\n';
  }
  std::string floors;
  for (const risk::ScenarioRisk& s : results.scenario_risks)
    if (std::string note = floor_note(m, p, s, r.lang); !note.empty())
      floors += fmt::format("- {}\n", markdown_escape(note));
  if (!floors.empty()) out += fmt::format("### {}\n\n{}\n", floor_heading(r.lang), floors);
  for (const TableSource& t : r.tables)
    table_md(chunks, t);
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
}

std::string to_markdown(const Report& r, const model::Model& m, const model::Profile& p,
                        const risk::Results& results) {
  std::string out;
  write_markdown(view_of(r), m, p, results, [&out](std::string_view chunk) { out += chunk; });
  return out;
}

}  // namespace icsrisk::report
