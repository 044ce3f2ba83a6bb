// The asset-based analysis (method.md §4–§6), each rule on a hand-built model.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "risk/asset_analysis.h"
#include "unit/analysis_test_support.h"

namespace icsrisk {
namespace {

using risk::AssetRiskRow;
using testing::load;
using testing::test_profile;

struct Parts {
  std::string zone_a, net_1, a_attrs, a_body, section, extra_assets;
};

/// Zone z-a holds n-1; z-b holds n-2 (wireless); n-3 has no zone and no assets.
/// Asset a (server, importance 2) is on n-1; asset other (server, importance 3, zone z-b) on n-2.
std::string model_xml(const Parts& p) {
  return R"(<system id="m" name="M" xmlns="urn:icsrisk:model:1">
  <zones><zone id="z-a" name="ZA">)" +
         p.zone_a + R"(</zone><zone id="z-b" name="ZB"/></zones>
  <networks>
    <network id="n-1" name="N1" zone="z-a" medium="wired">)" +
         p.net_1 + R"(</network>
    <network id="n-2" name="N2" zone="z-b" medium="wireless"/>
    <network id="n-3" name="N3" medium="wired"/>
  </networks>
  <assets>
    <asset id="a" name="A" type="server" importance="2" )" +
         p.a_attrs + R"(><connect network="n-1"/>)" + p.a_body + R"(</asset>
    <asset id="other" name="Other" type="server" importance="3" zone="z-b"><connect network="n-2"/></asset>
)" + p.extra_assets +
         R"(  </assets>
  <countermeasures>)" +
         p.section + R"(</countermeasures>
</system>
)";
}

const AssetRiskRow& row_of(const testing::LoadedModel& l, const risk::Results& r,
                           AssetRiskRow::Kind kind, const std::string& target,
                           const std::string& threat) {
  for (const AssetRiskRow& row : r.asset_risks) {
    if (row.kind != kind) continue;  // row.target indexes assets or networks, by row.kind
    std::string_view id = kind == AssetRiskRow::Kind::kAsset ? l.model->assets[row.target].id
                                                             : l.model->networks[row.target].id;
    if (id == target && l.profile->threats[row.threat].id == threat) return row;
  }
  ADD_FAILURE() << "no row " << target << " / " << threat;
  static AssetRiskRow none;
  return none;
}

std::vector<std::string> ids(const testing::LoadedModel& l, const std::vector<std::size_t>& ms) {
  std::vector<std::string> out;
  for (std::size_t m : ms)
    out.push_back(l.profile->countermeasures[m].id);
  return out;
}

constexpr auto kAsset = AssetRiskRow::Kind::kAsset;
constexpr auto kNetwork = AssetRiskRow::Kind::kNetwork;
const std::vector<std::string> kPBoth = {"p-both"};
const std::vector<std::string> kNothing = {};

struct ScopeCase {
  const char* name;
  Parts parts;
  bool a, other, net_1, net_2;  // whether p-both counts for each target
};

TEST(AssetAnalysisTest, EachCountermeasureScopeReachesExactlyItsTargets) {
  const std::string m = R"(<countermeasure ref="p-both"/>)";
  const std::vector<ScopeCase> cases = {
      {"on the asset", {.a_body = m}, true, false, false, false},
      {"on its network", {.net_1 = m}, true, false, true, false},
      {"on the zone of its network", {.zone_a = m}, true, false, true, false},
      {"on a zone it is not in explicitly",
       {.zone_a = m, .a_attrs = R"(zone="z-b")"},
       false,
       false,
       true,
       false},
      {"section zone= of its explicit zone",
       {.a_attrs = R"(zone="z-b")", .section = R"(<countermeasure ref="p-both" zone="z-b"/>)"},
       true,
       true,
       false,
       true},
      {"section zone=",
       {.section = R"(<countermeasure ref="p-both" zone="z-a"/>)"},
       true,
       false,
       true,
       false},
      {"section network=",
       {.section = R"(<countermeasure ref="p-both" network="n-1"/>)"},
       true,
       false,
       true,
       false},
      {"the system", {.section = m}, true, true, true, true},
  };
  for (const ScopeCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto l = load(model_xml(c.parts), test_profile());
    risk::Results r = l->analyze();
    EXPECT_EQ(ids(*l, row_of(*l, r, kAsset, "a", "t-intr").countermeasures),
              c.a ? kPBoth : kNothing);
    EXPECT_EQ(ids(*l, row_of(*l, r, kAsset, "other", "t-intr").countermeasures),
              c.other ? kPBoth : kNothing);
    EXPECT_EQ(ids(*l, row_of(*l, r, kNetwork, "n-1", "t-net").countermeasures),
              c.net_1 ? kPBoth : kNothing);
    EXPECT_EQ(ids(*l, row_of(*l, r, kNetwork, "n-2", "t-net").countermeasures),
              c.net_2 ? kPBoth : kNothing);
    EXPECT_EQ(row_of(*l, r, kAsset, "a", "t-intr").countermeasure_level, c.a ? 2 : 1);
  }
}

TEST(AssetAnalysisTest, CountsOnlyMeasuresThatCounterTheThreatInItsStage) {
  // m-obj acts only in the objective stage: it does not count against the intrusion threat.
  // p-other does not counter t-intr at all.
  auto l =
      load(model_xml({.a_body = R"(<countermeasure ref="m-obj"/><countermeasure ref="p-other"/>)"}),
           test_profile());
  risk::Results r = l->analyze();
  const AssetRiskRow& intr = row_of(*l, r, kAsset, "a", "t-intr");
  EXPECT_EQ(ids(*l, intr.countermeasures), kNothing);
  EXPECT_EQ(intr.countermeasure_level, 1);
  EXPECT_EQ(intr.vulnerability_level, 3);
  const AssetRiskRow& obj = row_of(*l, r, kAsset, "a", "t-obj");
  EXPECT_EQ(ids(*l, obj.countermeasures), (std::vector<std::string>{"m-obj", "p-other"}));
  EXPECT_EQ(obj.countermeasure_level, 3);  // protect + mitigate
}

TEST(AssetAnalysisTest, FunctionSetsGiveTheLevels) {
  struct Case {
    const char* body;
    int level;
  };
  for (const Case& c : std::vector<Case>{
           {"", 1},
           {R"(<countermeasure ref="p-both"/>)", 2},
           {R"(<countermeasure ref="d-both"/>)", 2},
           {R"(<countermeasure ref="d-both"/><countermeasure ref="m-both"/>)", 2},
           {R"(<countermeasure ref="p-both"/><countermeasure ref="d-both"/>)", 3},
           {R"(<countermeasure ref="p-both"/><countermeasure ref="m-both"/>)", 3},
       }) {
    SCOPED_TRACE(c.body);
    auto l = load(model_xml({.a_body = c.body}), test_profile());
    risk::Results r = l->analyze();
    const AssetRiskRow& row = row_of(*l, r, kAsset, "a", "t-intr");
    EXPECT_EQ(row.countermeasure_level, c.level);
    EXPECT_EQ(row.vulnerability_level, 4 - c.level);
  }
}

TEST(AssetAnalysisTest, PerAssetThreatOverrideChangesOnlyThatAssetAndThreat) {
  auto l = load(model_xml({.a_body = R"(<threat ref="t-intr" level="3"/>)"}), test_profile());
  risk::Results r = l->analyze();
  EXPECT_EQ(row_of(*l, r, kAsset, "a", "t-intr").threat_level, 3);
  EXPECT_EQ(row_of(*l, r, kAsset, "a", "t-obj").threat_level, 2);
  EXPECT_EQ(row_of(*l, r, kAsset, "other", "t-intr").threat_level, 2);
  // importance 2, threat 3, vulnerability 3: S = 8 → A.
  EXPECT_EQ(row_of(*l, r, kAsset, "a", "t-intr").risk, model::Risk::kA);
}

TEST(AssetAnalysisTest, PlannedMeasuresCountOnlyInTheAfterColumns) {
  auto l = load(
      model_xml(
          {.a_body =
               R"(<countermeasure ref="p-both"/><countermeasure ref="d-both" status="planned"/>)"}),
      test_profile());
  risk::Results r = l->analyze();
  const AssetRiskRow& row = row_of(*l, r, kAsset, "a", "t-intr");
  EXPECT_EQ(ids(*l, row.countermeasures), kPBoth);
  EXPECT_EQ(ids(*l, row.planned), std::vector<std::string>{"d-both"});
  EXPECT_EQ(row.countermeasure_level, 2);
  EXPECT_EQ(row.vulnerability_level, 2);
  EXPECT_EQ(row.risk, model::Risk::kC);  // 2 + 2 + 2 = 6
  EXPECT_EQ(row.countermeasure_level_planned, 3);
  EXPECT_EQ(row.vulnerability_level_planned, 1);
  EXPECT_EQ(row.risk_planned, model::Risk::kD);  // 2 + 2 + 1 = 5
}

TEST(AssetAnalysisTest, ImplementedWinsWhenAMeasureIsAlsoPlannedElsewhere) {
  auto l = load(model_xml({.net_1 = R"(<countermeasure ref="p-both" status="planned"/>)",
                           .a_body = R"(<countermeasure ref="p-both"/>)"}),
                test_profile());
  risk::Results r = l->analyze();
  const AssetRiskRow& row = row_of(*l, r, kAsset, "a", "t-intr");
  EXPECT_EQ(ids(*l, row.countermeasures), kPBoth);
  EXPECT_TRUE(row.planned.empty());
}

TEST(AssetAnalysisTest, NetworkRowsUseConnectedImportanceAndMediumThreats) {
  auto l = load(model_xml({.a_body = R"(<countermeasure ref="d-both"/>)"}), test_profile());
  risk::Results r = l->analyze();
  EXPECT_EQ(row_of(*l, r, kNetwork, "n-1", "t-net").importance, 2);  // a
  EXPECT_EQ(row_of(*l, r, kNetwork, "n-2", "t-net").importance, 3);  // other
  EXPECT_EQ(row_of(*l, r, kNetwork, "n-3", "t-net").importance, 1);  // no assets
  // A measure on an asset does not protect the network it is on.
  EXPECT_TRUE(row_of(*l, r, kNetwork, "n-1", "t-net").countermeasures.empty());
  // The radio threat only on the wireless network; default threat level from the profile.
  EXPECT_EQ(row_of(*l, r, kNetwork, "n-2", "t-wifi").threat_level, 1);
  for (const AssetRiskRow& row : r.asset_risks) {
    if (l->profile->threats[row.threat].id == "t-wifi") {
      EXPECT_EQ(l->model->networks[row.target].id, "n-2");
    }
  }
}

TEST(AssetAnalysisTest, RowsFollowModelThenCatalogueOrderAndGroupsAreOneRow) {
  Parts p;
  p.extra_assets =
      R"(    <asset id="s" name="S" type="sensor" importance="1" count="8"><connect network="n-1"/></asset>
    <asset id="plc" name="P" type="plc" importance="3" count="4"><connect network="n-3"/></asset>
)";
  auto l = load(model_xml(p), test_profile());
  risk::Results r = l->analyze();
  std::vector<std::string> got;
  for (const AssetRiskRow& row : r.asset_risks) {
    std::string_view id =
        row.kind == kAsset ? l->model->assets[row.target].id : l->model->networks[row.target].id;
    got.push_back(std::string(id) + "/" + l->profile->threats[row.threat].id);
  }
  // The sensor type has no applicable threat in the test profile; the PLC group gives one row
  // per threat, not four; n-3 now has the PLC group (importance 3).
  EXPECT_EQ(got, (std::vector<std::string>{"a/t-intr", "a/t-obj", "other/t-intr", "other/t-obj",
                                           "plc/t-intr", "n-1/t-net", "n-2/t-net", "n-2/t-wifi",
                                           "n-3/t-net"}));
  EXPECT_EQ(row_of(*l, r, kNetwork, "n-3", "t-net").importance, 3);
  EXPECT_EQ(risk::network_importance(*l->model, *l->profile), (std::vector<int>{2, 3, 3}));
}

TEST(AssetAnalysisTest, EveryRiskMatrixCellIsReadWithImportanceFirst) {
  // 27 assets, one per (importance, threat level, vulnerability); for each cell a profile whose
  // matrix is E everywhere but that cell: exactly the matching asset's t-intr row is A.
  const char* bodies[4] = {"", R"(<countermeasure ref="p-both"/><countermeasure ref="d-both"/>)",
                           R"(<countermeasure ref="d-both"/>)", ""};  // vulnerability 1, 2, 3
  Parts p;
  for (int f = 1; f <= 3; ++f)
    for (int t = 1; t <= 3; ++t)
      for (int v = 1; v <= 3; ++v)
        p.extra_assets += "<asset id=\"x" + std::to_string(f) + std::to_string(t) +
                          std::to_string(v) + "\" name=\"X\" type=\"plc\" importance=\"" +
                          std::to_string(f) +
                          "\"><connect network=\"n-3\"/><threat ref=\"t-intr\" level=\"" +
                          std::to_string(t) + "\"/>" + bodies[v] + "</asset>\n";
  for (int f = 1; f <= 3; ++f)
    for (int t = 1; t <= 3; ++t)
      for (int v = 1; v <= 3; ++v) {
        auto l = load(model_xml(p), test_profile(testing::default_matrix_cells(f, t, v)));
        risk::Results r = l->analyze();
        for (int f2 = 1; f2 <= 3; ++f2)
          for (int t2 = 1; t2 <= 3; ++t2)
            for (int v2 = 1; v2 <= 3; ++v2) {
              std::string id = "x" + std::to_string(f2) + std::to_string(t2) + std::to_string(v2);
              const AssetRiskRow& row = row_of(*l, r, kAsset, id, "t-intr");
              ASSERT_EQ(row.vulnerability_level, v2) << id;
              EXPECT_EQ(row.risk, f == f2 && t == t2 && v == v2 ? model::Risk::kA : model::Risk::kE)
                  << "cell " << f << t << v << " asset " << id;
            }
      }
}

TEST(AssetAnalysisTest, SummaryCountsEveryRowOnce) {
  auto l = load(model_xml({.a_body = R"(<countermeasure ref="p-both" status="planned"/>)"}),
                test_profile());
  risk::Results r = l->analyze();
  std::size_t total = 0, total_planned = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    total += r.summary.asset_counts[i];
    total_planned += r.summary.asset_counts_planned[i];
  }
  EXPECT_EQ(total, r.asset_risks.size());
  EXPECT_EQ(total_planned, r.asset_risks.size());
  std::size_t c = 0;
  for (const AssetRiskRow& row : r.asset_risks)
    c += row.risk == model::Risk::kC;
  EXPECT_EQ(r.summary.asset_counts[2], c);
}

}  // namespace
}  // namespace icsrisk
