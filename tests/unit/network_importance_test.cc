// The importance of a network (method.md §6): its own `importance` attribute when given, else
// the highest importance of its connected assets with network devices excluded, else 1.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "risk/asset_analysis.h"
#include "unit/analysis_test_support.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

using ::testing::HasSubstr;

/// n-office: a server (1) and a firewall (3); n-ctl: a PLC (3) and the firewall; n-sw: only a
/// switch (3); n-own: `importance` given as `own`, with the PLC-group (3) on it.
std::string model_xml(const std::string& own) {
  return R"(<system id="m" name="M" xmlns="urn:icsrisk:model:1">
  <networks>
    <network id="n-office" name="Office"/>
    <network id="n-ctl" name="Control"/>
    <network id="n-sw" name="Switched"/>
    <network id="n-own" name="Own" )" +
         own + R"(/>
  </networks>
  <assets>
    <asset id="pc" name="PC" type="server" importance="1"><connect network="n-office"/></asset>
    <asset id="fw" name="FW" type="switch" importance="3"><connect network="n-office"/><connect network="n-ctl"/></asset>
    <asset id="plc" name="PLC" type="plc" importance="3"><connect network="n-ctl"/></asset>
    <asset id="sw" name="SW" type="switch" importance="3"><connect network="n-sw"/></asset>
    <asset id="plcs" name="PLCs" type="plc" importance="3" count="4"><connect network="n-own"/></asset>
  </assets>
</system>
)";
}

TEST(NetworkImportanceTest, NetworkDevicesDoNotRaiseTheImportanceOfTheirNetworks) {
  auto l = testing::load(model_xml(""), testing::test_profile());
  // The office LAN keeps the PC's importance although the importance-3 device is on it; a
  // network with only a device on it is 1.
  EXPECT_EQ(risk::network_importance(*l->model, *l->profile), (std::vector<int>{1, 3, 1, 3}));
}

TEST(NetworkImportanceTest, TheImportanceAttributeWinsInBothDirections) {
  for (int own : {1, 2, 3}) {
    auto l = testing::load(model_xml("importance=\"" + std::to_string(own) + "\""),
                           testing::test_profile());
    EXPECT_EQ(risk::network_importance(*l->model, *l->profile)[3], own);
    EXPECT_EQ(l->model->networks[3].importance, own);
  }
  auto none = testing::load(model_xml(""), testing::test_profile());
  EXPECT_EQ(none->model->networks[3].importance, 0);  // absent: the default rule
}

TEST(NetworkImportanceTest, NetworkRowsOfTheAnalysisUseIt) {
  auto l = testing::load(model_xml("importance=\"1\""), testing::test_profile());
  risk::Results r = l->analyze();
  std::vector<int> got;
  for (const risk::AssetRiskRow& row : r.asset_risks)
    if (row.kind == risk::AssetRiskRow::Kind::kNetwork &&
        l->profile->threats[row.threat].id == "t-net")
      got.push_back(row.importance);
  EXPECT_EQ(got, (std::vector<int>{1, 3, 1, 1}));
}

TEST(NetworkImportanceTest, AnImportanceOutOfRangeIsAnErrorAtTheAttribute) {
  testing::ModelOutcome o = testing::check_model(
      "<system id=\"t\">\n"
      "  <networks><network id=\"n1\" importance=\"4\"/><network id=\"n2\" importance=\"x\"/>"
      "</networks>\n"
      "</system>\n");
  EXPECT_EQ(o.errors, 2u);
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:30: error: attribute 'importance' must be an integer "
                                "from 1 to 3, not '4'\n"));
  EXPECT_THAT(
      o.text,
      HasSubstr(
          "m.xml:2:63: error: attribute 'importance' must be an integer from 1 to 3, not 'x'\n"));
}

}  // namespace
}  // namespace icsrisk
