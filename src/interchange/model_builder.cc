// Checking inventory cells: every problem at its cell, all of them in one run.

#include "interchange/model_builder.h"

#include <fmt/format.h>

#include "core/text.h"
#include "interchange/columns.h"

namespace icsrisk::interchange {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (const char* e = core::markup_entity(c, core::Entities::kQuote))
      out += e;
    else if (static_cast<unsigned char>(c) < 0x20)
      out += fmt::format("&#x{:X};", static_cast<unsigned>(c));
    else
      out += c;
  }
  return out;
}

// NUL cannot stand in a model (pugixml ends a value there); other control characters are
// written as character references, which the loader reads back.
bool ModelBuilder::text_ok(const Cell& c) {
  if (c.text.find('\0') == std::string::npos) return true;
  d_.error(c.loc, "a NUL character cannot stand in a model file");
  return false;
}

void ModelBuilder::missing(const Cell& c, const std::string& message) {
  if (!c.absent) d_.error(c.loc, message);
}

bool ModelBuilder::id_ok(const Cell& c, const char* what, bool required) {
  if (c.text.empty()) {
    if (required) missing(c, fmt::format("missing {}", what));
    return !required;
  }
  if (!core::is_valid_id(c.text)) {
    d_.error(c.loc, fmt::format("invalid {} '{}': ids use only letters, digits and _ . : -", what,
                                c.text));
    return false;
  }
  return true;
}

bool ModelBuilder::int_ok(const Cell& c, int lo, int hi, bool required) {
  long long v = 0;
  if (c.text.empty() && !required) return true;
  if (c.text.empty() && c.absent) return false;
  if (!core::parse_int(c.text, v) || v < lo || v > hi) {
    d_.error(c.loc,
             fmt::format("expected a whole number from {} to {}, found '{}'", lo, hi, c.text));
    return false;
  }
  return true;
}

// Tokens of a list cell, separated by spaces, commas or semicolons; positions are exact when
// the cell has no doubled quotes.
std::vector<std::pair<std::string, core::Loc>> ModelBuilder::tokens(const Cell& c) {
  std::vector<std::pair<std::string, core::Loc>> out;
  std::size_t base = c.loc.offset;
  if (c.loc.file && base < c.loc.file->text().size() && c.loc.file->text()[base] == '"') ++base;
  std::size_t i = 0;
  const std::string& s = c.text;
  auto sep = [](char ch) {
    return ch == ' ' || ch == '\t' || ch == ',' || ch == ';' || ch == '\n' || ch == '\r';
  };
  while (i < s.size()) {
    while (i < s.size() && sep(s[i]))
      ++i;
    std::size_t start = i;
    while (i < s.size() && !sep(s[i]))
      ++i;
    if (i > start)
      out.emplace_back(s.substr(start, i - start), core::Loc{c.loc.file, base + start});
  }
  return out;
}

void ModelBuilder::declare(Table t, std::size_t id_col, IdSet& set, const char* what) {
  if (!inv_[t].present) return;
  set.declared = true;
  for (const Row& r : inv_[t].rows) {
    const Cell& c = r.cells[id_col];
    if (!id_ok(c, what, true)) continue;
    auto it = set.where.find(c.text);
    if (it != set.where.end()) {
      d_.error(c.loc, fmt::format("duplicate {} '{}'", what, c.text));
      d_.note(it->second, "first defined here");
      continue;
    }
    set.add(c.text, c.loc);
  }
}

void ModelBuilder::use_token(IdSet& set, const std::string& id, core::Loc loc, const char* what) {
  if (!core::is_valid_id(id)) {
    d_.error(loc,
             fmt::format("invalid {} '{}': ids use only letters, digits and _ . : -", what, id));
  } else if (!set.declared) {
    set.add(id, loc);
  } else if (!set.has(id)) {
    std::vector<std::string_view> ids(set.order.begin(), set.order.end());
    std::string near = core::closest_match(id, ids);
    d_.error(loc, fmt::format("unknown {} '{}'{}", what, id,
                              near.empty() ? "" : "; did you mean '" + near + "'?"));
  }
}

void ModelBuilder::use(IdSet& set, const Cell& c, const char* what) {
  if (!c.text.empty()) use_token(set, c.text, c.loc, what);
}

bool ModelBuilder::catalogue_ok(std::string_view id, core::Loc loc, const char* what,
                                const std::vector<std::string_view>& ids) {
  for (std::string_view k : ids)
    if (k == id) return true;
  std::string near = core::closest_match(id, ids);
  d_.error(loc, fmt::format("unknown {} '{}'{}", what, id,
                            near.empty() ? "" : "; did you mean '" + near + "'?"));
  return false;
}

// The profile's asset type id for a cell holding an id or a type's Japanese or English name.
std::string ModelBuilder::asset_type(const Cell& c) {
  std::vector<std::string_view> ids;
  for (const model::AssetType& t : p_.asset_types) {
    if (c.text == t.id || c.text == t.name.ja || c.text == t.name.en) return t.id;
    ids.emplace_back(t.id);
  }
  if (c.text.empty())
    missing(c, "missing asset type");
  else
    catalogue_ok(c.text, c.loc, "asset type", ids);
  return "";
}

// <countermeasure> children from an implemented and a planned column.
std::string ModelBuilder::measures(const Row& r, std::size_t implemented, std::size_t planned,
                                   const char* indent) {
  std::vector<std::string_view> ids;
  for (const model::Countermeasure& m : p_.countermeasures)
    ids.emplace_back(m.id);
  std::string xml;
  for (std::size_t col : {implemented, planned}) {
    for (const auto& [id, loc] : tokens(r.cells[col])) {
      if (!catalogue_ok(id, loc, "countermeasure", ids)) continue;
      xml += fmt::format("{}<countermeasure ref=\"{}\"{}/>\n", indent, xml_escape(id),
                         col == planned ? " status=\"planned\"" : "");
    }
  }
  return xml;
}

// Zones and networks that rows use but no table declares become declared by that use.
void ModelBuilder::collect_refs() {
  declare(Table::kZones, col::kZoneId, zones_, "zone id");
  declare(Table::kNetworks, col::kNetId, networks_, "network id");
  declare(Table::kAssets, col::kAssetId, assets_, "asset id");
  for (const Row& r : inv_[Table::kNetworks].rows)
    use(zones_, r.cells[col::kNetZone], "zone");
  for (const Row& r : inv_[Table::kAssets].rows) {
    use(zones_, r.cells[col::kAssetZone], "zone");
    for (const auto& [id, loc] : tokens(r.cells[col::kAssetNetworks]))
      use_token(networks_, id, loc, "network");
  }
  for (const Row& r : inv_[Table::kMeasures].rows) {
    use(zones_, r.cells[col::kMeasureZone], "zone");
    use(networks_, r.cells[col::kMeasureNetwork], "network");
  }
  for (const Row& r : inv_[Table::kEntries].rows)
    use(networks_, r.cells[col::kEntryNetwork], "network");
}

std::string ModelBuilder::build(const std::string& fallback_id) {
  for (const Inventory::Data& t : inv_.tables)
    for (const Row& r : t.rows)
      for (const Cell& c : r.cells)
        text_ok(c);
  collect_refs();
  out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  write_system(fallback_id);
  write_zones();
  write_networks();
  write_assets();
  write_flows();
  write_entries();
  write_measures();
  write_impacts();
  out_ += "</system>\n";
  return d_.has_errors() ? std::string() : std::move(out_);
}

std::optional<std::string> inventory_to_model(const Inventory& inv, const model::Profile& profile,
                                              const std::string& fallback_id,
                                              core::Diagnostics& diags) {
  std::string xml = ModelBuilder(inv, profile, diags).build(fallback_id);
  if (diags.has_errors()) return std::nullopt;
  return xml;
}

}  // namespace icsrisk::interchange
