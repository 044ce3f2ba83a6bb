// The profile's <quant> section (method.md §9 parameters): the built-in values, a user's own,
// and every problem at its position in one run.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "report/catalogue.h"

namespace icsrisk::model {
namespace {

using ::testing::HasSubstr;

struct Loaded {
  std::optional<Profile> profile;
  std::string text;
};

Loaded load(std::string xml) {
  core::SourceFile f("p.xml", std::move(xml));
  core::Diagnostics d;
  Loaded l{load_profile(f, d), ""};
  d.sort();
  l.text = d.render();
  return l;
}

/// The built-in profile with its <quant> section replaced by `quant`.
std::string with_quant(const std::string& quant) {
  std::string s = builtin_profile_file().text();
  std::size_t a = s.find("<quant"), b = s.find("</quant>");
  EXPECT_NE(a, std::string::npos);
  s.replace(a, b + 8 - a, quant);
  return s;
}

/// 1-based line of <quant> in the built-in profile.
int quant_line() {
  const std::string& s = builtin_profile_file().text();
  return 1 + static_cast<int>(
                 std::count(s.begin(), s.begin() + static_cast<long>(s.find("<quant")), '\n'));
}

TEST(ProfileQuantTest, BuiltinValuesAreThoseOfTheMethodMarkedReconstructed) {
  Loaded l = load(builtin_profile_file().text());
  ASSERT_TRUE(l.profile) << l.text;
  const QuantParams& q = l.profile->quant;
  EXPECT_EQ(q.s[1], 0.5);
  EXPECT_EQ(q.s[2], 0.2);
  EXPECT_EQ(q.s[3], 0.05);
  EXPECT_EQ(q.c[1], 0.01);
  EXPECT_EQ(q.c[2], 0.05);
  EXPECT_EQ(q.c[3], 0.1);
  EXPECT_TRUE(q.reconstructed);
}

TEST(ProfileQuantTest, AUsersValuesReplaceTheBuiltInOnes) {
  Loaded l = load(with_quant(R"(<quant><level value="1" s="0.9" c="0"/>)"
                             R"(<level value="2" s="0.4" c="0.1"/>)"
                             R"(<level value="3" s="0" c="1"/></quant>)"));
  ASSERT_TRUE(l.profile) << l.text;
  EXPECT_EQ(l.profile->quant.s[1], 0.9);
  EXPECT_EQ(l.profile->quant.c[3], 1.0);
  EXPECT_FALSE(l.profile->quant.reconstructed);
}

TEST(ProfileQuantTest, EveryProblemIsReportedAtItsPosition) {
  Loaded l = load(with_quant(R"(<quant>)"
                             "\n"
                             R"(<level value="1" s="1.5" c="x"/>)"
                             "\n"
                             R"(<level value="2" s="0.7" c="0.5"/>)"
                             "\n"
                             R"(<level value="2" s="0" c="0"/>)"
                             "\n"
                             R"(</quant>)"));
  EXPECT_FALSE(l.profile);
  const int q = quant_line();
  EXPECT_THAT(l.text, HasSubstr(fmt::format("p.xml:{}:3: error: <quant> has no <level "
                                            "value=\"3\" s=… c=…/>",
                                            q)));
  EXPECT_THAT(l.text, HasSubstr(fmt::format("p.xml:{}:18: error: attribute 's' must be a number "
                                            "from 0 to 1, not '1.5'",
                                            q + 1)));
  EXPECT_THAT(l.text, HasSubstr(fmt::format("p.xml:{}:26: error: attribute 'c' must be a number "
                                            "from 0 to 1, not 'x'",
                                            q + 1)));
  EXPECT_THAT(l.text,
              HasSubstr(fmt::format(
                  "p.xml:{}:26: error: s + c must be at most 1 (s = 0.7, c = 0.5)", q + 2)));
  EXPECT_THAT(l.text, HasSubstr(fmt::format(
                          "p.xml:{}:1: error: <quant> has a second <level value=\"2\">", q + 3)));
}

TEST(ProfileQuantTest, AnAttemptThatCanNeverEndIsRejected) {
  Loaded l = load(with_quant(R"(<quant><level value="1" s="0.5" c="0.1"/>)"
                             R"(<level value="2" s="0" c="0"/>)"
                             R"(<level value="3" s="0.1" c="0.1"/></quant>)"));
  EXPECT_FALSE(l.profile);
  EXPECT_THAT(l.text, HasSubstr("error: s + c must be above 0"));
}

TEST(ProfileQuantTest, AProfileWithoutQuantGetsTheBuiltInValues) {
  Loaded l = load(with_quant(""));
  ASSERT_TRUE(l.profile) << l.text;
  EXPECT_EQ(l.profile->quant.s[2], 0.2);
  EXPECT_TRUE(l.profile->quant.reconstructed);
}

TEST(ProfileQuantTest, ProfileShowListsTheParametersPerLevel) {
  Loaded l = load(builtin_profile_file().text());
  ASSERT_TRUE(l.profile);
  std::string en = report::catalogue_text(*l.profile, Lang::kEn);
  EXPECT_THAT(en, HasSubstr("Quantitative propagation (method.md §9)"));
  EXPECT_THAT(en, HasSubstr("\n1 *                   0.5                       0.01\n"));
  EXPECT_THAT(en, HasSubstr("\n3 *                   0.05                      0.1\n"));
  EXPECT_THAT(en, HasSubstr("Illustrative values, to be calibrated."));
  std::string ja = report::catalogue_text(*l.profile, Lang::kJa);
  EXPECT_THAT(ja, HasSubstr("定量的な伝播"));
}

}  // namespace
}  // namespace icsrisk::model
