// The profile loader's checks: scales, the 27 risk-matrix cells, catalogues and their references.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "unit/golden.h"

namespace icsrisk::model {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Outcome {
  bool loaded = false;
  std::string text;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

Outcome check(std::string xml, const std::string& name = "p.xml") {
  core::SourceFile f(name, std::move(xml));
  core::Diagnostics d;
  std::optional<Profile> p = load_profile(f, d);
  d.sort();
  return {p.has_value(), d.render(), d.error_count(), d.warning_count()};
}

/// The built-in profile's text with the first occurrence of `from` replaced by `to`.
std::string builtin_with(const std::string& from, const std::string& to) {
  std::string s = builtin_profile_file().text();
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// 1-based line of the first occurrence of `needle` in the built-in profile.
int line_of(const std::string& needle) {
  const std::string& s = builtin_profile_file().text();
  std::size_t at = s.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(at), '\n'));
}

TEST(ProfileLoaderTest, BuiltinProfileLoadsCleanly) {
  Outcome o = check(builtin_profile_file().text());
  EXPECT_TRUE(o.loaded);
  EXPECT_EQ(o.text, "");
}

TEST(ProfileLoaderTest, BuiltinProfileHasAllCellsAndCatalogues) {
  core::Diagnostics d;
  std::optional<Profile> p = load_profile(builtin_profile_file(), d);
  ASSERT_TRUE(p);
  for (int f = 1; f <= 3; ++f)
    for (int t = 1; t <= 3; ++t)
      for (int v = 1; v <= 3; ++v) {
        int sum = f + t + v;
        char expected = sum >= 8 ? 'A' : sum == 7 ? 'B' : sum == 6 ? 'C' : sum == 5 ? 'D' : 'E';
        EXPECT_EQ(letter(p->risk_of(f, t, v)), expected) << f << t << v;
      }
  EXPECT_EQ(p->threats.size(), 20u);
  EXPECT_EQ(p->lateral_method, "unauthorized-access");
  EXPECT_TRUE(p->reconstructed);
}

TEST(ProfileLoaderTest, MissingRiskMatrixCellIsReportedAtTheMatrix) {
  std::string cell = R"(    <cell first="2" threat="1" vulnerability="1" risk="E"/>
)";
  Outcome o = check(builtin_with(cell, ""));
  EXPECT_FALSE(o.loaded);
  EXPECT_EQ(o.errors, 1u);
  EXPECT_THAT(
      o.text,
      HasSubstr(fmt::format(
          "p.xml:{}:3: error: risk-matrix cell first=2 threat=1 vulnerability=1 is "
          "missing (all 27 cells are required)\n    <risk-matrix reconstructed=\"true\">\n    ^\n",
          line_of("<risk-matrix"))));
}

TEST(ProfileLoaderTest, DuplicateRiskMatrixCellPointsAtTheFirst) {
  std::string cell = R"(<cell first="1" threat="1" vulnerability="1" risk="E"/>)";
  Outcome o = check(builtin_with(
      cell,
      R"(<cell first="1" threat="1" vulnerability="1" risk="E"/><cell first="1" threat="1" vulnerability="1" risk="D"/>)"));
  int line = line_of(cell);
  EXPECT_EQ(o.errors, 1u);
  EXPECT_THAT(o.text,
              HasSubstr(fmt::format(
                  "p.xml:{}:60: error: risk-matrix cell first=1 threat=1 vulnerability=1 is "
                  "defined twice\n",
                  line)));
  EXPECT_THAT(o.text, HasSubstr(fmt::format("p.xml:{}:5: note: first defined here\n", line)));
}

TEST(ProfileLoaderTest, RiskMatrixValuesOutOfRange) {
  Outcome o = check(builtin_with(R"(<cell first="1" threat="1" vulnerability="1" risk="E"/>)",
                                 R"(<cell first="0" threat="1" vulnerability="1" risk="F"/>)"));
  int line = line_of(R"(<cell first="1" threat="1" vulnerability="1" risk="E"/>)");
  EXPECT_THAT(o.text, HasSubstr(fmt::format("p.xml:{}:11: error: attribute 'first' must be an "
                                            "integer from 1 to 3, not '0'\n",
                                            line)));
  EXPECT_THAT(o.text, HasSubstr(fmt::format("p.xml:{}:50: error: attribute 'risk' must be one of "
                                            "'A', 'B', 'C', 'D', 'E', not 'F'\n",
                                            line)));
  EXPECT_THAT(o.text,
              HasSubstr("error: risk-matrix cell first=1 threat=1 vulnerability=1 is missing"));
}

TEST(ProfileLoaderTest, ScalesMustBeComplete) {
  Outcome o = check(builtin_with(R"(<level value="2" ja="限定的または短期間)",
                                 R"(<level value="3" ja="限定的または短期間)"));
  EXPECT_THAT(o.text, HasSubstr("error: level 3 of scale 'business-impact' is defined twice\n"));
  EXPECT_THAT(o.text, HasSubstr(fmt::format("p.xml:{}:1: error: scale 'business-impact' has no "
                                            "level 2\n",
                                            line_of("<profile id"))));
  Outcome none = check(builtin_with(R"(<scale id="threat">)", R"(<scale id="threats">)"));
  EXPECT_THAT(none.text, HasSubstr("error: attribute 'id' must be one of 'importance', "
                                   "'business-impact', 'threat', 'vulnerability', not 'threats'; "
                                   "did you mean 'threat'?\n"));
  EXPECT_THAT(none.text, HasSubstr("error: the profile has no <scale id=\"threat\">\n"));
}

TEST(ProfileLoaderTest, UnknownThreatsInCountersVectorsAndLateral) {
  std::string s = builtin_with(R"(<lateral method="unauthorized-access"/>)",
                               R"(<lateral method="unauthorised-access"/>)");
  s.replace(s.find(R"(<vector id="mail" method="malware-infection")"), 44,
            R"(<vector id="mail" method="malware-infektion")");
  s.replace(s.find(R"(counters="malware-infection)"), 27, R"(counters="malware-infectio)");
  core::SourceFile f("p.xml", s);
  core::Diagnostics d;
  EXPECT_FALSE(load_profile(f, d));
  d.sort();
  std::string text = d.render();
  EXPECT_EQ(d.error_count(), 3u) << text;
  EXPECT_THAT(text, HasSubstr("error: unknown threat 'malware-infectio'; did you mean "
                              "'malware-infection'?\n"));
  EXPECT_THAT(text, HasSubstr(fmt::format("p.xml:{}:23: error: unknown threat 'malware-infektion'; "
                                          "did you mean 'malware-infection'?\n",
                                          line_of(R"(<vector id="mail")"))));
  EXPECT_THAT(text,
              HasSubstr(fmt::format("p.xml:{}:12: error: unknown threat 'unauthorised-access'; "
                                    "did you mean 'unauthorized-access'?\n",
                                    line_of("<lateral"))));
}

TEST(ProfileLoaderTest, AppliesToTokensAreChecked) {
  Outcome o = check(builtin_with(R"(applies-to="computer controller network-device")",
                                 R"(applies-to="computer controllers network:radio")"));
  EXPECT_EQ(o.errors, 2u) << o.text;
  EXPECT_THAT(o.text, HasSubstr("error: applies-to 'controllers' is neither a category, an asset "
                                "type, 'network' nor 'network:MEDIUM'\n"));
  EXPECT_THAT(o.text, HasSubstr("error: applies-to 'network:radio' is neither"));
}

TEST(ProfileLoaderTest, BadFunctionStageAndAttackIcsIds) {
  Outcome o = check(builtin_with(R"(function="protect")", R"(function="prevent")"));
  EXPECT_THAT(o.text, HasSubstr("error: attribute 'function' must be one of 'protect', 'detect', "
                                "'mitigate', not 'prevent'\n"));
  Outcome st = check(builtin_with(R"(stages="intrusion")", R"(stages="intrusion spread")"));
  EXPECT_THAT(st.text, HasSubstr("error: unknown stage 'spread': use 'intrusion' and/or "
                                 "'objective'\n"));
  Outcome th = check(builtin_with(R"(stage="intrusion")", R"(stage="intrusoin")"));
  EXPECT_THAT(th.text, HasSubstr("error: attribute 'stage' must be one of 'intrusion', "
                                 "'objective', not 'intrusoin'; did you mean 'intrusion'?\n"));
  Outcome ics = check(builtin_with(R"(attack-ics="M0)", R"(attack-ics="T0817 M0)"));
  EXPECT_THAT(ics.text, HasSubstr("error: 'T0817' is not an ATT&CK for ICS mitigation id (M08xx or "
                                  "M09xx)\n"));
}

TEST(ProfileLoaderTest, DuplicateIdsOfEachCatalogue) {
  for (const char* kind : {"asset-type", "threat", "countermeasure", "vector"}) {
    std::string open = fmt::format("<{} id=\"", kind);
    std::string s = builtin_profile_file().text();
    std::size_t first = s.find(open);
    ASSERT_NE(first, std::string::npos);
    std::size_t id_start = first + open.size();
    std::string id = s.substr(id_start, s.find('"', id_start) - id_start);
    std::size_t second = s.find(open, id_start);
    std::size_t second_id = second + open.size();
    s.replace(second_id, s.find('"', second_id) - second_id, id);
    Outcome o = check(s);
    std::string what = std::string(kind) == "vector"       ? "entry vector"
                       : std::string(kind) == "asset-type" ? "asset type"
                                                           : kind;
    EXPECT_THAT(o.text, HasSubstr(fmt::format("error: duplicate {} id '{}'\n", what, id))) << kind;
    EXPECT_THAT(o.text, HasSubstr("note: first defined here\n")) << kind;
  }
}

TEST(ProfileLoaderTest, FilteringOnlyOnNetworkDevices) {
  Outcome o =
      check(builtin_with(R"(category="controller")", R"(category="controller" filtering="yes")"));
  EXPECT_THAT(o.text, HasSubstr("error: only network-device asset types filter traffic\n"));
}

TEST(ProfileLoaderTest, SecondRiskMatrixIsAnError) {
  Outcome o = check(builtin_with("<asset-types>", "<risk-matrix/><asset-types>"));
  EXPECT_THAT(o.text,
              HasSubstr("error: the profile has a second <risk-matrix>; only one is allowed\n"));
  EXPECT_EQ(o.errors, 1u) << o.text;
}

TEST(ProfileLoaderTest, WrongRootAndNamespace) {
  EXPECT_THAT(check("<system id=\"x\"/>").text,
              HasSubstr("p.xml:1:1: error: the root element must be <profile>, not <system>\n"));
  Outcome ns = check(builtin_with("urn:icsrisk:profile:1", "urn:icsrisk:model:1"));
  EXPECT_THAT(ns.text,
              HasSubstr("warning: namespace 'urn:icsrisk:model:1' is not "
                        "'urn:icsrisk:profile:1'; reading the file as <profile> anyway\n"));
  EXPECT_TRUE(ns.loaded);
  Outcome none = check(builtin_with(R"( xmlns="urn:icsrisk:profile:1")", ""));
  EXPECT_TRUE(none.loaded);
  EXPECT_EQ(none.text, "");
}

TEST(ProfileLoaderTest, EmptyProfileListsEverythingMissing) {
  Outcome o = check("<profile id=\"p\"/>\n");
  EXPECT_EQ(o.text.find("p.xml:1:1: error: the profile has no <scale id=\"importance\">\n"), 0u);
  EXPECT_THAT(o.text, HasSubstr("error: the profile has no <risk-matrix>\n"));
  EXPECT_THAT(o.text, HasSubstr("error: the profile has no <lateral method=…/>\n"));
  EXPECT_THAT(o.text, HasSubstr("error: the profile has no threats\n"));
  EXPECT_THAT(o.text, HasSubstr("error: the profile has no asset types\n"));
}

TEST(ProfileLoaderTest, CrLfProfileHasTheSamePositions) {
  std::string lf = builtin_with(R"(stage="intrusion" level="3")", R"(stage="intrusion" level="4")");
  std::string crlf;
  for (char c : lf)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Outcome a = check(lf), b = check(crlf);
  EXPECT_THAT(a.text,
              HasSubstr("error: attribute 'level' must be an integer from 1 to 3, not '4'"));
  EXPECT_EQ(a.text, b.text);
}

TEST(ProfileLoaderTest, BrokenProfileDiagnosticsMatchTheGoldenFile) {
  std::string path = "tests/data/validation/broken-profile.xml";
  Outcome o = check(testing::read_text(testing::source_path(path)), path);
  EXPECT_FALSE(o.loaded);
  testing::expect_golden("diagnostics/broken-profile.txt", o.text);
}

}  // namespace
}  // namespace icsrisk::model
