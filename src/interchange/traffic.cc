// Comparing observed connections with the model's flows, and adding the unexpected ones.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/text.h"
#include "interchange/model_builder.h"
#include "interchange/traffic.h"

namespace icsrisk::interchange {
namespace {

// "a.b.c.d" → 32 bits; false for anything else.
bool ipv4(std::string_view s, std::uint32_t& out) {
  std::uint32_t v = 0;
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 3)
      ++j;
    long long octet = 0;
    if (j == i || !core::parse_int(s.substr(i, j - i), octet) || octet > 255) return false;
    v = (v << 8) | static_cast<std::uint32_t>(octet);
    ++parts;
    if (parts < 4 && (j >= s.size() || s[j] != '.')) return false;
    i = j + 1;
    if (parts == 4 && j != s.size()) return false;
  }
  out = v;
  return true;
}

struct Block {
  std::uint32_t net = 0;
  int bits = 32;
  std::size_t asset = 0;
};

class AddressBook {
 public:
  AddressBook(const model::Model& m, core::Diagnostics& d) {
    for (std::size_t a = 0; a < m.assets.size(); ++a)
      for (const model::Connection& k : m.assets[a].connects)
        if (!k.address.empty()) add(std::string(k.address), a, k, d);
    std::sort(blocks_.begin(), blocks_.end(),
              [](const Block& x, const Block& y) { return x.bits > y.bits; });
  }

  /// The asset at `address`, or kNone.
  std::size_t find(const std::string& address) const {
    if (auto it = exact_.find(address); it != exact_.end()) return it->second;
    std::uint32_t ip = 0;
    if (!ipv4(address, ip)) return model::kNone;
    for (const Block& b : blocks_)  // longest prefix first
      if (b.bits == 0 || (ip >> (32 - b.bits)) == (b.net >> (32 - b.bits))) return b.asset;
    return model::kNone;
  }

 private:
  void add(const std::string& address, std::size_t asset, const model::Connection& k,
           core::Diagnostics& d) {
    std::size_t slash = address.find('/');
    std::uint32_t ip = 0;
    long long bits = 0;
    if (slash != std::string::npos && ipv4(address.substr(0, slash), ip) &&
        core::parse_int(address.substr(slash + 1), bits) && bits >= 0 && bits <= 32) {
      blocks_.push_back({ip, static_cast<int>(bits), asset});
      return;
    }
    auto [it, fresh] = exact_.emplace(address, asset);
    if (!fresh && it->second != asset)
      d.warning(core::attribute_loc(k.loc, "address"),
                fmt::format("address '{}' is also on another asset; traffic is mapped to the "
                            "first",
                            address));
  }

  std::unordered_map<std::string, std::size_t> exact_;
  std::vector<Block> blocks_;
};

bool has_address(const model::Asset& a) {
  return std::any_of(a.connects.begin(), a.connects.end(),
                     [](const model::Connection& k) { return !k.address.empty(); });
}

// Whether a connection of `o` can carry modelled flow `f`.
bool matches(const model::Flow& f, const ObservedFlow& o) {
  bool ends = (f.from_index == o.from && f.to_index == o.to) ||
              (f.from_index == o.to && f.to_index == o.from);
  return ends && (f.port.empty() || f.port == std::to_string(o.port));
}

}  // namespace

TrafficComparison compare_traffic(const model::Model& m, const std::vector<Connection>& log,
                                  core::Diagnostics& diags) {
  AddressBook book(m, diags);
  TrafficComparison c;
  std::map<std::tuple<std::size_t, std::size_t, std::string, int>, std::size_t> flows;
  std::unordered_map<std::string, std::size_t> unknown;
  for (const Connection& conn : log) {
    ++c.connections;
    std::size_t from = book.find(conn.orig), to = book.find(conn.resp);
    for (const auto& [addr, asset] : {std::pair{&conn.orig, from}, std::pair{&conn.resp, to}}) {
      if (asset != model::kNone) continue;
      auto [it, fresh] = unknown.emplace(*addr, c.unknown.size());
      if (fresh) c.unknown.push_back({*addr, 0, conn.loc});
      ++c.unknown[it->second].count;
    }
    if (from == model::kNone || to == model::kNone) continue;
    if (from == to) {
      ++c.within_asset;
      continue;
    }
    auto key = std::make_tuple(from, to, conn.proto, conn.port);
    auto [it, fresh] = flows.emplace(key, c.observed.size());
    if (fresh) c.observed.push_back({from, to, conn.proto, conn.service, conn.port, 0, conn.loc});
    ObservedFlow& o = c.observed[it->second];
    ++o.count;
    if (o.service.empty()) o.service = conn.service;
  }
  // Modelled flows by their (unordered) pair of assets, so matching is linear overall.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_pair;
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    const model::Flow& flow = m.flows[f];
    by_pair[std::minmax(flow.from_index, flow.to_index)].push_back(f);
  }
  std::vector<bool> seen(m.flows.size(), false);
  for (ObservedFlow& o : c.observed) {
    auto pair = by_pair.find(std::minmax(o.from, o.to));
    if (pair == by_pair.end()) continue;
    for (std::size_t f : pair->second) {
      if (!matches(m.flows[f], o)) continue;
      if (o.flow == model::kNone) o.flow = f;
      seen[f] = true;  // a polling connection carries the flows of both directions
    }
  }
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    if (seen[f]) continue;
    const model::Flow& flow = m.flows[f];
    bool addressed = flow.from_index != model::kNone && flow.to_index != model::kNone &&
                     has_address(m.assets[flow.from_index]) && has_address(m.assets[flow.to_index]);
    (addressed ? c.unobserved : c.unaddressed).push_back(f);
  }
  return c;
}

std::optional<std::string> add_observed_flows(const model::Model& m, const std::string& text,
                                              const TrafficComparison& c) {
  std::vector<std::string> ids;
  for (const model::Flow& f : m.flows)
    ids.emplace_back(f.id);
  std::string block;
  int n = 0;
  for (const ObservedFlow& o : c.observed) {
    if (o.flow != model::kNone) continue;
    std::string id;
    do
      id = fmt::format("obs-{}", ++n);
    while (std::find(ids.begin(), ids.end(), id) != ids.end());
    std::string proto = o.service.empty() ? o.proto : o.service;
    block += fmt::format(
        "    <flow id=\"{}\" from=\"{}\" to=\"{}\" data=\"observed traffic ({} connection{})\" "
        "protocol=\"{}\"{}/>\n",
        id, xml_escape(m.assets[o.from].id), xml_escape(m.assets[o.to].id), o.count,
        o.count == 1 ? "" : "s", xml_escape(proto),
        o.port < 0 ? "" : fmt::format(" port=\"{}\"", o.port));
  }
  if (block.empty()) return text;
  std::size_t at = std::string::npos;
  if (!m.flows.empty()) {
    at = text.find("</dataflows>", m.flows.back().loc.offset);
  } else {
    at = text.rfind("</system>");
    if (at != std::string::npos) block = "  <dataflows>\n" + block + "  </dataflows>\n";
  }
  if (at == std::string::npos) return std::nullopt;
  // Before the closing tag's line when it stands alone (the file's own indentation is kept),
  // else right before the tag.
  std::size_t line = text.rfind('\n', at);
  std::size_t start = line == std::string::npos ? 0 : line + 1;
  if (text.find_first_not_of(" \t", start) == at)
    return text.substr(0, start) + block + text.substr(start);
  return text.substr(0, at) + "\n" + block + text.substr(at);
}

}  // namespace icsrisk::interchange
