// Linking a model against a profile: duplicates, references, topology and coverage rules.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk::model {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using Outcome = testing::ModelOutcome;
using testing::check_model;

// A valid plant: lines 1-16. Tests replace parts of it.
const char* const kPlant = R"(<system id="t">
  <zones><zone id="z1"/></zones>
  <networks>
    <network id="n1" zone="z1"/>
    <network id="n2" zone="z1"/>
  </networks>
  <assets>
    <asset id="a1" type="server" importance="2"><connect network="n1"/></asset>
    <asset id="a2" type="plc" importance="3"><connect network="n1"/></asset>
    <asset id="fw" type="firewall" importance="3"><connect network="n1"/><connect network="n2"/></asset>
  </assets>
  <dataflows><flow id="f1" from="a1" to="a2"/></dataflows>
  <entry-points><entry id="e1" asset="a1" vector="mail" threat-level="3"/></entry-points>
  <countermeasures><countermeasure ref="log-collection"/></countermeasures>
  <business-impacts><impact id="i1" level="3"><scenario id="s1" target="a2" attack="function-stop"/></impact></business-impacts>
</system>
)";

std::string plant_with(const std::string& from, const std::string& to) {
  std::string s = kPlant;
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(ValidateTest, ThePlantFixtureIsValid) {
  Outcome o = check_model(kPlant);
  EXPECT_EQ(o.text, "");
}

TEST(ValidateTest, DuplicateIdsOfEveryKindPointAtBothDefinitions) {
  Outcome o = check_model(R"(<system id="t">
  <zones><zone id="z"/><zone id="z"/></zones>
  <networks><network id="n"/><network id="n"/></networks>
  <assets>
    <asset id="a" type="server" importance="1"><connect network="n"/></asset>
    <asset id="a" type="server" importance="1"><connect network="n"/></asset>
  </assets>
  <dataflows><flow id="f" from="a" to="a"/><flow id="f" from="a" to="a"/></dataflows>
  <entry-points>
    <entry id="e" asset="a" vector="web" threat-level="1"/>
    <entry id="e" asset="a" vector="web" threat-level="1"/>
  </entry-points>
  <countermeasures><countermeasure ref="log-collection"/></countermeasures>
  <business-impacts>
    <impact id="i" level="1"><scenario id="s" target="a" attack="theft"/></impact>
    <impact id="i" level="1"><scenario id="s" target="a" attack="theft"/></impact>
  </business-impacts>
</system>
)");
  const char* expected[] = {
      "m.xml:2:30: error: duplicate zone id 'z'\n"
      "    <zones><zone id=\"z\"/><zone id=\"z\"/></zones>\n"
      "                               ^\n"
      "m.xml:2:16: note: first defined here\n"
      "    <zones><zone id=\"z\"/><zone id=\"z\"/></zones>\n"
      "                 ^\n",
      "m.xml:3:39: error: duplicate network id 'n'\n",
      "m.xml:3:22: note: first defined here\n",
      "m.xml:6:12: error: duplicate asset id 'a'\n",
      "m.xml:5:12: note: first defined here\n",
      "m.xml:8:50: error: duplicate flow id 'f'\n",
      "m.xml:8:20: note: first defined here\n",
      "m.xml:11:12: error: duplicate entry id 'e'\n",
      "m.xml:10:12: note: first defined here\n",
      "m.xml:16:13: error: duplicate business impact id 'i'\n",
      "m.xml:15:13: note: first defined here\n",
      "m.xml:16:40: error: duplicate scenario id 's'\n",
      "m.xml:15:40: note: first defined here\n",
  };
  for (const char* e : expected)
    EXPECT_THAT(o.text, HasSubstr(e));
}

TEST(ValidateTest, UnknownReferencesToModelElementsSuggestTheClosestId) {
  Outcome o = check_model(plant_with(R"(<connect network="n1"/></asset>
    <asset id="a2")",
                                     R"(<connect network="n3"/></asset>
    <asset id="a2" zone="z2")"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:8:58: error: unknown network 'n3'; did you mean 'n1'?\n"
                                "      <asset id=\"a1\" type=\"server\" importance=\"2\"><connect "
                                "network=\"n3\"/></asset>\n"
                                "                                                           ^\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:9:20: error: unknown zone 'z2'; did you mean 'z1'?\n"));
}

TEST(ValidateTest, UnknownNetworkZone) {
  Outcome o = check_model(
      plant_with(R"(<network id="n2" zone="z1"/>)", R"(<network id="n2" zone="office"/>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:22: error: unknown zone 'office'\n"));
}

TEST(ValidateTest, UnknownFlowEndpoints) {
  Outcome o = check_model(plant_with(R"(from="a1" to="a2")", R"(from="a3" to="plc")"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:12:28: error: unknown asset 'a3'; did you mean 'a1'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:12:38: error: unknown asset 'plc'\n"));
}

TEST(ValidateTest, UnknownCountermeasureThreatAndAssetType) {
  Outcome o = check_model(
      plant_with(R"(<asset id="a2" type="plc" importance="3"><connect network="n1"/></asset>)",
                 R"(<asset id="a2" type="plcc" importance="3"><connect network="n1"/>
      <countermeasure ref="anti-virus-x"/><threat ref="theft!" level="2"/></asset>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:9:20: error: unknown asset type 'plcc'; did you mean "
                                "'plc'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:10:23: error: unknown countermeasure 'anti-virus-x'; did "
                                "you mean 'anti-virus'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:10:51: error: unknown threat 'theft!'; did you mean "
                                "'theft'?\n"));
}

TEST(ValidateTest, UnknownZoneOrNetworkOfAScopedCountermeasure) {
  Outcome o =
      check_model(plant_with(R"(<countermeasure ref="log-collection"/>)",
                             R"(<countermeasure ref="log-collection" zone="z9" network="n9"/>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:14:20: error: a <countermeasure> in <countermeasures> "
                                "covers a zone or a network, not both\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:14:57: error: unknown zone 'z9'; did you mean 'z1'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:14:67: error: unknown network 'n9'; did you mean 'n1'?\n"));
}

TEST(ValidateTest, UnknownScenarioTargetAttackAndBases) {
  Outcome o = check_model(plant_with(R"(target="a2" attack="function-stop")",
                                     R"(target="a9" attack="function-stp" bases="a1 zz")"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:15:65: error: unknown asset 'a9'; did you mean 'a1'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:15:77: error: unknown threat 'function-stp'; did you mean "
                                "'function-stop'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:15:109: error: unknown asset 'zz'\n"));
}

TEST(ValidateTest, UnknownEntryAssetNetworkAndVector) {
  Outcome o = check_model(plant_with(
      R"(<entry id="e1" asset="a1" vector="mail" threat-level="3"/>)",
      R"(<entry id="e1" asset="pc" vector="usb" threat-level="3"/><entry id="e2" network="n7" vector="mial" threat-level="1"/>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:13:32: error: unknown asset 'pc'\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:13:43: error: unknown entry vector 'usb' (the profile's "
                                "vectors: mail, web, media, network, remote, physical)\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:13:89: error: unknown network 'n7'; did you mean 'n1'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:13:102: error: unknown entry vector 'mial' (the profile's "
                                "vectors: mail, web, media, network, remote, physical); did you "
                                "mean 'mail'?\n"));
}

TEST(ValidateTest, FlowThroughANetworkDeviceIsConnected) {
  // a2 moves to n2; the firewall joins n1 and n2, so the flow a1 -> a2 has a path.
  Outcome o = check_model(plant_with(R"(importance="3"><connect network="n1"/></asset>
    <asset id="fw")",
                                     R"(importance="3"><connect network="n2"/></asset>
    <asset id="fw")"));
  EXPECT_EQ(o.text, "");
}

TEST(ValidateTest, FlowBetweenUnconnectedNetworksIsAWarning) {
  std::string isolated = plant_with(R"(importance="3"><connect network="n1"/></asset>
    <asset id="fw")",
                                    R"(importance="3"><connect network="n2"/></asset>
    <asset id="fw")");
  Outcome o = check_model(
      isolated.replace(isolated.find(R"(<connect network="n1"/><connect network="n2"/>)"), 46,
                       R"(<connect network="n1"/>)"));
  EXPECT_EQ(o.errors, 0u);
  EXPECT_EQ(o.warnings, 1u);
  EXPECT_THAT(o.text,
              HasSubstr("m.xml:12:14: warning: flow 'f1' joins assets 'a1' and 'a2' that "
                        "no network path connects; it gives an attacker no channel\n"
                        "    <dataflows><flow id=\"f1\" from=\"a1\" to=\"a2\"/></dataflows>\n"
                        "               ^\n"));
}

TEST(ValidateTest, ScenarioBaseWithoutAFlowToTheTargetIsAnError) {
  Outcome o = check_model(
      plant_with(R"(attack="function-stop")", R"(attack="function-stop" bases="fw a1")"));
  EXPECT_EQ(o.errors, 1u);
  EXPECT_THAT(o.text, HasSubstr("m.xml:15:107: error: attack base 'fw' has no data flow to the "
                                "target 'a2': a base sends to its target (method.md §7)\n"));
}

TEST(ValidateTest, ScenarioWhoseTargetReceivesNoFlowHasNoBase) {
  Outcome o = check_model(plant_with(R"(target="a2")", R"(target="fw")"));
  EXPECT_EQ(o.errors, 0u);
  EXPECT_THAT(o.text, HasSubstr("m.xml:15:65: warning: scenario 's1' has no attack base: no data "
                                "flow goes to its target 'fw' and it names no bases\n"));
}

TEST(ValidateTest, AssetWithNoCountermeasureAnywhereIsAWarning) {
  Outcome o = check_model(plant_with(
      R"(<countermeasures><countermeasure ref="log-collection"/></countermeasures>)",
      R"(<countermeasures><countermeasure ref="backup" network="n2"/></countermeasures>)"));
  EXPECT_EQ(o.errors, 0u);
  // a1 and a2 are only on n1; fw is on n2, which the network-wide measure covers.
  EXPECT_EQ(o.warnings, 2u);
  EXPECT_THAT(o.text, HasSubstr("m.xml:8:5: warning: no countermeasure covers asset 'a1' (none on "
                                "it, its networks, its zone or the system)\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:9:5: warning: no countermeasure covers asset 'a2'"));
}

TEST(ValidateTest, ZoneWideCountermeasureCoversAssetsOfTheZone) {
  Outcome o = check_model(plant_with(R"(<countermeasure ref="log-collection"/>)",
                                     R"(<countermeasure ref="log-collection" zone="z1"/>)"));
  EXPECT_EQ(o.text, "");
}

TEST(ValidateTest, OneWayGatewayNeedsBothRoles) {
  Outcome o = check_model(plant_with(
      R"(<asset id="fw" type="firewall" importance="3"><connect network="n1"/><connect network="n2"/></asset>)",
      R"(<asset id="fw" type="one-way-gateway" importance="3"><connect network="n1" role="upstream"/><connect network="n2"/></asset>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:10:5: error: one-way gateway 'fw' needs a <connect "
                                "role=\"upstream\"/> and a <connect role=\"downstream\"/>\n"));
}

TEST(ValidateTest, RoleOnAnythingButAOneWayGatewayIsAnError) {
  Outcome o = check_model(
      plant_with(R"(<connect network="n2"/>)", R"(<connect network="n2" role="downstream"/>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:10:96: error: 'role' applies only to one-way gateways; "
                                "asset 'fw' is a 'firewall'\n"));
}

TEST(ValidateTest, BadRoleValueSuggestsTheClosest) {
  Outcome o = check_model(
      plant_with(R"(<connect network="n2"/>)", R"(<connect network="n2" role="upstrem"/>)"));
  EXPECT_THAT(o.text,
              HasSubstr("m.xml:10:96: error: attribute 'role' must be one of 'none', "
                        "'upstream', 'downstream', not 'upstrem'; did you mean 'upstream'?\n"));
}

TEST(ValidateTest, ThreatOverriddenTwiceOnOneAsset) {
  Outcome o = check_model(plant_with(
      R"(<connect network="n1"/></asset>
    <asset id="a2")",
      R"(<connect network="n1"/><threat ref="theft" level="1"/><threat ref="theft" level="2"/></asset>
    <asset id="a2")"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:8:111: error: asset 'a1' overrides threat 'theft' twice\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:8:80: note: first defined here\n"));
}

TEST(ValidateTest, EveryProblemIsReportedInOneRunSortedByPosition) {
  Outcome o = check_model(R"(<system id="t">
  <business-impacts><impact id="i" level="9"><scenario id="s" target="x" attack="y"/></impact></business-impacts>
  <assets><asset id="a" type="t" importance="0"><connect network="n"/></asset></assets>
  <zones><zone id="z" purdue-level="-1"/><zone id="z"/></zones>
</system>
)");
  const char* in_order[] = {
      "m.xml:2:36: error: attribute 'level' must be an integer from 1 to 3, not '9'",
      "m.xml:2:63: error: unknown asset 'x'",
      "m.xml:2:74: error: unknown threat 'y'",
      "m.xml:3:25: error: unknown asset type 't'",
      "m.xml:3:34: error: attribute 'importance' must be an integer from 1 to 3, not '0'",
      "m.xml:3:58: error: unknown network 'n'",
      "m.xml:4:23: error: attribute 'purdue-level' must be a number from 0 to 5, not '-1'",
      "m.xml:4:48: error: duplicate zone id 'z'",
      "m.xml:4:16: note: first defined here",
  };
  std::size_t at = 0;
  for (const char* line : in_order) {
    std::size_t found = o.text.find(line, at);
    ASSERT_NE(found, std::string::npos) << "missing or out of order: " << line << "\n" << o.text;
    at = found;
  }
  EXPECT_EQ(o.errors, 8u);
}

TEST(ValidateTest, WarningsAloneAreNotErrors) {
  Outcome o = check_model(plant_with(R"(<system id="t">)", R"(<system id="t" colour="red">)"));
  EXPECT_EQ(o.errors, 0u);
  EXPECT_EQ(o.warnings, 1u);
}

TEST(ValidateTest, BrokenModelDiagnosticsMatchTheGoldenFile) {
  std::string path = "tests/data/validation/broken-model.xml";
  Outcome o = check_model(testing::read_text(testing::source_path(path)), path);
  testing::expect_golden("diagnostics/broken-model.txt", o.text);
  EXPECT_GE(o.errors, 25u);
}

}  // namespace
}  // namespace icsrisk::model
