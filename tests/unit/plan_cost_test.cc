// Costs of countermeasures for planning (issue 11): the profile's relative `cost`, a model
// placement's `cost` override, and what `profile show` and the candidates make of them.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "model/loader.h"
#include "plan/candidates.h"
#include "report/catalogue.h"
#include "unit/model_check.h"
#include "unit/scenario_fixture.h"

namespace icsrisk {
namespace {

using ::testing::HasSubstr;

std::string profile_with(const std::string& from, const std::string& to) {
  std::string s = model::builtin_profile_file().text();
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(PlanCostTest, BuiltinProfileGivesEveryMeasureARelativeCost) {
  const model::Profile& p = testing::builtin_profile();
  for (const model::Countermeasure& c : p.countermeasures) {
    EXPECT_GE(c.cost, 1) << c.id;
    EXPECT_LE(c.cost, 10) << c.id;
  }
  EXPECT_EQ(p.countermeasures[p.find_countermeasure("media-control")].cost, 1);
  EXPECT_EQ(p.countermeasures[p.find_countermeasure("safety-instrumented-system")].cost, 10);
}

TEST(PlanCostTest, ProfileMeasureWithoutCostCostsOneAndABadCostIsAnError) {
  std::string no_cost = profile_with(R"(id="anti-virus" cost="2")", R"(id="anti-virus")");
  core::SourceFile f("p.xml", no_cost);
  core::Diagnostics d;
  std::optional<model::Profile> p = model::load_profile(f, d);
  ASSERT_TRUE(p) << d.render();
  EXPECT_FALSE(d.has_errors()) << d.render();
  EXPECT_EQ(p->countermeasures[p->find_countermeasure("anti-virus")].cost, 1);

  core::SourceFile bad("p.xml", profile_with(R"(cost="2")", R"(cost="0")"));
  core::Diagnostics d2;
  model::load_profile(bad, d2);
  d2.sort();
  EXPECT_THAT(d2.render(),
              HasSubstr("error: attribute 'cost' must be an integer from 1 to 1000000, not '0'"));
}

TEST(PlanCostTest, ModelPlacementCostIsReadAndCheckedWithItsPosition) {
  testing::ModelOutcome ok = testing::check_model(
      "<system id=\"t\"><networks><network id=\"n\"/></networks><assets>"
      "<asset id=\"a\" type=\"hmi\" importance=\"2\"><connect network=\"n\"/>"
      "<countermeasure ref=\"anti-virus\" status=\"planned\" cost=\"7\"/></asset></assets>"
      "<countermeasures><countermeasure ref=\"ids\" status=\"planned\" cost=\"40\"/>"
      "</countermeasures></system>");
  EXPECT_EQ(ok.errors, 0u) << ok.text;
  EXPECT_EQ(ok.warnings, 0u) << ok.text;
  testing::ModelOutcome bad = testing::check_model(
      "<system id=\"t\">\n<countermeasures>\n  <countermeasure ref=\"ids\" cost=\"x\"/>\n"
      "  <countermeasure ref=\"ips\" cost=\"-1\"/>\n</countermeasures></system>");
  EXPECT_THAT(bad.text, HasSubstr("m.xml:3:29: error: attribute 'cost' must be an integer"));
  EXPECT_THAT(bad.text, HasSubstr("m.xml:4:29: error: attribute 'cost' must be an integer"));
  EXPECT_EQ(bad.errors, 2u) << bad.text;
}

TEST(PlanCostTest, CandidatesTakeThePlacementOverrideElseTheProfileCost) {
  auto l = testing::load(
      "<system id=\"t\"><networks><network id=\"n\"/></networks><assets>"
      "<asset id=\"a\" type=\"hmi\" importance=\"2\"><connect network=\"n\"/>"
      "<countermeasure ref=\"anti-virus\" status=\"planned\" cost=\"7\"/>"
      "<countermeasure ref=\"whitelisting\" status=\"planned\"/>"
      "<countermeasure ref=\"patching\"/></asset></assets></system>",
      /*builtin=*/true);
  const model::Profile& p = l->profile;
  std::vector<plan::Candidate> cs = plan::candidates(l->model, p);
  auto find = [&](const char* measure, plan::ScopeKind kind) {
    return std::find_if(cs.begin(), cs.end(), [&](const plan::Candidate& c) {
      return c.measure == p.find_countermeasure(measure) && c.kind == kind;
    });
  };
  auto av = find("anti-virus", plan::ScopeKind::kAsset);
  ASSERT_NE(av, cs.end());
  EXPECT_EQ(av->cost, 7);
  EXPECT_TRUE(av->in_model);
  auto wl = find("whitelisting", plan::ScopeKind::kAsset);
  ASSERT_NE(wl, cs.end());
  EXPECT_EQ(wl->cost, p.countermeasures[p.find_countermeasure("whitelisting")].cost);
  EXPECT_TRUE(wl->in_model);
  auto sys = find("anti-virus", plan::ScopeKind::kSystem);
  ASSERT_NE(sys, cs.end());
  EXPECT_EQ(sys->cost, 2);
  EXPECT_FALSE(sys->in_model);
  // Implemented where it is: no candidate there.
  EXPECT_EQ(find("patching", plan::ScopeKind::kAsset), cs.end());
}

TEST(PlanCostTest, ProfileShowListsTheCostOfEveryMeasure) {
  std::string text = report::catalogue_text(testing::builtin_profile(), model::Lang::kEn);
  EXPECT_THAT(text, HasSubstr("Relative cost"));
  std::string ja = report::catalogue_text(testing::builtin_profile(), model::Lang::kJa);
  EXPECT_THAT(ja, HasSubstr("相対コスト"));
}

}  // namespace
}  // namespace icsrisk
