// method.md §7 "Routes listed" on the example plants: every entry point and every attack base
// that some route uses has a listed route even with k = 1, no listed route is a detour of
// another, and the counts are exact (no "100000+" from detours).

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

/// The asset ids of a route before the target (the target alone for an attack at it).
std::vector<std::size_t> assets_of(const risk::Route& r) {
  std::vector<std::size_t> out;
  for (const risk::Step& s : r.steps)
    if (&s != &r.steps.back() || s.from == s.to) out.push_back(s.to);
  return out;
}

bool proper_subsequence(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  if (a.size() >= b.size()) return false;
  std::size_t i = 0;
  for (std::size_t x : b)
    if (i < a.size() && a[i] == x) ++i;
  return i == a.size();
}

class ExampleRoutesTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ExampleRoutesTest, EveryEntryAndBaseIsListedNoDetourAndTheCountIsExact) {
  auto l = load(read_text(source_path(std::string("models/") + GetParam() + ".xml")), true);
  ASSERT_FALSE(::testing::Test::HasFailure());
  risk::AnalysisOptions wide;  // enough to list every non-detour route of these plants
  wide.max_routes = 100000;
  wide.max_hops = 64;
  risk::AnalysisOptions one;
  one.max_routes = 1;
  const std::vector<risk::ScenarioRisk> all = l->analyze(wide), few = l->analyze(one);
  ASSERT_EQ(all.size(), few.size());
  for (std::size_t s = 0; s < all.size(); ++s) {
    EXPECT_TRUE(all[s].routes_total_exact) << GetParam() << " scenario " << s;
    EXPECT_EQ(all[s].routes_total, all[s].routes.size()) << GetParam() << " scenario " << s;
    std::set<std::size_t> entries, bases, few_entries, few_bases;
    for (const risk::Route& r : all[s].routes) {
      entries.insert(r.entry);
      if (r.steps.back().from != r.steps.back().to) bases.insert(r.steps.back().from);
    }
    for (const risk::Route& r : few[s].routes) {
      few_entries.insert(r.entry);
      if (r.steps.back().from != r.steps.back().to) few_bases.insert(r.steps.back().from);
    }
    EXPECT_EQ(few_entries, entries) << GetParam() << " scenario " << s;
    EXPECT_EQ(few_bases, bases) << GetParam() << " scenario " << s;
    for (const risk::Route& a : all[s].routes)
      for (const risk::Route& b : all[s].routes)
        EXPECT_FALSE(a.entry == b.entry && a.steps.back().from == b.steps.back().from &&
                     a.countermeasure_level <= b.countermeasure_level &&
                     proper_subsequence(assets_of(a), assets_of(b)))
            << GetParam() << ": " << route_path(*l, b) << " is a detour of " << route_path(*l, a);
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleRoutesTest,
                         ::testing::Values("model-plant", "remote-station", "small-plant"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace icsrisk::testing
