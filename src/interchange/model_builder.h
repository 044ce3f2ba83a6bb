#pragma once
// Building a model file from inventory tables (inventory_to_model): the checks of each cell
// and the XML text. Private to src/interchange.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "interchange/inventory.h"
#include "model/profile.h"

namespace icsrisk::interchange {

/// Ids of one kind: declared by a table, or collected from the rows that use them.
struct IdSet {
  bool declared = false;  ///< a table declares them: unknown ids are errors
  std::vector<std::string> order;
  std::unordered_map<std::string, core::Loc> where;
  bool has(const std::string& id) const { return where.count(id) > 0; }
  void add(const std::string& id, core::Loc loc) {
    if (where.emplace(id, loc).second) order.push_back(id);
  }
};

class ModelBuilder {
 public:
  ModelBuilder(const Inventory& inv, const model::Profile& p, core::Diagnostics& d)
      : inv_(inv), p_(p), d_(d) {}

  /// The model text; empty when an error was reported.
  std::string build(const std::string& fallback_id);

 private:
  // Cell checks; each reports its own problem and returns false.
  bool text_ok(const Cell& c);
  /// Reports an empty required cell, unless its whole column is absent (reported once).
  void missing(const Cell& c, const std::string& message);
  bool id_ok(const Cell& c, const char* what, bool required);
  bool int_ok(const Cell& c, int lo, int hi, bool required);
  std::vector<std::pair<std::string, core::Loc>> tokens(const Cell& c);
  void declare(Table t, std::size_t id_col, IdSet& set, const char* what);
  void use(IdSet& set, const Cell& c, const char* what);
  void use_token(IdSet& set, const std::string& id, core::Loc loc, const char* what);
  bool catalogue_ok(std::string_view id, core::Loc loc, const char* what,
                    const std::vector<std::string_view>& ids);
  std::string measures(const Row& r, std::size_t implemented, std::size_t planned,
                       const char* indent);
  std::string asset_type(const Cell& c);

  void collect_refs();
  void write_system(const std::string& fallback_id);
  void write_zones();
  void write_networks();
  void write_assets();
  void write_asset(const Row& r);
  void write_connects(const Row& r);
  void write_flows();
  void write_entries();
  void write_measures();
  void write_impacts();

  const Inventory& inv_;
  const model::Profile& p_;
  core::Diagnostics& d_;
  IdSet zones_, networks_, assets_;
  std::string out_;
};

/// `s` escaped for an XML attribute value or element text: & < > " as entities, and control
/// characters (TAB, LF, CR included, so attribute normalisation keeps them) as character
/// references.
std::string xml_escape(std::string_view s);

}  // namespace icsrisk::interchange
