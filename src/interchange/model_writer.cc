// Writing the model file from checked inventory tables (design.md "Model file").

#include <fmt/format.h>

#include <unordered_map>

#include "core/text.h"
#include "interchange/columns.h"
#include "interchange/model_builder.h"

namespace icsrisk::interchange {
namespace {

// ` name="value"` when the value is not empty.
std::string attr(const char* name, std::string_view value) {
  return value.empty() ? std::string() : fmt::format(" {}=\"{}\"", name, xml_escape(value));
}

std::string description(const Cell& c, const char* indent) {
  return c.text.empty()
             ? std::string()
             : fmt::format("{}<description>{}</description>\n", indent, xml_escape(c.text));
}

// An element with optional children: self-closing when `body` is empty.
std::string element(const char* indent, const std::string& open, const char* tag,
                    const std::string& body) {
  if (body.empty()) return fmt::format("{}<{}/>\n", indent, open);
  return fmt::format("{}<{}>\n{}{}</{}>\n", indent, open, body, indent, tag);
}

}  // namespace

void ModelBuilder::write_system(const std::string& fallback_id) {
  const auto& rows = inv_[Table::kSystem].rows;
  if (rows.size() > 1) d_.error(rows[1].loc, "system.csv has one row (the plant)");
  std::string id = fallback_id, name, desc;
  if (!rows.empty()) {
    const Row& r = rows.front();
    if (id_ok(r.cells[col::kSysId], "system id", true)) id = r.cells[col::kSysId].text;
    name = r.cells[col::kSysName].text;
    desc = description(r.cells[col::kSysDescription], "  ");
  }
  out_ += fmt::format("<system{}{} xmlns=\"urn:icsrisk:model:1\">\n", attr("id", id),
                      attr("name", name));
  out_ += desc;
}

void ModelBuilder::write_zones() {
  std::string body;
  std::unordered_map<std::string, const Row*> rows;
  for (const Row& r : inv_[Table::kZones].rows)
    rows.emplace(r.cells[col::kZoneId].text, &r);
  for (const std::string& id : zones_.order) {
    auto it = rows.find(id);
    if (it == rows.end()) {
      body += fmt::format("    <zone id=\"{}\"/>\n", xml_escape(id));
      continue;
    }
    const Row& r = *it->second;
    const Cell& purdue = r.cells[col::kZonePurdue];
    char* end = nullptr;
    double level = purdue.text.empty() ? 0 : std::strtod(purdue.text.c_str(), &end);
    if (!purdue.text.empty() && (*end != '\0' || level < 0 || level > 5))
      d_.error(purdue.loc,
               fmt::format("purdue-level is a number from 0 to 5, found '{}'", purdue.text));
    std::string open =
        fmt::format("zone{}{}{}", attr("id", id), attr("name", r.cells[col::kZoneName].text),
                    attr("purdue-level", purdue.text));
    std::string inner = description(r.cells[col::kZoneDescription], "      ") +
                        measures(r, col::kZoneMeasures, col::kZonePlanned, "      ");
    body += element("    ", open, "zone", inner);
  }
  out_ += element("  ", "zones", "zones", body);
}

void ModelBuilder::write_networks() {
  std::string body;
  std::unordered_map<std::string, const Row*> rows;
  for (const Row& r : inv_[Table::kNetworks].rows)
    rows.emplace(r.cells[col::kNetId].text, &r);
  for (const std::string& id : networks_.order) {
    auto it = rows.find(id);
    if (it == rows.end()) {
      body += fmt::format("    <network id=\"{}\"/>\n", xml_escape(id));
      continue;
    }
    const Row& r = *it->second;
    const Cell& medium = r.cells[col::kNetMedium];
    if (!medium.text.empty()) {
      std::vector<std::string_view> ids(model::kMediumIds.begin(), model::kMediumIds.end());
      catalogue_ok(medium.text, medium.loc, "medium", ids);
    }
    int_ok(r.cells[col::kNetImportance], 1, 3, false);
    std::string open =
        fmt::format("network{}{}{}{}{}", attr("id", id), attr("name", r.cells[col::kNetName].text),
                    attr("zone", r.cells[col::kNetZone].text), attr("medium", medium.text),
                    attr("importance", r.cells[col::kNetImportance].text));
    std::string inner = description(r.cells[col::kNetDescription], "      ") +
                        measures(r, col::kNetMeasures, col::kNetPlanned, "      ");
    body += element("    ", open, "network", inner);
  }
  out_ += element("  ", "networks", "networks", body);
}

void ModelBuilder::write_assets() {
  out_ += "  <assets>\n";
  for (const Row& r : inv_[Table::kAssets].rows)
    write_asset(r);
  out_ += "  </assets>\n";
}

void ModelBuilder::write_asset(const Row& r) {
  const auto& c = r.cells;
  std::string type = asset_type(c[col::kAssetType]);
  int_ok(c[col::kAssetImportance], 1, 3, true);
  int_ok(c[col::kAssetCount], 1, 0x7fffffff, false);
  out_ += fmt::format(
      "    <asset{}{}{}{}{}{}{}{}{}>\n", attr("id", c[col::kAssetId].text),
      attr("name", c[col::kAssetName].text), attr("type", type),
      attr("importance", c[col::kAssetImportance].text), attr("zone", c[col::kAssetZone].text),
      attr("count", c[col::kAssetCount].text), attr("vendor", c[col::kAssetVendor].text),
      attr("model", c[col::kAssetModel].text), attr("os", c[col::kAssetOs].text));
  out_ += description(c[col::kAssetDescription], "      ");
  write_connects(r);
  out_ += measures(r, col::kAssetMeasures, col::kAssetPlanned, "      ");
  std::vector<std::string_view> threats;
  for (const model::Threat& t : p_.threats)
    threats.emplace_back(t.id);
  for (const auto& [tok, loc] : tokens(c[col::kAssetThreats])) {
    std::size_t eq = tok.find('=');
    long long level = 0;
    if (eq == std::string::npos || !core::parse_int(tok.substr(eq + 1), level) || level < 1 ||
        level > 3) {
      d_.error(loc,
               fmt::format("a threat level is written threat=LEVEL (1 to 3), found '{}'", tok));
      continue;
    }
    if (catalogue_ok(tok.substr(0, eq), loc, "threat", threats))
      out_ += fmt::format("      <threat ref=\"{}\" level=\"{}\"/>\n",
                          xml_escape(tok.substr(0, eq)), level);
  }
  out_ += "    </asset>\n";
}

// <connect> elements: one per network; addresses pair with networks in order ("-" for none);
// with an upstream network named, the asset's other networks are downstream.
void ModelBuilder::write_connects(const Row& r) {
  auto nets = tokens(r.cells[col::kAssetNetworks]);
  auto addrs = tokens(r.cells[col::kAssetAddress]);
  const Cell& up = r.cells[col::kAssetUpstream];
  if (nets.empty())
    missing(r.cells[col::kAssetNetworks], "an asset connects to at least one network");
  if (!addrs.empty() && addrs.size() != nets.size())
    d_.error(r.cells[col::kAssetAddress].loc,
             fmt::format("{} addresses for {} networks: give one per network, in the same order, "
                         "'-' for none",
                         addrs.size(), nets.size()));
  bool up_found = up.text.empty();
  for (std::size_t i = 0; i < nets.size(); ++i) {
    std::string role;
    if (!up.text.empty()) role = nets[i].first == up.text ? "upstream" : "downstream";
    up_found = up_found || nets[i].first == up.text;
    std::string address = i < addrs.size() && addrs[i].first != "-" ? addrs[i].first : "";
    out_ += fmt::format("      <connect{}{}{}/>\n", attr("network", nets[i].first),
                        attr("role", role), attr("address", address));
  }
  if (!up_found)
    d_.error(up.loc,
             fmt::format("upstream network '{}' is not one of the asset's networks", up.text));
}

void ModelBuilder::write_flows() {
  std::string body;
  IdSet ids;
  std::size_t n = 0;
  for (const Row& r : inv_[Table::kFlows].rows) {
    const auto& c = r.cells;
    ++n;
    std::string id = c[col::kFlowId].text.empty() ? fmt::format("df-{}", n) : c[col::kFlowId].text;
    if (id_ok(c[col::kFlowId], "flow id", false) && ids.has(id)) {
      d_.error(c[col::kFlowId].loc, fmt::format("duplicate flow id '{}'", id));
      d_.note(ids.where[id], "first defined here");
    }
    ids.add(id, c[col::kFlowId].loc);
    for (std::size_t k : {col::kFlowFrom, col::kFlowTo})
      if (id_ok(c[k], k == col::kFlowFrom ? "sender" : "receiver", true))
        use(assets_, c[k], "asset");
    std::string open = fmt::format(
        "flow{}{}{}{}{}{}", attr("id", id), attr("from", c[col::kFlowFrom].text),
        attr("to", c[col::kFlowTo].text), attr("data", c[col::kFlowData].text),
        attr("protocol", c[col::kFlowProtocol].text), attr("port", c[col::kFlowPort].text));
    std::string inner = description(c[col::kFlowDescription], "      ") +
                        measures(r, col::kFlowMeasures, col::kFlowPlanned, "      ");
    body += element("    ", open, "flow", inner);
  }
  if (!body.empty()) out_ += element("  ", "dataflows", "dataflows", body);
}

}  // namespace icsrisk::interchange
