// Route warnings (risk/route_checks.h): an explicit base no route can use, and an entry point
// that reaches no scenario's target, each at its position with the reason. Test profile
// (tests/data/scenario/test-profile.xml): lateral "access", mail → "infect", final "attack".

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "risk/route_checks.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

std::string host(const std::string& id, const std::string& nets) {
  std::string s = R"(<asset id=")" + id + R"(" name=")" + id + R"(" type="host" importance="2">)";
  for (char n : nets)
    s += std::string(R"(<connect network="n)") + n + R"("/>)";
  return s + "</asset>";
}

std::string warnings(const Loaded& l) {
  core::Diagnostics d;
  risk::report_route_problems(l.model, l.profile, d);
  d.sort();
  return d.render();
}

TEST(RouteChecksTest, AnExplicitBaseNoEntryReachesIsAWarningAtTheBase) {
  // n1: a (entry), b; n2: c, t. Flows b → t and c → t; c is on n2, which no entry reaches
  // (no device joins n1 and n2, and a, b send nothing to c).
  auto l = load(system_xml(
      nets({"n1", "n2"}), host("a", "1") + host("b", "1") + host("c", "2") + host("t", "2"),
      R"(<flow id="f1" from="b" to="t"/><flow id="f2" from="c" to="t"/>)",
      R"(<entry id="ep" name="ep" asset="a" vector="mail" threat-level="3"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack" bases="b c"/>)"));
  std::string text = warnings(*l);
  // The flow b → t joins networks no device connects: unroutable, so b is on no route either.
  EXPECT_THAT(text, HasSubstr("warning: attack base 'b' of scenario 'sc' is on no route: its "
                              "data flows to the target cannot be routed\n"));
  EXPECT_THAT(text, HasSubstr("warning: attack base 'c' of scenario 'sc' is on no route: no "
                              "entry point reaches it\n"));
  EXPECT_THAT(text, HasSubstr("warning: entry point 'ep' reaches no scenario's target: no attack "
                              "base is reachable from it, and it lands on no target\n"));
}

TEST(RouteChecksTest, PositionsAreTheBaseTokenAndTheEntryElement) {
  auto l =
      load(system_xml(nets({"n1", "n2"}), host("a", "1") + host("c", "2") + host("t", "2"),
                      R"(<flow id="f2" from="c" to="t"/>)",
                      R"(<entry id="ep" name="ep" asset="a" vector="mail" threat-level="3"/>)",
                      R"(<scenario id="sc" name="sc" target="t" attack="attack" bases="c"/>)"));
  std::string text = warnings(*l);
  std::string xml = l->model_file->text();
  auto col = [&](const std::string& needle) {
    return "test.xml:1:" + std::to_string(xml.find(needle) + 1) + ": warning: ";
  };
  EXPECT_THAT(text, HasSubstr(col("c\"/>") + "attack base 'c'"));
  EXPECT_THAT(text, HasSubstr(col("<entry id") + "entry point 'ep'"));
}

TEST(RouteChecksTest, ANetworkEntryOnAnEmptyNetworkReachesNoAsset) {
  auto l = load(system_xml(
      nets({"n1", "n9"}), host("b", "1") + host("t", "1"), R"(<flow id="f1" from="b" to="t"/>)",
      R"(<entry id="ep" name="ep" asset="b" vector="mail" threat-level="3"/>)"
      R"(<entry id="nine" name="nine" network="n9" vector="network" threat-level="3"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack"/>)"));
  std::string text = warnings(*l);
  EXPECT_THAT(text, HasSubstr("warning: entry point 'nine' reaches no scenario's target: its entry "
                              "step reaches no asset\n"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("'ep'")));
}

TEST(RouteChecksTest, AnEntryOnTheTargetAndSegmentBasesAreUsed) {
  // The entry lands on the target: it reaches it. Under segment access the explicit base b,
  // which sends nothing, is used through the segment.
  auto l = load(system_xml(
      nets({"n1"}), host("a", "1") + host("b", "1") + host("t", "1"), "",
      R"(<entry id="on-t" name="on-t" asset="t" vector="mail" threat-level="3"/>)"
      R"(<entry id="ep" name="ep" asset="a" vector="mail" threat-level="3"/>)",
      R"(<scenario id="sc" name="sc" target="t" attack="attack" bases="b" access="segment"/>)"));
  EXPECT_EQ(warnings(*l), "");
}

TEST(RouteChecksTest, TheExampleModelsGiveNoRouteWarnings) {
  for (const char* path : {"models/model-plant.xml", "models/small-plant.xml"}) {
    auto l = load(read_text(source_path(path)), /*builtin=*/true);
    EXPECT_EQ(warnings(*l), "") << path;
  }
}

}  // namespace
}  // namespace icsrisk::testing
