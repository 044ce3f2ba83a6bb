// The segment hubs of the quant stage (quant/chain.h): the chain with a hub state per segment
// gives the numbers of the plain chain with its segment cliques, on random models and on the
// bundled examples; and the counter-example to monotonicity of README / method.md §9.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "quant/chain.h"
#include "quant/quant.h"
#include "risk/scenario_graph.h"
#include "unit/golden.h"
#include "unit/quant_reference.h"
#include "unit/quant_test_models.h"

namespace icsrisk::testing {
namespace {

using quant::ScenarioQuant;

/// |a − b| within 1e-12 of the larger (and of 1e-300, for zeros).
void expect_same(double a, double b, const std::string& what) {
  EXPECT_LE(std::abs(a - b), 1e-12 * std::max({std::abs(a), std::abs(b), 1e-300}))
      << what << ": " << a << " vs " << b;
}

/// The results with hubs against those without, field by field.
void expect_same(const ScenarioQuant& h, const ScenarioQuant& p, const std::string& at) {
  expect_same(h.p_goal, p.p_goal, at + " p_goal");
  expect_same(h.expected_attempts, p.expected_attempts, at + " attempts");
  ASSERT_EQ(h.visit.size(), p.visit.size()) << at;
  for (std::size_t v = 0; v < p.visit.size(); ++v)
    expect_same(h.visit[v], p.visit[v], at + " visit " + std::to_string(v));
  ASSERT_EQ(h.entries.size(), p.entries.size()) << at;
  for (std::size_t e = 0; e < p.entries.size(); ++e) {
    expect_same(h.entries[e].p_goal, p.entries[e].p_goal, at + " entry p_goal");
    expect_same(h.entries[e].expected_attempts, p.entries[e].expected_attempts,
                at + " entry attempts");
  }
  // The steps and derivatives agree; rounding alone decides between steps whose derivatives
  // are equal in exact arithmetic (symmetric assets) or zero (listed only when positive): such
  // steps may swap places, or be in one list only at its noise level or at a full list's end.
  double top = 0.0;
  for (const auto* list : {&h.sensitive_steps, &p.sensitive_steps})
    for (const quant::StepSensitivity& s : *list)
      top = std::max(top, s.derivative);
  auto same_step = [](const quant::StepSensitivity& a, const quant::StepSensitivity& b) {
    return a.entry == b.entry && a.from == b.from && a.to == b.to && a.method == b.method &&
           a.level == b.level;
  };
  auto match = [&](const std::vector<quant::StepSensitivity>& one,
                   const std::vector<quant::StepSensitivity>& other, const std::string& which) {
    for (const quant::StepSensitivity& a : one) {
      if (a.derivative <= 1e-12 * top) continue;  // rounding noise of a zero derivative
      auto it =
          std::find_if(other.begin(), other.end(), [&](const auto& b) { return same_step(a, b); });
      if (it != other.end()) {
        expect_same(a.derivative, it->derivative, at + " derivative of a " + which + " step");
        continue;
      }
      ASSERT_EQ(other.size(), quant::kSensitiveSteps) << at << ": a " << which << " step missing";
      expect_same(a.derivative, other.back().derivative, at + " a " + which + " step at the cut");
    }
  };
  match(h.sensitive_steps, p.sensitive_steps, "hub");
  match(p.sensitive_steps, h.sensitive_steps, "plain");
}

/// Hubs for every segment of ≥ `hub_min` destinations against none; returns how many of the
/// model's scenario chains had a hub.
int compare(const Loaded& l, std::size_t hub_min, const std::string& label) {
  risk::Coverage coverage(l.model, l.profile);
  graph::Topology topology(l.model, l.profile);
  const auto hubs = quant::detail::analyze_quant(l.model, l.profile, coverage, topology, hub_min);
  const auto plain =
      quant::detail::analyze_quant(l.model, l.profile, coverage, topology, quant::detail::kNoHubs);
  EXPECT_EQ(hubs.size(), plain.size()) << label;
  for (std::size_t i = 0; i < std::min(hubs.size(), plain.size()); ++i)
    expect_same(hubs[i], plain[i], label + " scenario " + std::to_string(i));
  risk::detail::ReachGraph g(l.model, l.profile, coverage, topology, false);
  int with_hub = 0;
  for (const model::Impact& im : l.model.impacts)
    for (const model::Scenario& sc : im.scenarios)
      with_hub += quant::detail::build_chain(g, sc, l.profile.quant, hub_min).hubs.empty() ? 0 : 1;
  return with_hub;
}

TEST(QuantHubTest, HubsGiveTheNumbersOfTheCliquesOnRandomModels) {
  int with_hub = 0;
  for (unsigned seed = 1; seed <= 250; ++seed) {
    auto l = load(random_quant_model(seed));
    with_hub += compare(*l, 2, "seed " + std::to_string(seed));
  }
  EXPECT_GE(with_hub, 150);  // the hub path is what these models exercise
}

TEST(QuantHubTest, HubsGiveTheNumbersOfTheCliquesOnTheExamples) {
  for (const char* file : {"models/small-plant.xml", "models/model-plant.xml"}) {
    auto l = load(read_text(source_path(file)), /*builtin=*/true);
    EXPECT_GT(compare(*l, quant::detail::kDefaultHubMin, file), 0) << file;
    EXPECT_GT(compare(*l, 2, file), 0) << file;
  }
}

/// An attacker at `a` (entry by mail) with two steps: the final step on the firewall `fw` and a
/// lateral step to `d` through the firewall, a dead end (its only neighbour is the target).
/// Every step at level 1, except the one into `d` at level 2 when `d` has a protect measure.
std::string dead_end_model(bool strengthened) {
  return system_xml(nets({"n1", "n2"}),
                    host("a", "n1") +
                        R"(<asset id="fw" name="fw" type="firewall" importance="3">)"
                        R"(<connect network="n1"/><connect network="n2"/></asset>)" +
                        host("d", "n2", strengthened ? measure("p-access") : ""),
                    R"(<flow id="f1" from="a" to="fw"/><flow id="f2" from="a" to="d"/>)",
                    R"(<entry id="e" name="e" asset="a" vector="mail" threat-level="2"/>)",
                    R"(<scenario id="sc" name="sc" target="fw" attack="access"/>)");
}

TEST(QuantMonotonicityTest, StrengtheningTheStepIntoADeadEndRaisesPGoal) {
  // README "p_goal is not monotone in every step's level", method.md §9: from a, p_goal is
  // 0.5 / 1.02 = 0.49 with the dead-end step at level 1 and 0.5 / 0.76 = 0.66 at level 2
  // (built-in s = 0.5 / 0.2, c = 0.01 / 0.05); from outside the entry step (0.5 / 0.51) first.
  const double entry = 0.5 / 0.51;
  const double from_a[2] = {0.5 / 1.02, 0.5 / 0.76};
  for (int strengthened = 0; strengthened < 2; ++strengthened) {
    QuantCase s = solve_case(dead_end_model(strengthened == 1));
    ASSERT_EQ(s.quant.size(), 1u);
    const std::size_t a = s.l->asset("a"), d = s.l->asset("d");
    ASSERT_EQ(s.chains[0].at[d].size(), 0u) << "d is a dead end";
    ASSERT_EQ(s.chains[0].at[a].size(), 2u);
    EXPECT_NEAR(dense_solve(s.chains[0], {0}).goal_from[a + 1], from_a[strengthened], 1e-12);
    EXPECT_NEAR(s.quant[0].p_goal, entry * from_a[strengthened], 1e-12);
    EXPECT_NEAR(s.quant[0].entries[0].p_goal, entry * from_a[strengthened], 1e-12);
  }
}

}  // namespace
}  // namespace icsrisk::testing
