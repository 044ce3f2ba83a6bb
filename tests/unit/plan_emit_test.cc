// --emit-model (issue 11): the plan's placements added to the model text as status="planned",
// at every scope kind, the rest of the file kept; the emitted text loads with the placements.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan/emit.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment that stays -->
<system id="t" name="t" xmlns="urn:icsrisk:model:1">
  <zones>
    <zone id="z0"/>
  </zones>
  <networks>
    <network id="n0" name="n0" zone="z0"/>
  </networks>
  <assets>
    <asset id="h0" name="&lt;h0&gt;" type="host" importance="1">
      <connect network="n0"/>
    </asset>
    <asset id="h1" name="h1" type="host" importance="3"><connect network="n0"/></asset>
  </assets>
  <dataflows>
    <flow id="f0" from="h0" to="h1"/>
  </dataflows>
  <entry-points>
    <entry id="e0" name="e0" asset="h0" vector="mail" threat-level="3"/>
  </entry-points>
  <business-impacts>
    <impact id="bi" name="bi" level="3">
      <scenario id="sc" name="sc" target="h1" attack="attack"/>
    </impact>
  </business-impacts>
</system>
)";

TEST(PlanEmitTest, AddsEachPlacementAsPlannedAtItsScopeAndKeepsTheRest) {
  auto l = load(kModel);
  const model::Profile& p = l->profile;
  std::vector<plan::Candidate> add = {
      {p.find_countermeasure("p-infect"), plan::ScopeKind::kAsset, l->asset("h0"), 1, false},
      {p.find_countermeasure("p-attack"), plan::ScopeKind::kFlow, l->flow("f0"), 1, false},
      {p.find_countermeasure("d-access"), plan::ScopeKind::kNetwork, 0, 1, false},
      {p.find_countermeasure("d-infect"), plan::ScopeKind::kZone, 0, 1, false},
      {p.find_countermeasure("d-attack"), plan::ScopeKind::kSystem, model::kNone, 1, false}};
  core::Result<std::string> out = plan::emit_model(kModel, l->model, p, add);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_THAT(*out, HasSubstr("<!-- a comment that stays -->"));
  EXPECT_THAT(*out, HasSubstr("name=\"&lt;h0&gt;\""));
  EXPECT_THAT(*out, HasSubstr("      <connect network=\"n0\"/>\n"
                              "      <countermeasure ref=\"p-infect\" status=\"planned\"/>\n"
                              "    </asset>"));
  EXPECT_THAT(*out, HasSubstr("<flow id=\"f0\" from=\"h0\" to=\"h1\">\n"
                              "      <countermeasure ref=\"p-attack\" status=\"planned\"/>\n"
                              "    </flow>"));
  EXPECT_THAT(*out, HasSubstr("  </business-impacts>\n  <countermeasures>\n"
                              "    <countermeasure ref=\"d-attack\" status=\"planned\"/>\n"
                              "  </countermeasures>\n</system>"));

  auto emitted = load(*out);
  const model::Model& m = emitted->model;
  ASSERT_EQ(m.assets[0].countermeasures.size(), 1u);
  EXPECT_EQ(m.assets[0].countermeasures[0].status, model::Status::kPlanned);
  ASSERT_EQ(m.flows[0].countermeasures.size(), 1u);
  ASSERT_EQ(m.networks[0].countermeasures.size(), 1u);
  ASSERT_EQ(m.zones[0].countermeasures.size(), 1u);
  ASSERT_EQ(m.countermeasures.size(), 1u);
  EXPECT_EQ(m.countermeasures[0].placement.ref, "d-attack");
  EXPECT_TRUE(m.countermeasures[0].zone.empty());
}

TEST(PlanEmitTest, PlacementsTheModelAlreadyPlansAreNotAddedTwice) {
  auto l = load(kModel);
  const model::Profile& p = l->profile;
  std::vector<plan::Candidate> add = {
      {p.find_countermeasure("p-infect"), plan::ScopeKind::kAsset, l->asset("h0"), 1, true}};
  core::Result<std::string> out = plan::emit_model(kModel, l->model, p, add);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, kModel);
}

TEST(PlanEmitTest, KeepsCrlfLineEndsAndSkipsACommentThatNamesTheClosingTag) {
  std::string crlf;
  for (char c : std::string(kModel)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const std::string from = "<connect network=\"n0\"/>\r\n    </asset>";
  crlf.replace(crlf.find(from), from.size(),
               "<connect network=\"n0\"/>\r\n      <!-- </asset> -->\r\n    </asset>");
  auto l = load(crlf);
  const model::Profile& p = l->profile;
  std::vector<plan::Candidate> add = {
      {p.find_countermeasure("p-infect"), plan::ScopeKind::kAsset, l->asset("h0"), 1, false}};
  core::Result<std::string> out = plan::emit_model(crlf, l->model, p, add);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_THAT(*out, HasSubstr("      <!-- </asset> -->\r\n"
                              "      <countermeasure ref=\"p-infect\" status=\"planned\"/>\r\n"
                              "    </asset>"));
  auto emitted = load(*out);
  ASSERT_EQ(emitted->model.assets[0].countermeasures.size(), 1u);
}

}  // namespace
}  // namespace icsrisk::testing
