// Validation of scenarios and entry points against the method (issue 10, item 4): a final
// attack that does not apply to the target's type, an unknown entry vector, and the bases of a
// scenario with access="segment". Built-in profile.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "unit/model_check.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

/// n1 and n2 joined by a switch (one segment), n3 behind a firewall. The scenario line is 14.
std::string plant(const std::string& entry, const std::string& scenario) {
  return "<system id=\"t\">\n"
         "  <networks><network id=\"n1\"/><network id=\"n2\"/><network id=\"n3\"/></networks>\n"
         "  <assets>\n"
         "    <asset id=\"pc\" type=\"server\" importance=\"1\"><connect network=\"n2\"/></asset>\n"
         "    <asset id=\"plc\" type=\"plc\" importance=\"3\"><connect network=\"n1\"/></asset>\n"
         "    <asset id=\"sw\" type=\"l2-switch\" importance=\"2\"><connect network=\"n1\"/>"
         "<connect network=\"n2\"/></asset>\n"
         "    <asset id=\"fw\" type=\"firewall\" importance=\"3\"><connect network=\"n1\"/>"
         "<connect network=\"n3\"/></asset>\n"
         "    <asset id=\"far\" type=\"server\" importance=\"1\"><connect "
         "network=\"n3\"/></asset>\n"
         "  </assets>\n"
         "  <dataflows><flow id=\"f1\" from=\"far\" to=\"plc\"/></dataflows>\n"
         "  <entry-points>" +
         entry +
         "</entry-points>\n"
         "  <countermeasures><countermeasure ref=\"log-collection\"/></countermeasures>\n"
         "  <business-impacts><impact id=\"i\" level=\"3\">\n" +
         scenario +
         "\n"
         "  </impact></business-impacts>\n"
         "</system>\n";
}

const char* const kEntry = R"(<entry id="e" asset="pc" vector="mail" threat-level="3"/>)";

TEST(ScenarioValidateTest, PlantFixtureIsValid) {
  ModelOutcome o =
      check_model(plant(kEntry, R"(<scenario id="s" target="plc" attack="function-stop"/>)"));
  EXPECT_EQ(o.text, "");
}

TEST(ScenarioValidateTest, AFinalAttackThatDoesNotApplyToTheTargetIsAnErrorNamingThoseThatDo) {
  ModelOutcome o =
      check_model(plant(kEntry, R"(<scenario id="s" target="plc" attack="jamming"/>)"));
  EXPECT_EQ(o.errors, 1u) << o.text;
  // method.md §3: the threats of controllers, in catalogue order.
  EXPECT_THAT(o.text,
              HasSubstr("m.xml:14:31: error: attack 'jamming' does not apply to the target 'plc' "
                        "(asset type 'plc'); the threats that apply: unauthorized-access, "
                        "physical-intrusion, unauthorized-operation, erroneous-operation, "
                        "information-theft, information-tampering, information-destruction, "
                        "unauthorized-transmission, function-stop, overload, theft\n"));
}

TEST(ScenarioValidateTest, AnUnknownEntryVectorListsTheValidVectors) {
  ModelOutcome o = check_model(plant(R"(<entry id="e" asset="pc" vector="usb" threat-level="3"/>)",
                                     R"(<scenario id="s" target="plc" attack="function-stop"/>)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:11:42: error: unknown entry vector 'usb' (the profile's "
                                "vectors: mail, web, media, network, remote, physical)\n"));
}

TEST(ScenarioValidateTest, WithSegmentAccessABaseMaySendNothingIfItSharesTheTargetsSegment) {
  // pc shares the segment (through the switch) with the PLC but sends it nothing.
  ModelOutcome flows = check_model(
      plant(kEntry, R"(<scenario id="s" target="plc" attack="function-stop" bases="pc"/>)"));
  EXPECT_THAT(flows.text,
              HasSubstr("error: attack base 'pc' has no data flow to the target 'plc'"));
  ModelOutcome segment = check_model(plant(
      kEntry,
      R"(<scenario id="s" target="plc" attack="function-stop" bases="pc" access="segment"/>)"));
  EXPECT_EQ(segment.errors, 0u) << segment.text;
  // far is behind the firewall: another segment, and it does send to the PLC; fw is on n1.
  ModelOutcome behind = check_model(plant(
      kEntry,
      R"(<scenario id="s" target="plc" attack="function-stop" bases="far fw" access="segment"/>)"));
  EXPECT_EQ(behind.errors, 0u) << behind.text;
}

TEST(ScenarioValidateTest, WithSegmentAccessABaseOutsideTheSegmentNeedsAFlow) {
  ModelOutcome o = check_model(plant(
      R"(<entry id="e" asset="far" vector="mail" threat-level="3"/>)",
      R"(<scenario id="s" target="far" attack="function-stop" bases="pc" access="segment"/>)"));
  EXPECT_THAT(o.text, HasSubstr("error: attack base 'pc' has no data flow to the target 'far' "
                                "and shares no segment with it"));
  EXPECT_THAT(o.text, Not(HasSubstr("has no attack base")));
}

}  // namespace
}  // namespace icsrisk::testing
