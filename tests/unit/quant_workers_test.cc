// How the quant stage gets its speed must not change its numbers (quant/quant.h): scenarios
// solved on several threads give the bytes of one thread, and the states the attacker cannot
// reach, left out of the factorised matrix, change no result.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <tuple>

#include "quant/chain.h"
#include "quant/quant.h"
#include "unit/golden.h"
#include "unit/quant_test_models.h"

namespace icsrisk::testing {
namespace {

using quant::ScenarioQuant;

std::vector<ScenarioQuant> run(const Loaded& l, std::size_t workers) {
  risk::Coverage coverage(l.model, l.profile);
  graph::Topology topology(l.model, l.profile);
  return quant::detail::analyze_quant(l.model, l.profile, coverage, topology,
                                      quant::detail::kDefaultHubMin, workers);
}

bool same_bytes(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_identical(const ScenarioQuant& a, const ScenarioQuant& b, const std::string& at) {
  EXPECT_EQ(a.impact, b.impact) << at;
  EXPECT_EQ(a.scenario, b.scenario) << at;
  EXPECT_TRUE(same_bytes(a.p_goal, b.p_goal)) << at;
  EXPECT_TRUE(same_bytes(a.expected_attempts, b.expected_attempts)) << at;
  ASSERT_EQ(a.visit.size(), b.visit.size()) << at;
  for (std::size_t v = 0; v < a.visit.size(); ++v)
    EXPECT_TRUE(same_bytes(a.visit[v], b.visit[v])) << at << " visit " << v;
  ASSERT_EQ(a.entries.size(), b.entries.size()) << at;
  for (std::size_t e = 0; e < a.entries.size(); ++e) {
    EXPECT_TRUE(same_bytes(a.entries[e].p_goal, b.entries[e].p_goal)) << at << " entry " << e;
    EXPECT_TRUE(same_bytes(a.entries[e].expected_attempts, b.entries[e].expected_attempts))
        << at << " entry " << e;
  }
  ASSERT_EQ(a.sensitive_steps.size(), b.sensitive_steps.size()) << at;
  for (std::size_t k = 0; k < a.sensitive_steps.size(); ++k) {
    const quant::StepSensitivity &x = a.sensitive_steps[k], &y = b.sensitive_steps[k];
    EXPECT_TRUE(x.entry == y.entry && x.from == y.from && x.to == y.to && x.method == y.method &&
                x.level == y.level && same_bytes(x.derivative, y.derivative))
        << at << " sensitive step " << k;
  }
}

TEST(QuantWorkersTest, ScenariosOnSeveralThreadsGiveTheBytesOfOneThread) {
  auto l = load(read_text(source_path("models/model-plant.xml")), /*builtin=*/true);
  const auto one = run(*l, 1);
  ASSERT_GE(one.size(), 4u) << "the example plant has several scenarios to share out";
  for (std::size_t workers : {2u, 3u, 16u}) {
    const auto many = run(*l, workers);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i)
      expect_identical(many[i], one[i],
                       std::to_string(workers) + " workers, scenario " + std::to_string(i));
  }
}

/// The example plant with an island: a network of three hosts and their flows, which no entry
/// point and no step of the plant reaches.
std::string with_island(std::string xml) {
  auto insert_before = [&](const std::string& tag, const std::string& text) {
    const std::size_t at = xml.find(tag);
    ASSERT_NE(at, std::string::npos) << tag;
    xml.insert(at, text);
  };
  insert_before("</networks>",
                R"(<network id="n-island" name="island" zone="z-office" medium="wired"/>)");
  std::string hosts;
  for (const char* id : {"i1", "i2", "i3"})
    hosts += std::string(R"(<asset id=")") + id + R"(" name="island host" type="server" )" +
             R"(importance="3"><connect network="n-island"/></asset>)";
  insert_before("</assets>", hosts);
  insert_before("</dataflows>", R"(<flow id="fi-1" from="i1" to="i2"/><flow id="fi-2" from="i2" )"
                                R"(to="i3"/><flow id="fi-3" from="i3" to="i1"/>)");
  return xml;
}

TEST(QuantReachableTest, AnIslandNoAttackerReachesChangesNoNumberAndIsNeverVisited) {
  const std::string plant = read_text(source_path("models/model-plant.xml"));
  auto base = load(plant, /*builtin=*/true);
  auto island = load(with_island(plant), /*builtin=*/true);
  ASSERT_EQ(island->model.assets.size(), base->model.assets.size() + 3);
  const auto a = run(*base, 1), b = run(*island, 1);
  ASSERT_EQ(a.size(), b.size());
  auto close = [](double x, double y) {
    return std::abs(x - y) <= 1e-12 * std::max({std::abs(x), std::abs(y), 1e-300});
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(close(a[i].p_goal, b[i].p_goal)) << i;
    EXPECT_TRUE(close(a[i].expected_attempts, b[i].expected_attempts)) << i;
    for (std::size_t v = 0; v < a[i].visit.size(); ++v)
      EXPECT_TRUE(close(a[i].visit[v], b[i].visit[v])) << i << " visit " << v;
    for (const char* id : {"i1", "i2", "i3"})
      EXPECT_EQ(b[i].visit[island->asset(id)], 0.0) << i << " " << id;
    ASSERT_EQ(a[i].sensitive_steps.size(), b[i].sensitive_steps.size()) << i;
    for (std::size_t k = 0; k < a[i].sensitive_steps.size(); ++k)
      EXPECT_TRUE(close(a[i].sensitive_steps[k].derivative, b[i].sensitive_steps[k].derivative))
          << i << " step " << k;
  }
}

TEST(QuantSensitivityOrderTest, StepsWithEqualDerivativesRankByAssetId) {
  // In the example plant several hosts step into the EWS at the same level with derivatives
  // equal in exact arithmetic; their last bits depend on the elimination order, and once put
  // 設備監視サーバ (iot-srv) before 制御情報系L2スイッチ (ctrl-info-sw).
  auto l = load(read_text(source_path("models/model-plant.xml")), /*builtin=*/true);
  int ties = 0;
  for (const ScenarioQuant& q : run(*l, 1))
    for (std::size_t k = 1; k < q.sensitive_steps.size(); ++k) {
      const quant::StepSensitivity &a = q.sensitive_steps[k - 1], &b = q.sensitive_steps[k];
      if (a.from == quant::kNone || b.from == quant::kNone ||
          std::abs(a.derivative - b.derivative) > 1e-9 * a.derivative)
        continue;
      ++ties;
      const auto& assets = l->model.assets;
      EXPECT_LE(std::tie(assets[a.from].id, assets[a.to].id),
                std::tie(assets[b.from].id, assets[b.to].id))
          << assets[a.from].id << " before " << assets[b.from].id;
    }
  EXPECT_GT(ties, 0) << "the example plant has tied steps to check";
}

}  // namespace
}  // namespace icsrisk::testing
