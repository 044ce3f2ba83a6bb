#pragma once
// Random small plants for the planning property tests, in the scenario test profile
// (tests/data/scenario/test-profile.xml): networks in zones, hosts, firewalls, one-way gateways
// and routers, flows, implemented and planned measures (some planned ones with a `cost`), entry
// points, one or two scenarios. Every model loads and links without errors.

#include <random>
#include <string>
#include <vector>

#include "unit/scenario_fixture.h"

namespace icsrisk::testing {

inline std::string random_plan_model(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](int percent) { return pick(1, 100) <= percent; };
  const char* measures[] = {"p-access", "d-access", "p-infect", "d-infect", "p-attack", "d-attack"};
  auto some_measures = [&] {
    std::string s;
    for (const char* m : measures) {
      if (!chance(15)) continue;
      s += std::string(R"(<countermeasure ref=")") + m + R"(")";
      if (chance(30)) s += R"( status="planned")" + std::string(chance(50) ? R"( cost="2")" : "");
      s += "/>";
    }
    return s;
  };
  int n_zones = pick(0, 2), n_nets = pick(1, 3), n_hosts = pick(3, 5), n_dev = pick(0, 2);
  int n_flows = pick(2, 7);
  std::string zones, networks, assets, flows, entries, scoped;
  for (int i = 0; i < n_zones; ++i)
    zones += R"(<zone id="z)" + std::to_string(i) + R"(">)" + (chance(30) ? some_measures() : "") +
             "</zone>";
  for (int i = 0; i < n_nets; ++i) {
    std::string zone = n_zones > 0 && chance(70)
                           ? R"( zone="z)" + std::to_string(pick(0, n_zones - 1)) + R"(")"
                           : "";
    networks += R"(<network id="n)" + std::to_string(i) + R"(" name="n")" + zone + ">" +
                (chance(25) ? some_measures() : "") + "</network>";
  }
  std::vector<std::string> hosts;
  for (int i = 0; i < n_hosts; ++i) {
    std::string id = "h" + std::to_string(i);
    hosts.push_back(id);
    assets += R"(<asset id=")" + id + R"(" name="h" type="host" importance=")" +
              std::to_string(pick(1, 3)) + R"("><connect network="n)" +
              std::to_string(pick(0, n_nets - 1)) + R"("/>)" + some_measures() + "</asset>";
  }
  for (int i = 0; i < n_dev && n_nets >= 2; ++i) {
    const char* types[] = {"firewall", "diode", "router"};
    std::string type = types[pick(0, 2)];
    int a = pick(0, n_nets - 1), b = pick(0, n_nets - 2);
    if (b >= a) ++b;
    std::string up = type == "diode" ? R"(" role="upstream"/>)" : R"("/>)";
    std::string down = type == "diode" ? R"(" role="downstream"/>)" : R"("/>)";
    assets += R"(<asset id="d)" + std::to_string(i) + R"(" name="d" type=")" + type +
              R"(" importance="3"><connect network="n)" + std::to_string(a) + up +
              R"(<connect network="n)" + std::to_string(b) + down + some_measures() + "</asset>";
  }
  for (int i = 0; i < n_flows; ++i) {
    int a = pick(0, n_hosts - 1), b = pick(0, n_hosts - 2);
    if (b >= a) ++b;
    flows += R"(<flow id="f)" + std::to_string(i) + R"(" from=")" + hosts[a] + R"(" to=")" +
             hosts[b] + R"(">)" + (chance(30) ? some_measures() : "") + "</flow>";
  }
  for (int i = 0, n = pick(1, 3); i < n; ++i) {
    std::string where =
        chance(30) ? R"(network="n)" + std::to_string(pick(0, n_nets - 1)) + R"(" vector="network")"
                   : R"(asset=")" + hosts[pick(0, n_hosts - 1)] + R"(" vector="mail")";
    entries += R"(<entry id="e)" + std::to_string(i) + R"(" name="e" )" + where +
               R"( threat-level=")" + std::to_string(pick(1, 3)) + R"("/>)";
  }
  std::string scenarios;
  for (int i = 0, n = pick(1, 2); i < n; ++i)
    scenarios += R"(<scenario id="sc)" + std::to_string(i) + R"(" name="sc" target=")" +
                 hosts[pick(0, n_hosts - 1)] + R"(" attack="attack")" +
                 (chance(30) ? R"( access="segment")" : "") + "/>";
  if (chance(30)) scoped = some_measures();
  std::string xml = system_xml(networks, assets, flows, entries, scenarios, pick(1, 3));
  std::string head = R"(<system id="t" name="t" xmlns="urn:icsrisk:model:1">)";
  xml.replace(0, head.size(),
              head + (zones.empty() ? "" : "<zones>" + zones + "</zones>") +
                  (scoped.empty() ? "" : "<countermeasures>" + scoped + "</countermeasures>"));
  return xml;
}

}  // namespace icsrisk::testing
