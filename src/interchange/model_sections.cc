// Writing the entry points, scoped countermeasures and business impacts of the model file.

#include <fmt/format.h>

#include <unordered_map>

#include "interchange/columns.h"
#include "interchange/model_builder.h"

namespace icsrisk::interchange {
namespace {

std::string attr(const char* name, std::string_view value) {
  return value.empty() ? std::string() : fmt::format(" {}=\"{}\"", name, xml_escape(value));
}

}  // namespace

void ModelBuilder::write_entries() {
  std::string body;
  IdSet ids;
  std::vector<std::string_view> vectors;
  for (const model::EntryVector& v : p_.vectors)
    vectors.emplace_back(v.id);
  for (const Row& r : inv_[Table::kEntries].rows) {
    const auto& c = r.cells;
    if (id_ok(c[col::kEntryId], "entry id", true)) {
      if (ids.has(c[col::kEntryId].text)) {
        d_.error(c[col::kEntryId].loc,
                 fmt::format("duplicate entry id '{}'", c[col::kEntryId].text));
        d_.note(ids.where[c[col::kEntryId].text], "first defined here");
      }
      ids.add(c[col::kEntryId].text, c[col::kEntryId].loc);
    }
    bool on_asset = !c[col::kEntryAsset].text.empty(), on_net = !c[col::kEntryNetwork].text.empty();
    if (on_asset == on_net)
      d_.error(r.loc, "an entry point names exactly one of asset and network");
    use(assets_, c[col::kEntryAsset], "asset");
    if (c[col::kEntryVector].text.empty())
      missing(c[col::kEntryVector], "missing entry vector");
    else
      catalogue_ok(c[col::kEntryVector].text, c[col::kEntryVector].loc, "entry vector", vectors);
    int_ok(c[col::kEntryLevel], 1, 3, true);
    body += fmt::format(
        "    <entry{}{}{}{}{}{}/>\n", attr("id", c[col::kEntryId].text),
        attr("name", c[col::kEntryName].text), attr("asset", c[col::kEntryAsset].text),
        attr("network", c[col::kEntryNetwork].text), attr("vector", c[col::kEntryVector].text),
        attr("threat-level", c[col::kEntryLevel].text));
  }
  if (!body.empty()) out_ += fmt::format("  <entry-points>\n{}  </entry-points>\n", body);
}

void ModelBuilder::write_measures() {
  std::string body;
  std::vector<std::string_view> ids;
  for (const model::Countermeasure& m : p_.countermeasures)
    ids.emplace_back(m.id);
  for (const Row& r : inv_[Table::kMeasures].rows) {
    const auto& c = r.cells;
    const Cell& ref = c[col::kMeasureRef];
    if (ref.text.empty())
      missing(ref, "missing countermeasure");
    else
      catalogue_ok(ref.text, ref.loc, "countermeasure", ids);
    const Cell& st = c[col::kMeasureStatus];
    bool planned = st.text == "planned" || st.text == "計画中";
    if (!planned && !st.text.empty() && st.text != "implemented" && st.text != "実装済")
      d_.error(st.loc,
               fmt::format("status is 'implemented' or 'planned' (実装済 / 計画中), found '{}'",
                           st.text));
    body += fmt::format("    <countermeasure{}{}{}{}/>\n", attr("ref", ref.text),
                        attr("zone", c[col::kMeasureZone].text),
                        attr("network", c[col::kMeasureNetwork].text),
                        planned ? " status=\"planned\"" : "");
  }
  if (!body.empty()) out_ += fmt::format("  <countermeasures>\n{}  </countermeasures>\n", body);
}

// One <impact> per impact id, in order of first appearance; its name, level and description
// come from its first row and a different level on a later row is an error.
void ModelBuilder::write_impacts() {
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<const Row*>> groups;
  std::vector<std::string_view> threats;
  for (const model::Threat& t : p_.threats)
    threats.emplace_back(t.id);
  IdSet scenario_ids;
  for (const Row& r : inv_[Table::kScenarios].rows) {
    const auto& c = r.cells;
    if (!id_ok(c[col::kImpactId], "impact id", true)) continue;
    auto& g = groups[c[col::kImpactId].text];
    if (g.empty()) order.push_back(c[col::kImpactId].text);
    g.push_back(&r);
    int_ok(c[col::kImpactLevel], 1, 3, true);
    if (g.front()->cells[col::kImpactLevel].text != c[col::kImpactLevel].text) {
      d_.error(c[col::kImpactLevel].loc,
               fmt::format("impact '{}' has level {} on an earlier row", c[col::kImpactId].text,
                           g.front()->cells[col::kImpactLevel].text));
      d_.note(g.front()->cells[col::kImpactLevel].loc, "that row");
    }
    if (id_ok(c[col::kScenarioId], "scenario id", true)) {
      if (scenario_ids.has(c[col::kScenarioId].text)) {
        d_.error(c[col::kScenarioId].loc,
                 fmt::format("duplicate scenario id '{}'", c[col::kScenarioId].text));
        d_.note(scenario_ids.where[c[col::kScenarioId].text], "first defined here");
      }
      scenario_ids.add(c[col::kScenarioId].text, c[col::kScenarioId].loc);
    }
    if (id_ok(c[col::kScenarioTarget], "target", true))
      use(assets_, c[col::kScenarioTarget], "asset");
    if (c[col::kScenarioAttack].text.empty())
      missing(c[col::kScenarioAttack], "missing attack (a threat id)");
    else
      catalogue_ok(c[col::kScenarioAttack].text, c[col::kScenarioAttack].loc, "threat", threats);
    for (const auto& [id, loc] : tokens(c[col::kScenarioBases]))
      use_token(assets_, id, loc, "asset");
  }
  if (order.empty()) return;
  out_ += "  <business-impacts>\n";
  for (const std::string& id : order) {
    const auto& first = groups[id].front()->cells;
    out_ += fmt::format("    <impact{}{}{}>\n", attr("id", id),
                        attr("name", first[col::kImpactName].text),
                        attr("level", first[col::kImpactLevel].text));
    if (!first[col::kImpactDescription].text.empty())
      out_ += fmt::format("      <description>{}</description>\n",
                          xml_escape(first[col::kImpactDescription].text));
    for (const Row* r : groups[id]) {
      const auto& c = r->cells;
      std::string bases;
      for (const auto& [b, loc] : tokens(c[col::kScenarioBases]))
        bases += (bases.empty() ? "" : " ") + b;
      const Cell& access = c[col::kScenarioAccess];
      if (!access.text.empty())
        catalogue_ok(access.text, access.loc, "access", {"flows", "segment"});
      std::string open = fmt::format("scenario{}{}{}{}{}{}", attr("id", c[col::kScenarioId].text),
                                     attr("name", c[col::kScenarioName].text),
                                     attr("target", c[col::kScenarioTarget].text),
                                     attr("attack", c[col::kScenarioAttack].text),
                                     attr("bases", bases), attr("access", access.text));
      if (c[col::kScenarioDescription].text.empty())
        out_ += fmt::format("      <{}/>\n", open);
      else
        out_ +=
            fmt::format("      <{}>\n        <description>{}</description>\n      </scenario>\n",
                        open, xml_escape(c[col::kScenarioDescription].text));
    }
    out_ += "    </impact>\n";
  }
  out_ += "  </business-impacts>\n";
}

}  // namespace icsrisk::interchange
