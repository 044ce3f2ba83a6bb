// The inventory tables' columns, and reading one table from CSV.

#include <fmt/format.h>

#include "core/text.h"
#include "interchange/csv_reader.h"
#include "interchange/inventory.h"

namespace icsrisk::interchange {
namespace {

const std::array<TableSpec, kTableCount> kSpecs = {{
    {Table::kSystem,
     "system.csv",
     {{"id", "ID", true}, {"name", "名称", false}, {"description", "説明", false}},
     {{"plant-1", "第1工場", "1本の生産ライン"}}},
    {Table::kZones,
     "zones.csv",
     {{"id", "ID", true},
      {"name", "名称", false},
      {"purdue-level", "パデューレベル", false},
      {"countermeasures", "対策", false},
      {"planned", "計画中の対策", false},
      {"description", "説明", false}},
     {{"z-control", "制御系", "2", "physical-entry-control", "", ""}}},
    {Table::kNetworks,
     "networks.csv",
     {{"id", "ID", true},
      {"name", "名称", false},
      {"zone", "ゾーン", false},
      {"medium", "媒体", false},
      {"countermeasures", "対策", false},
      {"planned", "計画中の対策", false},
      {"description", "説明", false},
      {"importance", "重要度", false}},
     {{"n-control", "制御LAN", "z-control", "wired", "", "", "", ""}}},
    {Table::kAssets,
     "assets.csv",
     {{"id", "ID", true},
      {"name", "名称", false},
      {"type", "種類", true},
      {"importance", "重要度", true},
      {"zone", "ゾーン", false},
      {"networks", "ネットワーク", true},
      {"address", "アドレス", false},
      {"upstream", "上流ネットワーク", false},
      {"count", "台数", false},
      {"vendor", "ベンダ", false},
      {"model", "型式", false},
      {"os", "OS", false},
      {"countermeasures", "対策", false},
      {"planned", "計画中の対策", false},
      {"threats", "脅威レベル", false},
      {"description", "説明", false}},
     {{"scada", "制御サーバ", "control-server", "3", "", "n-control", "192.168.10.10", "", "",
       "A社", "SCADA-1", "Windows Server 2019", "anti-virus", "whitelisting", "", ""},
      {"ews", "EWS", "ews", "2", "", "n-control", "192.168.10.20", "", "", "", "", "Windows 10",
       "anti-virus", "media-control", "", ""},
      {"plc-1", "PLC 1号機", "plc", "3", "", "n-control", "192.168.10.11", "", "", "A社", "X-100",
       "", "device-error-detection", "", "", ""}}},
    {Table::kFlows,
     "flows.csv",
     {{"id", "ID", false},
      {"from", "送信元", true},
      {"to", "送信先", true},
      {"data", "データ", false},
      {"protocol", "プロトコル", false},
      {"port", "ポート", false},
      {"countermeasures", "対策", false},
      {"planned", "計画中の対策", false},
      {"description", "説明", false}},
     {{"df-1", "scada", "plc-1", "制御コマンド", "Modbus/TCP", "502", "", "peer-authentication",
       ""}}},
    {Table::kEntries,
     "entry-points.csv",
     {{"id", "ID", true},
      {"name", "名称", false},
      {"asset", "資産", false},
      {"network", "ネットワーク", false},
      {"vector", "侵入口の種類", true},
      {"threat-level", "脅威レベル", true}},
     {{"ep-usb", "USBメモリ", "ews", "", "media", "2"}}},
    {Table::kScenarios,
     "scenarios.csv",
     {{"impact", "事業被害ID", true},
      {"impact-name", "事業被害", false},
      {"impact-level", "事業被害レベル", true},
      {"impact-description", "事業被害の説明", false},
      {"scenario", "シナリオID", true},
      {"scenario-name", "シナリオ", false},
      {"target", "攻撃対象", true},
      {"attack", "攻撃手口", true},
      {"bases", "攻撃拠点", false},
      {"scenario-description", "シナリオの説明", false},
      {"access", "アクセス", false}},
     {{"bi-1", "生産ラインの停止", "3", "", "sc-1", "不正なコマンド送信による停止", "plc-1",
       "unauthorized-transmission", "", "", ""}}},
    {Table::kMeasures,
     "countermeasures.csv",
     {{"countermeasure", "対策", true},
      {"zone", "ゾーン", false},
      {"network", "ネットワーク", false},
      {"status", "状態", false}},
     {{"log-collection", "", "", "implemented"}}},
}};

// Header names compare without case, spaces, '_' and '-': "Purdue level" is "purdue-level".
std::string header_key(std::string_view s) {
  std::string k;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    k += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return k;
}

// Undoes the apostrophe export puts before text a spreadsheet would read as a formula.
std::string unguard(std::string s) {
  if (s.size() >= 2 && s[0] == '\'' &&
      (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
    s.erase(0, 1);
  return s;
}

// Maps each header cell to a column of `sp`; -1 for unknown ones (warned).
std::vector<int> map_header(const CsvRow& header, const TableSpec& sp, core::Diagnostics& diags) {
  std::vector<int> map(header.cells.size(), -1);
  std::vector<const CsvCell*> seen(sp.columns.size(), nullptr);
  std::vector<std::string_view> names;
  for (const Column& c : sp.columns)
    names.emplace_back(c.key);
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const CsvCell& h = header.cells[i];
    std::string key = header_key(h.text);
    for (std::size_t c = 0; c < sp.columns.size(); ++c)
      if (key == header_key(sp.columns[c].key) || key == header_key(sp.columns[c].ja))
        map[i] = static_cast<int>(c);
    if (map[i] < 0) {
      std::string near = core::closest_match(h.text, names);
      diags.warning(h.loc, fmt::format("unknown column '{}' in {} (ignored){}", h.text, sp.file,
                                       near.empty() ? "" : "; did you mean '" + near + "'?"));
    } else if (seen[map[i]]) {
      diags.error(h.loc, fmt::format("column '{}' appears twice", sp.columns[map[i]].key));
      diags.note(seen[map[i]]->loc, "first here");
      map[i] = -1;
    } else {
      seen[map[i]] = &h;
    }
  }
  for (std::size_t c = 0; c < sp.columns.size(); ++c)
    if (sp.columns[c].required && !seen[c])
      diags.error(header.loc, fmt::format("{} needs a column '{}' ({})", sp.file, sp.columns[c].key,
                                          sp.columns[c].ja));
  return map;
}

}  // namespace

const std::array<TableSpec, kTableCount>& table_specs() {
  return kSpecs;
}
const TableSpec& spec(Table t) {
  return kSpecs[static_cast<std::size_t>(t)];
}

void read_table(const core::SourceFile& file, Table table, Inventory& inv,
                core::Diagnostics& diags) {
  const TableSpec& sp = spec(table);
  Inventory::Data& data = inv[table];
  data.present = true;
  std::vector<CsvRow> rows = read_csv(file, diags);
  if (rows.empty()) {
    diags.error({&file, 0}, fmt::format("{}: no header row", sp.file));
    return;
  }
  std::vector<int> map = map_header(rows.front(), sp, diags);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    Row row;
    row.loc = rows[r].loc;
    row.cells.assign(sp.columns.size(), Cell{"", rows[r].loc, true});
    for (std::size_t i = 0; i < rows[r].cells.size(); ++i) {
      CsvCell& c = rows[r].cells[i];
      if (i < map.size() && map[i] >= 0)
        row.cells[map[i]] = {unguard(std::move(c.text)), c.loc, false};
      else if (i >= map.size() && !c.text.empty())
        diags.error(c.loc, "cell beyond the last column of the header");
    }
    data.rows.push_back(std::move(row));
  }
}

}  // namespace icsrisk::interchange
