#pragma once
// Random small models for the quant tests (method.md §9), and a model solved both by the library
// and into the reference chain of unit/quant_reference.h.

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "graph/topology.h"
#include "quant/quant.h"
#include "risk/coverage.h"
#include "risk/scenario_steps.h"
#include "unit/quant_reference.h"
#include "unit/scenario_fixture.h"
#include "unit/scenario_xml.h"

namespace icsrisk::testing {

/// A random model in the test profile: hosts on up to 3 networks, firewalls and routers between
/// them, flows, measures, asset entries (some on the target) and network entries (on networks
/// without measures, so that the per-entry level equals the §7 query's), one scenario.
/// `extra` is inserted into host `extra_host`'s element (to raise the levels of steps into it).
inline std::string random_quant_model(unsigned seed, const std::string& extra = "",
                                      int extra_host = -1) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](int percent) { return pick(1, 100) <= percent; };
  const char* refs[] = {"p-access", "d-access", "p-infect", "d-infect", "p-attack", "d-attack"};
  auto some = [&] {
    std::string s;
    for (const char* m : refs)
      if (chance(25)) s += measure(m);
    return s;
  };
  const int nets = pick(1, 3), hosts = pick(2, 6), flows = pick(1, 8);
  std::vector<bool> entry_net(nets);
  for (int i = 0; i < nets; ++i)
    entry_net[i] = chance(35);
  std::string networks, assets, fl, entries;
  for (int i = 0; i < nets; ++i)
    networks += R"(<network id="n)" + std::to_string(i) + R"(" name="n">)" +
                (!entry_net[i] && chance(30) ? some() : "") + "</network>";
  for (int i = 0; i < hosts; ++i)
    assets += R"(<asset id="h)" + std::to_string(i) +
              R"(" name="h" type="host" importance="2"><connect network="n)" +
              std::to_string(pick(0, nets - 1)) + R"("/>)" + some() +
              (i == extra_host ? extra : "") + "</asset>";
  for (int i = 0; nets >= 2 && i < pick(0, 2); ++i) {
    int a = pick(0, nets - 1), b = (a + pick(1, nets - 1)) % nets;
    assets += R"(<asset id="d)" + std::to_string(i) + R"(" name="d" type=")" +
              (chance(50) ? "firewall" : "router") + R"(" importance="3"><connect network="n)" +
              std::to_string(a) + R"("/><connect network="n)" + std::to_string(b) + R"("/>)" +
              some() + "</asset>";
  }
  for (int i = 0; i < flows; ++i) {
    int a = pick(0, hosts - 1), b = (a + pick(1, hosts - 1)) % hosts;
    if (hosts < 2) break;
    fl += R"(<flow id="f)" + std::to_string(i) + R"(" from="h)" + std::to_string(a) + R"(" to="h)" +
          std::to_string(b) + R"(">)" + (chance(30) ? some() : "") + "</flow>";
  }
  const int target = pick(0, hosts - 1);
  for (int i = 0, k = pick(1, 3); i < k; ++i) {
    int net = pick(0, nets - 1);
    std::string where = entry_net[net] && chance(50)
                            ? R"(network="n)" + std::to_string(net) + R"(" vector="network")"
                            : R"(asset="h)" +
                                  std::to_string(chance(15) ? target : pick(0, hosts - 1)) +
                                  R"(" vector="mail")";
    entries +=
        R"(<entry id="e)" + std::to_string(i) + R"(" name="e" )" + where + R"( threat-level="2"/>)";
  }
  std::string sc = R"(<scenario id="sc" name="sc" target="h)" + std::to_string(target) +
                   R"(" attack="attack")" + (chance(30) ? R"( access="segment")" : "") + "/>";
  return system_xml(networks, assets, fl, entries, sc);
}

struct QuantCase {
  std::unique_ptr<Loaded> l;
  std::vector<quant::ScenarioQuant> quant;
  std::vector<RefChain> chains;
};

inline QuantCase solve_case(const std::string& xml, bool builtin = false) {
  QuantCase s;
  s.l = load(xml, builtin);
  risk::Coverage coverage(s.l->model, s.l->profile);
  graph::Topology topology(s.l->model, s.l->profile);
  risk::StepLevels levels(s.l->model, s.l->profile, coverage, topology);
  s.quant = quant::analyze_quant(s.l->model, s.l->profile, coverage, topology);
  for (const model::Impact& im : s.l->model.impacts)
    for (const model::Scenario& sc : im.scenarios)
      s.chains.push_back(reference_chain(s.l->model, s.l->profile, topology, levels, sc));
  return s;
}

}  // namespace icsrisk::testing
