// The --fail-on gate as a library (diff/gate.h): scopes, the baseline, the message's cap.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff/gate.h"

namespace icsrisk::diff {
namespace {

using model::Risk;

AssetRow row(std::string target, std::string threat, Risk r, std::size_t number) {
  AssetRow a;
  a.kind = "asset";
  a.target = std::move(target);
  a.threat = std::move(threat);
  a.target_name = "name of " + a.target;
  a.risk = r;
  a.risk_planned = Risk::kE;
  a.number = number;
  return a;
}

ScenarioRow scenario(std::string id, std::optional<Risk> r) {
  ScenarioRow s;
  s.impact = "bi-1";
  s.scenario = std::move(id);
  s.name = "scenario " + s.scenario;
  s.risk = r;
  return s;
}

/// Rows: a1/t (A), a2/t (B), a3/t (C); scenarios sc-1 (B), sc-2 (A), sc-3 (no route).
Snapshot current() {
  Snapshot s;
  s.asset_rows = {row("a1", "t", Risk::kA, 1), row("a2", "t", Risk::kB, 2),
                  row("a3", "t", Risk::kC, 3)};
  s.scenarios = {scenario("sc-1", Risk::kB), scenario("sc-2", Risk::kA),
                 scenario("sc-3", std::nullopt)};
  return s;
}

std::vector<GateRule> rules(std::initializer_list<const char*> texts) {
  std::vector<GateRule> out;
  for (const char* t : texts) {
    core::Result<GateRule> r = parse_gate_rule(t);
    EXPECT_TRUE(r) << t;
    if (r) out.push_back(*r);
  }
  return out;
}

/// The hits as "a1", "sc-2", … in order.
std::vector<std::string> ids(const Snapshot& s, const std::vector<GateHit>& hits) {
  std::vector<std::string> out;
  for (const GateHit& h : hits)
    out.push_back(h.scenario ? s.scenarios[h.index].scenario : s.asset_rows[h.index].target);
  return out;
}

TEST(DiffGateTest, ParsesBareAndScopedRulesAndRefusesOthers) {
  core::Result<GateRule> bare = parse_gate_rule("B");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->scope, GateScope::kAll);
  EXPECT_EQ(bare->threshold, Risk::kB);
  core::Result<GateRule> asset = parse_gate_rule("asset:A");
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->scope, GateScope::kAsset);
  EXPECT_EQ(asset->threshold, Risk::kA);
  core::Result<GateRule> sc = parse_gate_rule("scenario:D");
  ASSERT_TRUE(sc);
  EXPECT_EQ(sc->scope, GateScope::kScenario);
  EXPECT_EQ(gate_rule_text(*sc), "scenario:D");
  for (const char* bad : {"E", "asset:E", "", "asset:", "zone:B", "b", "AB", "scenario:BB"})
    EXPECT_FALSE(parse_gate_rule(bad)) << bad;
  EXPECT_NE(parse_gate_rule("zone:B").error().message.find("asset:B or scenario:B"),
            std::string::npos);
}

TEST(DiffGateTest, BareRuleTripsOnRowsAndScenariosAtTheThresholdOrWorse) {
  const Snapshot s = current();
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"B"}))),
            (std::vector<std::string>{"a1", "a2", "sc-1", "sc-2"}));
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"A"}))), (std::vector<std::string>{"a1", "sc-2"}));
  // The scenario without a route never trips, even at D.
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"D"}))),
            (std::vector<std::string>{"a1", "a2", "a3", "sc-1", "sc-2"}));
}

TEST(DiffGateTest, ScopedRulesLookAtTheirSheetOnly) {
  const Snapshot s = current();
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"asset:B"}))), (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"scenario:B"}))),
            (std::vector<std::string>{"sc-1", "sc-2"}));
  // Both scopes together: asset rows at A, scenarios at B.
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"asset:A", "scenario:B"}))),
            (std::vector<std::string>{"a1", "sc-1", "sc-2"}));
  EXPECT_TRUE(evaluate_gate(s, rules({"asset:A"})).size() == 1);
  EXPECT_TRUE(evaluate_gate(s, {}).empty());
}

TEST(DiffGateTest, BaselineKeepsOnlyNewAndWorseRows) {
  const Snapshot s = current();
  Snapshot base;
  // a1 was A already (kept out), a2 was C (worse now), a3 absent (new but C: below B);
  // sc-1 absent (new), sc-2 had no route (worse), sc-3 irrelevant.
  base.asset_rows = {row("a1", "t", Risk::kA, 1), row("a2", "t", Risk::kC, 2)};
  base.scenarios = {scenario("sc-2", std::nullopt)};
  std::vector<GateHit> hits = evaluate_gate(s, rules({"B"}), &base);
  ASSERT_EQ(ids(s, hits), (std::vector<std::string>{"a2", "sc-1", "sc-2"}));
  EXPECT_TRUE(hits[0].in_baseline);
  EXPECT_EQ(hits[0].was, Risk::kC);
  EXPECT_FALSE(hits[1].in_baseline);
  EXPECT_TRUE(hits[2].in_baseline);
  EXPECT_FALSE(hits[2].was.has_value());
  // A row that got better, or stayed, never trips; identity includes kind and threat.
  base.asset_rows = {row("a1", "t", Risk::kA, 1), row("a2", "t", Risk::kA, 2)};
  base.scenarios = {scenario("sc-1", Risk::kB), scenario("sc-2", Risk::kA)};
  EXPECT_TRUE(evaluate_gate(s, rules({"B"}), &base).empty());
  base.asset_rows[0].threat = "other";
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"B"}), &base)), (std::vector<std::string>{"a1"}));
  base.asset_rows[0].threat = "t";
  base.asset_rows[0].kind = "network";
  EXPECT_EQ(ids(s, evaluate_gate(s, rules({"B"}), &base)), (std::vector<std::string>{"a1"}));
}

TEST(DiffGateTest, MessageListsTheFirstTwentyRowsThenTheCount) {
  Snapshot s;
  for (std::size_t i = 1; i <= 27; ++i)
    s.asset_rows.push_back(row("a" + std::to_string(i), "t", Risk::kA, i));
  const std::vector<GateRule> r = rules({"asset:A", "scenario:C"});
  const std::vector<GateHit> hits = evaluate_gate(s, r);
  ASSERT_EQ(hits.size(), 27u);
  const std::string m = gate_message(s, r, hits, false);
  EXPECT_EQ(m.substr(0, m.find('\n')),
            "--fail-on asset:A scenario:C: 27 risks at the threshold or worse:");
  EXPECT_NE(m.find("\n  A asset-based No.1 asset a1 (name of a1) / t\n"), std::string::npos) << m;
  EXPECT_NE(m.find("\n  A asset-based No.20 asset a20 "), std::string::npos) << m;
  EXPECT_EQ(m.find("a21"), std::string::npos) << m;
  EXPECT_TRUE(m.ends_with("\n  and 7 more\n")) << m;
  std::size_t lines = 0;
  for (char c : m)
    lines += c == '\n';
  EXPECT_EQ(lines, 22u);  // the heading, 20 rows, "and 7 more"
  // Exactly 20: no "and 0 more".
  std::vector<GateHit> twenty(hits.begin(), hits.begin() + 20);
  EXPECT_EQ(gate_message(s, r, twenty, false).find("more"), std::string::npos);
  EXPECT_EQ(gate_message(s, r, {}, false), "");
}

TEST(DiffGateTest, MessageWithBaselineSaysNewOrWhatTheRowWas) {
  const Snapshot s = current();
  Snapshot base;
  base.asset_rows = {row("a2", "t", Risk::kC, 2)};
  base.scenarios = {scenario("sc-2", std::nullopt)};
  const std::vector<GateRule> r = rules({"B"});
  const std::string m = gate_message(s, r, evaluate_gate(s, r, &base), true);
  EXPECT_NE(m.find("4 risks at the threshold or worse, new or worse than in the baseline:"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("  A asset-based No.1 asset a1 (name of a1) / t (new)\n"), std::string::npos);
  EXPECT_NE(m.find("  B asset-based No.2 asset a2 (name of a2) / t (was C)\n"), std::string::npos);
  EXPECT_NE(m.find("  B scenario sc-1 scenario sc-1 (new)\n"), std::string::npos);
  EXPECT_NE(m.find("  A scenario sc-2 scenario sc-2 (was unreachable)\n"), std::string::npos);
}

}  // namespace
}  // namespace icsrisk::diff
