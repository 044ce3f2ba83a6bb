#include "report/tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "report/table_parts.h"
#include "report/words.h"

namespace icsrisk::report {

using model::kNone;

Cell Cell::of_text(std::string_view s) {
  Cell c;
  c.kind = Kind::kText;
  c.text = s;
  return c;
}

Cell Cell::of_mark(std::string s) {
  Cell c;
  c.kind = Kind::kMark;
  c.text = std::move(s);
  return c;
}

Cell Cell::of_number(int n) {
  Cell c;
  c.kind = Kind::kNumber;
  c.number = n;
  c.text = std::to_string(n);
  return c;
}

Cell Cell::of_risk(model::Risk r) {
  Cell c;
  c.kind = Kind::kRisk;
  c.risk = r;
  c.text = std::string(1, model::letter(r));
  return c;
}

bool TableHead::grouped() const {
  return std::any_of(columns.begin(), columns.end(),
                     [](const Column& c) { return !c.group.empty(); });
}

std::string TableHead::flat_header(std::size_t c) const {
  const Column& col = columns[c];
  return col.group.empty() ? col.name : col.group + " / " + col.name;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string measure_names(const model::Profile& p, const std::vector<std::size_t>& measures,
                          model::Lang lang) {
  std::vector<std::string> names;
  for (std::size_t m : measures)
    names.push_back(p.countermeasures[m].name.in(lang));
  return join(names, "\n");
}

std::string group_name(const model::Asset& a) {
  return a.count > 1 ? fmt::format("{} ×{}", a.name, a.count) : std::string(a.name);
}

namespace {

void asset_row(const model::Model& m, const model::Profile& p, model::Lang lang, int no,
               const model::Asset& a, std::vector<Cell>& row) {
  const Words& w = words(lang);
  row.push_back(Cell::of_number(no));
  row.push_back(Cell::of_text(a.id));
  row.push_back(Cell::of_text(a.name));
  const model::AssetType* type = a.type_index != kNone ? &p.asset_types[a.type_index] : nullptr;
  row.push_back(Cell::of_text(type ? std::string_view(type->name.in(lang)) : a.type));
  row.push_back(Cell::of_text(type ? w.categories[static_cast<int>(type->category)] : ""));
  std::vector<std::string> zones, nets, measures;
  for (std::size_t z : model::zones_of(m, a))
    zones.emplace_back(m.zones[z].name);
  for (const model::Connection& c : a.connects)
    nets.emplace_back(c.network_index != kNone ? m.networks[c.network_index].name : c.network);
  for (const model::Placement& pl : a.countermeasures) {
    std::string name(pl.measure != kNone
                         ? std::string_view(p.countermeasures[pl.measure].name.in(lang))
                         : pl.ref);
    if (pl.status == model::Status::kPlanned) name += w.planned_suffix;
    measures.push_back(std::move(name));
  }
  row.push_back(Cell::of_text(join(zones, "\n")));
  row.push_back(Cell::of_text(join(nets, "\n")));
  row.push_back(Cell::of_number(a.count));
  row.push_back(Cell::of_number(a.importance));
  row.push_back(Cell::of_text(join(measures, "\n")));
}

TableSource asset_list(const model::Model& m, const model::Profile& p, model::Lang lang) {
  const Words& w = words(lang);
  TableSource t;
  t.id = "asset-list";
  t.title = w.asset_list;
  for (const Word& h : {w.no, w.id, w.name, w.type, w.category, w.zone, w.networks, w.count,
                        w.importance, w.countermeasures})
    t.columns.push_back({"", h});
  t.row_count = m.assets.size();
  t.produce = [&m, &p, lang](const RowVisitor& visit) {
    std::vector<Cell> row;
    const std::vector<TableSpan> none;
    for (std::size_t i = 0; i < m.assets.size(); ++i) {
      row.clear();
      asset_row(m, p, lang, static_cast<int>(i + 1), m.assets[i], row);
      if (!visit(i, row, none)) return;
    }
  };
  return t;
}

std::string flow_text(const model::Flow& f) {
  if (f.protocol.empty()) return std::string(f.data);
  return fmt::format("{} ({})", f.data, f.protocol);
}

bool linked(const model::Flow& f) {
  return f.from_index != kNone && f.to_index != kNone;
}

/// The data-flow table as a list of flows (sender, receiver, "data (protocol)").
void flow_list(const model::Model& m, const Words& w, TableSource& t) {
  t.note = w.matrix_as_list;
  t.columns = {{"", w.sender}, {"", w.receiver}, {"", w.data_protocol}};
  t.row_count = static_cast<std::size_t>(std::count_if(m.flows.begin(), m.flows.end(), linked));
  t.produce = [&m](const RowVisitor& visit) {
    std::vector<Cell> row;
    const std::vector<TableSpan> none;
    std::size_t r = 0;
    for (const model::Flow& f : m.flows) {
      if (!linked(f)) continue;
      row = {Cell::of_text(m.assets[f.from_index].name), Cell::of_text(m.assets[f.to_index].name),
             Cell::of_text(flow_text(f))};
      if (!visit(r++, row, none)) return;
    }
  };
}

TableSource dataflow_matrix(const model::Model& m, model::Lang lang) {
  const Words& w = words(lang);
  TableSource t;
  t.id = "dataflow-matrix";
  t.title = w.dataflow_matrix;
  auto sender_col = std::make_shared<std::vector<std::size_t>>(m.assets.size(), kNone);
  std::vector<std::size_t> receiver_col(m.assets.size(), kNone);
  for (const model::Flow& f : m.flows) {
    if (!linked(f)) continue;
    (*sender_col)[f.from_index] = 0;
    receiver_col[f.to_index] = 0;
  }
  auto senders = std::make_shared<std::vector<std::size_t>>();
  std::vector<std::size_t> receivers;
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    if ((*sender_col)[a] != kNone) {
      (*sender_col)[a] = senders->size();
      senders->push_back(a);
    }
    if (receiver_col[a] != kNone) {
      receiver_col[a] = receivers.size();
      receivers.push_back(a);
    }
  }
  if (senders->size() * receivers.size() > kMatrixCellLimit ||
      receivers.size() > kMatrixColumnLimit) {
    flow_list(m, w, t);
    return t;
  }
  t.columns.push_back({"", w.sender_receiver});
  for (std::size_t r : receivers)
    t.columns.push_back({"", std::string(m.assets[r].name)});
  t.row_count = senders->size();
  // The cells (at most kMatrixCellLimit) are made per pass: a source keeps only the index maps.
  auto columns = std::make_shared<std::vector<std::size_t>>(std::move(receiver_col));
  t.produce = [&m, sender_col, senders, columns, n = receivers.size()](const RowVisitor& visit) {
    std::vector<std::vector<std::string>> cells(senders->size(), std::vector<std::string>(n));
    for (const model::Flow& f : m.flows) {
      if (!linked(f)) continue;
      std::string& cell = cells[(*sender_col)[f.from_index]][(*columns)[f.to_index]];
      if (!cell.empty()) cell += "\n";
      cell += flow_text(f);
    }
    std::vector<Cell> row;
    const std::vector<TableSpan> none;
    for (std::size_t s = 0; s < senders->size(); ++s) {
      row.clear();
      row.push_back(Cell::of_text(m.assets[(*senders)[s]].name));
      for (std::string& c : cells[s])
        row.push_back(c.empty() ? Cell::empty() : Cell::of_text(c));
      if (!visit(s, row, none)) return;
    }
  };
  return t;
}

}  // namespace

ReportSource report_source(const model::Model& m, const model::Profile& p,
                           const risk::Results& results, model::Lang lang) {
  const Words& w = words(lang);
  ReportSource r;
  r.lang = lang;
  r.system_name = m.name;
  r.system_id = m.id;
  r.profile_line = fmt::format("{}: {} ({})", w.profile, p.id, p.name);
  if (p.reconstructed) r.profile_line += fmt::format(" — {}", w.reconstructed_note);
  r.tables.push_back(asset_list(m, p, lang));
  r.tables.push_back(dataflow_matrix(m, lang));
  r.tables.push_back(asset_risk_source(m, p, results, lang));
  r.tables.push_back(impact_risk_source(m, p, results, lang));
  for (std::size_t i = 0; i < r.tables.size(); ++i)
    r.tables[i].sheet = w.sheets[i];
  return r;
}

Report build_report(const model::Model& m, const model::Profile& p, const risk::Results& results,
                    model::Lang lang) {
  ReportSource source = report_source(m, p, results, lang);
  Report r;
  r.lang = source.lang;
  r.system_name = std::move(source.system_name);
  r.system_id = std::move(source.system_id);
  r.profile_line = std::move(source.profile_line);
  for (const TableSource& t : source.tables)
    r.tables.push_back(materialise(t));
  return r;
}

TableSource::TableSource(Table table)
    : TableHead(std::move(static_cast<TableHead&>(table))), row_count(table.rows.size()) {
  auto whole = std::make_shared<const Table>(std::move(table));
  produce = [whole](const RowVisitor& visit) { view_of(*whole).produce(visit); };
}

TableSource view_of(const Table& table) {
  TableSource s;
  static_cast<TableHead&>(s) = table;
  s.row_count = table.rows.size();
  s.produce = [&table](const RowVisitor& visit) {
    std::vector<TableSpan> starting;
    std::vector<TableSpan> spans = table.spans;
    std::stable_sort(spans.begin(), spans.end(),
                     [](const TableSpan& a, const TableSpan& b) { return a.row < b.row; });
    std::size_t next = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      starting.clear();
      for (; next < spans.size() && spans[next].row == r; ++next)
        starting.push_back(spans[next]);
      if (!visit(r, table.rows[r], starting)) return;
    }
  };
  return s;
}

ReportSource view_of(const Report& report) {
  ReportSource s{report.lang, report.system_name, report.system_id, report.profile_line, {}};
  for (const Table& t : report.tables)
    s.tables.push_back(view_of(t));
  return s;
}

Table materialise(const TableSource& source) {
  Table t;
  static_cast<TableHead&>(t) = source;
  t.rows.reserve(source.row_count);
  source.produce(
      [&t](std::size_t, const std::vector<Cell>& cells, const std::vector<TableSpan>& spans) {
        t.rows.push_back(cells);
        t.spans.insert(t.spans.end(), spans.begin(), spans.end());
        return true;
      });
  return t;
}

namespace {

/// East Asian Wide (W) and Fullwidth (F) ranges (Unicode UAX #11), plus the arrows, which
/// Japanese spreadsheet fonts draw full-width.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2190 && c <= 0x21FF) ||
         (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t best = 0, line = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      best = std::max(best, line);
      line = 0;
      ++i;
      continue;
    }
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
    for (int k = 1; k < len && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    line += is_wide(c) ? 2 : 1;
    i += static_cast<std::size_t>(len);
  }
  return std::max(best, line);
}

}  // namespace icsrisk::report
