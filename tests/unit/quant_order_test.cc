// How the quant stage orders and ranks must not change its numbers (quant/quant.cc, StateOrder;
// quant/sensitivity.h): the scenarios after the first factorise in the first one's COLAMD
// order (or their own, when it ranks too few of their states) and agree with the exact dense
// solve; the sensitivity ranking, pruned as it goes, lists the steps of the full ranking.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>

#include "quant/chain.h"
#include "quant/quant.h"
#include "unit/golden.h"
#include "unit/quant_test_models.h"

namespace icsrisk::testing {
namespace {

/// Every scenario of `s` against the dense solve of its reference chain.
void expect_dense(const QuantCase& s, const std::string& label) {
  ASSERT_EQ(s.quant.size(), s.chains.size()) << label;
  for (std::size_t i = 0; i < s.quant.size(); ++i) {
    const RefChain& c = s.chains[i];
    const quant::ScenarioQuant& q = s.quant[i];
    const RefValues d = dense_solve(c, all_entries(c));
    const std::string at = label + " scenario " + std::to_string(i);
    EXPECT_NEAR(q.p_goal, d.p_goal, 1e-10) << at;
    EXPECT_NEAR(q.expected_attempts, d.attempts, 1e-8 * (1 + d.attempts)) << at;
    for (std::size_t v = 0; v < c.n; ++v)
      EXPECT_NEAR(q.visit[v], d.visit[v], 1e-10) << at << " visit " << v;
  }
}

/// random_quant_model with two more scenarios before its own, on h0 and h1: the first of them
/// is the one whose ordering the others use.
std::string with_more_scenarios(unsigned seed) {
  std::string xml = random_quant_model(seed);
  const std::size_t at = xml.find("<scenario ");
  EXPECT_NE(at, std::string::npos);
  xml.insert(at, R"(<scenario id="s0" name="s0" target="h0" attack="attack"/>)"
                 R"(<scenario id="s1" name="s1" target="h1" attack="attack" access="segment"/>)");
  return xml;
}

TEST(QuantOrderTest, ScenariosAfterTheFirstAgreeWithTheDenseSolve) {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    QuantCase s = solve_case(with_more_scenarios(seed));
    ASSERT_EQ(s.quant.size(), 3u);
    expect_dense(s, "seed " + std::to_string(seed));
  }
}

/// Two LANs joined by host g, on both; the attacker enters on LAN 1. The first scenario targets
/// g, so its chain holds LAN 1 alone and ranks none of LAN 2's states: the second scenario, on
/// LAN 2, orders its states itself.
std::string two_lans(int per_lan) {
  std::string assets, flows = R"(<flow id="fg" from="a0" to="g"/>)";
  for (int i = 0; i < per_lan; ++i) {
    assets += R"(<asset id="a)" + std::to_string(i) +
              R"(" name="a" type="host" importance="2"><connect network="n0"/></asset>)";
    assets += R"(<asset id="b)" + std::to_string(i) +
              R"(" name="b" type="host" importance="2"><connect network="n1"/></asset>)";
    if (i + 1 < per_lan)
      flows += R"(<flow id="fb)" + std::to_string(i) + R"(" from="b)" + std::to_string(i) +
               R"(" to="b)" + std::to_string(i + 1) + R"("/>)";
  }
  assets += R"(<asset id="g" name="g" type="host" importance="3">)"
            R"(<connect network="n0"/><connect network="n1"/></asset>)";
  return system_xml(R"(<network id="n0" name="n0"/><network id="n1" name="n1"/>)", assets, flows,
                    R"(<entry id="e" name="e" asset="a0" vector="mail" threat-level="2"/>)",
                    R"(<scenario id="s-g" name="g" target="g" attack="attack"/>)"
                    R"(<scenario id="s-b" name="b" target="b)" +
                        std::to_string(per_lan - 1) + R"(" attack="attack"/>)");
}

TEST(QuantOrderTest, AScenarioTheFirstRanksTooFewStatesOfStillAgreesWithTheDenseSolve) {
  QuantCase s = solve_case(two_lans(12));
  ASSERT_EQ(s.quant.size(), 2u);
  // The first scenario never holds LAN 2; the second does.
  const std::size_t b0 = s.l->asset("b0");
  EXPECT_EQ(s.quant[0].visit[b0], 0.0);
  EXPECT_GT(s.quant[1].visit[b0], 0.0);
  expect_dense(s, "two LANs");
}

bool same_steps(const std::vector<quant::StepSensitivity>& a,
                const std::vector<quant::StepSensitivity>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].entry != b[k].entry || a[k].from != b[k].from || a[k].to != b[k].to ||
        a[k].method != b[k].method || a[k].level != b[k].level ||
        std::memcmp(&a[k].derivative, &b[k].derivative, sizeof(double)) != 0)
      return false;
  return true;
}

// The ranking keeps only the candidates that can still rank each time `prune_at` have gathered.
// Never pruning, pruning at every 10th candidate and the default give the same list; the
// plants have hundreds of steps with a positive derivative, many of them equal (LAN 1's hosts
// are alike), so prunes happen and cut through ties.
TEST(QuantOrderTest, PruningTheSensitivityRankingKeepsTheStepsOfTheFullRanking) {
  const std::size_t never = std::numeric_limits<std::size_t>::max();
  struct Plant {
    std::string label;
    std::unique_ptr<Loaded> l;
  };
  std::vector<Plant> plants;
  plants.push_back({"two LANs", load(two_lans(40))});
  plants.push_back({"model-plant", load(read_text(source_path("models/model-plant.xml")), true)});
  for (unsigned seed = 1; seed <= 40; ++seed)
    plants.push_back({"seed " + std::to_string(seed), load(with_more_scenarios(seed))});
  int listed = 0;
  for (const Plant& p : plants) {
    risk::Coverage coverage(p.l->model, p.l->profile);
    graph::Topology topology(p.l->model, p.l->profile);
    auto run = [&](std::size_t prune_at) {
      return quant::detail::analyze_quant(p.l->model, p.l->profile, coverage, topology,
                                          quant::detail::kDefaultHubMin, 1, prune_at);
    };
    const auto full = run(never), often = run(10), usual = run(quant::detail::kDefaultPruneAt);
    for (std::size_t i = 0; i < full.size(); ++i) {
      EXPECT_TRUE(same_steps(often[i].sensitive_steps, full[i].sensitive_steps))
          << p.label << " scenario " << i;
      EXPECT_TRUE(same_steps(usual[i].sensitive_steps, full[i].sensitive_steps))
          << p.label << " scenario " << i;
      listed += static_cast<int>(full[i].sensitive_steps.size());
    }
  }
  EXPECT_GE(listed, 300);
}

}  // namespace
}  // namespace icsrisk::testing
