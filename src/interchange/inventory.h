#pragma once
// The plant inventory as CSV tables (one file per table): what a plant engineer keeps in a
// spreadsheet, imported into a model file and exported from one (README "Inventory CSV").

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::interchange {

enum class Table { kSystem, kZones, kNetworks, kAssets, kFlows, kEntries, kScenarios, kMeasures };
inline constexpr std::size_t kTableCount = 8;

struct Column {
  const char* key;  ///< English header, as export writes it
  const char* ja;   ///< Japanese header
  bool required;    ///< the column must be present and every row must fill it
};

struct TableSpec {
  Table table;
  const char* file;  ///< the file name export writes, e.g. "assets.csv"
  std::vector<Column> columns;
  /// The template's example rows (one value per column): together the tables are a small
  /// plant that imports as it is.
  std::vector<std::vector<const char*>> examples;
};

/// The tables in model order (system, zones, networks, assets, flows, entry points,
/// scenarios, scoped countermeasures).
const std::array<TableSpec, kTableCount>& table_specs();
const TableSpec& spec(Table t);

/// A cell after import: its text and where it came from (the row's position when the column
/// is absent from the file).
struct Cell {
  std::string text;
  core::Loc loc;
  bool absent = false;  ///< the file has no such column (already reported when required)
};

/// A row: one cell per column of its table's spec, in spec order.
struct Row {
  std::vector<Cell> cells;
  core::Loc loc;
};

/// The tables of one inventory; a table not given has present == false.
struct Inventory {
  struct Data {
    bool present = false;
    std::vector<Row> rows;
  };
  std::array<Data, kTableCount> tables;
  Data& operator[](Table t) { return tables[static_cast<std::size_t>(t)]; }
  const Data& operator[](Table t) const { return tables[static_cast<std::size_t>(t)]; }
};

/// Reads one CSV table from `file` (UTF-8, see decode_text) into `inv`. Header names match
/// the English or Japanese column names, ignoring case, spaces, '_' and '-'. Unknown columns
/// are warnings ("did you mean"); a missing required column, a duplicate column and malformed
/// CSV are errors. A leading apostrophe that export added against formula injection is
/// removed. Every problem goes to `diags`.
void read_table(const core::SourceFile& file, Table table, Inventory& inv,
                core::Diagnostics& diags);

/// Checks every cell of `inv` against the profile and the other tables (ids, numbers,
/// catalogue references with "did you mean", references between tables) and writes the
/// model file (version 1, UTF-8, text escaped for XML). `fallback_id` names the system when
/// there is no system table. Returns nothing when any error went to `diags`.
/// Zones and networks that rows use but no table declares are declared with their id as name.
std::optional<std::string> inventory_to_model(const Inventory& inv, const model::Profile& profile,
                                              const std::string& fallback_id,
                                              core::Diagnostics& diags);

/// The inventory of a linked model: every table filled, in model order.
Inventory inventory_of(const model::Model& m);

/// One table as a CSV file: UTF-8 with a BOM, the English header row, RFC 4180 quoting,
/// LF line ends; cells a spreadsheet would read as a formula get a leading apostrophe.
std::string table_csv(const Inventory& inv, Table table);

/// A table for users to fill: the BOM, the English header and the example rows.
std::string template_csv(Table table);

}  // namespace icsrisk::interchange
