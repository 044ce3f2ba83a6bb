// The p_goal column of the business-impact sheet (see quant_tables.h).

#include "report/quant_tables.h"

#include <cassert>

#include "report/json_quant.h"
#include "report/quant_words.h"
#include "report/table_parts.h"

namespace icsrisk::report {

namespace {

/// The sheet's rows of a scenario: one per step of each listed route, or one without routes.
std::size_t rows_of(const risk::ScenarioRisk& s) {
  if (s.routes.empty()) return 1;
  std::size_t n = 0;
  for (const risk::Route& r : s.routes)
    n += r.steps.size();
  return n;
}

}  // namespace

void add_quant_column(Report& report, const risk::Results& results,
                      const std::vector<quant::ScenarioQuant>& quant) {
  Table* t = nullptr;
  for (Table& x : report.tables)
    if (x.id == "impact-risk") t = &x;
  if (!t) return;
  const QuantWords& w = quant_words(report.lang);
  t->columns.push_back({"", w.column});
  t->note += (t->note.empty() ? "" : " ") + std::string(w.column_note);
  std::size_t row = 0;
  for (std::size_t i = 0; i < results.scenario_risks.size(); ++i) {
    const std::size_t n = rows_of(results.scenario_risks[i]);
    for (std::size_t k = 0; k < n && row < t->rows.size(); ++k, ++row)
      t->rows[row].push_back(k == 0 && i < quant.size()
                                 ? Cell::of_mark(quant_number(quant[i].p_goal))
                                 : Cell::empty());
  }
  assert(row == t->rows.size() && "the sheet has one row per listed step (risk_tables.cc)");
  for (; row < t->rows.size(); ++row)
    t->rows[row].push_back(Cell::empty());
}

void add_quant_column(ReportSource& report, const risk::Results& results,
                      const std::vector<quant::ScenarioQuant>& quant) {
  TableSource* t = nullptr;
  for (TableSource& x : report.tables)
    if (x.id == "impact-risk") t = &x;
  if (!t) return;
  const QuantWords& w = quant_words(report.lang);
  t->columns.push_back({"", w.column});
  t->note += (t->note.empty() ? "" : " ") + std::string(w.column_note);
  t->produce = [inner = std::move(t->produce), &results, &quant](const RowVisitor& visit) {
    std::size_t next = 0, left = 0;
    std::vector<Cell> row;
    inner([&](std::size_t r, const std::vector<Cell>& cells, const std::vector<TableSpan>& spans) {
      bool first = false;
      if (left == 0 && next < results.scenario_risks.size()) {
        left = impact_rows_of(results.scenario_risks[next++]);
        first = true;
      }
      row = cells;
      row.push_back(first && next - 1 < quant.size()
                        ? Cell::of_mark(quant_number(quant[next - 1].p_goal))
                        : Cell::empty());
      if (left > 0) --left;
      return visit(r, row, spans);
    });
  };
}

}  // namespace icsrisk::report
