// The inventory tables of a model (icsrisk export inventory), and CSV files of them.

#include <fmt/format.h>

#include "interchange/columns.h"
#include "interchange/inventory.h"

namespace icsrisk::interchange {
namespace {

using model::Placement;
using model::Status;

Row row_of(std::vector<std::string> cells, core::Loc loc) {
  Row r;
  r.loc = loc;
  for (std::string& c : cells)
    r.cells.push_back({std::move(c), loc});
  return r;
}

// Space-separated ids of the measures with status `s`.
std::string measures(const std::vector<Placement>& ps, Status s) {
  std::string out;
  for (const Placement& p : ps)
    if (p.status == s) out += (out.empty() ? "" : " ") + std::string(p.ref);
  return out;
}

std::string str(std::string_view s) {
  return std::string(s);
}

// A CSV field as export writes it: text a spreadsheet would read as a formula gets a leading
// apostrophe (OWASP), and so does text that already starts with one before such a character,
// since import removes one; quoted when libcsv would otherwise split or trim it.
std::string field(const std::string& s) {
  bool guard = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                              s[0] == '\t' || s[0] == '\r' ||
                              (s[0] == '\'' && s.size() >= 2 &&
                               std::string_view("=+-@\t\r").find(s[1]) != std::string_view::npos));
  std::string t = guard ? "'" + s : s;
  bool quote = t.find_first_of(",\"\r\n") != std::string::npos ||
               (!t.empty() &&
                (t.front() == ' ' || t.front() == '\t' || t.back() == ' ' || t.back() == '\t'));
  if (!quote) return t;
  std::string out = "\"";
  for (char c : t) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string purdue(const model::Zone& z) {
  if (!z.has_purdue_level) return "";
  std::string s = fmt::format("{}", z.purdue_level);
  return s;
}

void assets(const model::Model& m, Inventory& inv) {
  for (const model::Asset& a : m.assets) {
    std::string nets, addrs, up, threats;
    bool any_address = false;
    for (const model::Connection& k : a.connects) {
      nets += (nets.empty() ? "" : " ") + str(k.network);
      addrs += (addrs.empty() ? "" : " ") + (k.address.empty() ? std::string("-") : str(k.address));
      any_address = any_address || !k.address.empty();
      if (k.role == model::Role::kUpstream) up = str(k.network);
    }
    for (const model::ThreatOverride& t : a.threats)
      threats += fmt::format("{}{}={}", threats.empty() ? "" : " ", t.ref, t.level);
    inv[Table::kAssets].rows.push_back(row_of(
        {str(a.id), str(a.name), str(a.type), std::to_string(a.importance), str(a.zone), nets,
         any_address ? addrs : "", up, a.count == 1 ? "" : std::to_string(a.count), str(a.vendor),
         str(a.product), str(a.os), measures(a.countermeasures, Status::kImplemented),
         measures(a.countermeasures, Status::kPlanned), threats, str(a.description)},
        a.loc));
  }
}

void scenarios(const model::Model& m, Inventory& inv) {
  for (const model::Impact& i : m.impacts) {
    for (const model::Scenario& s : i.scenarios) {
      std::string bases;
      for (std::string_view b : s.bases)
        bases += (bases.empty() ? "" : " ") + str(b);
      inv[Table::kScenarios].rows.push_back(
          row_of({str(i.id), str(i.name), std::to_string(i.level), str(i.description), str(s.id),
                  str(s.name), str(s.target), str(s.attack), bases, str(s.description),
                  s.access == model::Access::kSegment ? "segment" : ""},
                 s.loc));
    }
  }
}

}  // namespace

Inventory inventory_of(const model::Model& m) {
  Inventory inv;
  for (Inventory::Data& t : inv.tables)
    t.present = true;
  inv[Table::kSystem].rows.push_back(row_of({str(m.id), str(m.name), str(m.description)}, m.loc));
  for (const model::Zone& z : m.zones)
    inv[Table::kZones].rows.push_back(row_of(
        {str(z.id), str(z.name), purdue(z), measures(z.countermeasures, Status::kImplemented),
         measures(z.countermeasures, Status::kPlanned), str(z.description)},
        z.loc));
  for (const model::Network& n : m.networks)
    inv[Table::kNetworks].rows.push_back(row_of(
        {str(n.id), str(n.name), str(n.zone), model::kMediumIds[static_cast<std::size_t>(n.medium)],
         measures(n.countermeasures, Status::kImplemented),
         measures(n.countermeasures, Status::kPlanned), str(n.description),
         n.importance > 0 ? std::to_string(n.importance) : ""},
        n.loc));
  assets(m, inv);
  for (const model::Flow& f : m.flows)
    inv[Table::kFlows].rows.push_back(
        row_of({str(f.id), str(f.from), str(f.to), str(f.data), str(f.protocol), str(f.port),
                measures(f.countermeasures, Status::kImplemented),
                measures(f.countermeasures, Status::kPlanned), str(f.description)},
               f.loc));
  for (const model::Entry& e : m.entries)
    inv[Table::kEntries].rows.push_back(
        row_of({str(e.id), str(e.name), str(e.asset), str(e.network), str(e.vector),
                std::to_string(e.threat_level)},
               e.loc));
  scenarios(m, inv);
  for (const model::ScopedPlacement& s : m.countermeasures)
    inv[Table::kMeasures].rows.push_back(
        row_of({str(s.placement.ref), str(s.zone), str(s.network),
                s.placement.status == Status::kPlanned ? "planned" : "implemented"},
               s.placement.loc));
  return inv;
}

std::string table_csv(const Inventory& inv, Table table) {
  const TableSpec& sp = spec(table);
  std::string out = "\xEF\xBB\xBF";
  auto line = [&out](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i)
      out += (i ? "," : "") + field(cells[i]);
    out += '\n';
  };
  std::vector<std::string> header;
  for (const Column& c : sp.columns)
    header.emplace_back(c.key);
  line(header);
  for (const Row& r : inv[table].rows) {
    std::vector<std::string> cells;
    for (const Cell& c : r.cells)
      cells.push_back(c.text);
    line(cells);
  }
  return out;
}

std::string template_csv(Table table) {
  Inventory inv;
  for (const auto& example : spec(table).examples)
    inv[table].rows.push_back(row_of({example.begin(), example.end()}, {}));
  return table_csv(inv, table);
}

}  // namespace icsrisk::interchange
