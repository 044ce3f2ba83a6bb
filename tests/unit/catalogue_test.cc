// `icsrisk profile show`: the profile as readable tables (report/catalogue.h) and the command.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <sstream>
#include <string>

#include "model/loader.h"
#include "report/catalogue.h"
#include "report/text_table.h"
#include "unit/cli_run.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The line of `text` that starts with `prefix` followed by a space, or "".
std::string line_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix + " ", 0) == 0) return line;
  return "";
}

TEST(TextTableTest, CountsJapaneseCharactersAsTwoColumns) {
  EXPECT_EQ(report::terminal_width("abc"), 3u);
  EXPECT_EQ(report::terminal_width("制御LAN"), 7u);
  EXPECT_EQ(report::terminal_width("ｱ"), 1u);  // halfwidth katakana stays narrow
}

TEST(TextTableTest, PadsColumnsByDisplayWidth) {
  report::TextTable t({"id", "name", "x"});
  t.add({"a", "制御", "1"});
  t.add({"bb", "ab", "2"});
  EXPECT_EQ(t.render(),
            "id  name  x\n"
            "--  ----  -\n"
            "a   制御  1\n"
            "bb  ab    2\n");
}

TEST(TextTableTest, ControlCharactersCannotBreakTheLayout) {
  report::TextTable t({"id"});
  t.add({"a\nb\x1b[31m"});
  EXPECT_EQ(t.render(),
            "id\n--------\na\xEF\xBF\xBD"
            "b\xEF\xBF\xBD[31m\n");
}

TEST(CatalogueTest, ListsEveryAssetTypeThreatAndCountermeasureInBothLanguages) {
  const model::Profile& p = testing::builtin_profile();
  for (model::Lang lang : {model::Lang::kJa, model::Lang::kEn}) {
    std::string text = report::catalogue_text(p, lang);
    for (const auto& a : p.asset_types)
      EXPECT_THAT(line_starting(text, a.id), HasSubstr(a.name.in(lang))) << a.id;
    for (const auto& t : p.threats)
      EXPECT_THAT(line_starting(text, t.id), HasSubstr(t.name.in(lang))) << t.id;
    for (const auto& c : p.countermeasures)
      EXPECT_THAT(line_starting(text, c.id), HasSubstr(c.name.in(lang))) << c.id;
  }
}

TEST(CatalogueTest, CountermeasureRowShowsFunctionStagesCountersAndAttackIds) {
  std::string text = report::catalogue_text(testing::builtin_profile(), model::Lang::kEn);
  std::string row = line_starting(text, "anti-virus *");
  EXPECT_THAT(row, HasSubstr("Anti-virus"));
  EXPECT_THAT(row, HasSubstr("protect"));
  EXPECT_THAT(row, HasSubstr("unauthorized-process malware-infection"));
  EXPECT_THAT(row, HasSubstr("M0949"));
  EXPECT_THAT(row, Not(HasSubstr("objective")));
}

TEST(CatalogueTest, AssetTypesShowCategoryAndFilteringOfNetworkDevices) {
  std::string text = report::catalogue_text(testing::builtin_profile(), model::Lang::kEn);
  EXPECT_THAT(line_starting(text, "one-way-gateway"), HasSubstr("one-way (declared flows"));
  EXPECT_THAT(line_starting(text, "l3-switch"), HasSubstr("no (joins its networks)"));
  std::string plc = line_starting(text, "plc");
  EXPECT_THAT(plc, HasSubstr("controller"));
  EXPECT_EQ(plc.substr(plc.size() - 1), "-");
}

TEST(CatalogueTest, RiskMatrixIsThreeGridsOfThreatByVulnerability) {
  const model::Profile& p = testing::builtin_profile();
  std::string text = report::catalogue_text(p, model::Lang::kEn);
  // Importance 3, threat 3 row: vulnerability 3, 2, 1 → A A B (the profile's cells).
  std::size_t grid = text.find("Importance / business impact 3");
  ASSERT_NE(grid, std::string::npos);
  std::size_t row = text.find("Threat 3", grid);
  ASSERT_NE(row, std::string::npos);
  std::istringstream line(text.substr(row, text.find('\n', row) - row));
  std::string word, cells;
  while (line >> word)
    cells += word;
  EXPECT_EQ(cells, fmt::format("Threat3{}{}{}", p.risk_of(3, 3, 3), p.risk_of(3, 3, 2),
                               p.risk_of(3, 3, 1)));
  EXPECT_THAT(text, HasSubstr("Importance / business impact 1"));
}

TEST(CatalogueTest, MediaListTheThreatsThatApplyToEachMedium) {
  std::string text = report::catalogue_text(testing::builtin_profile(), model::Lang::kEn);
  EXPECT_THAT(line_starting(text, "wireless"), HasSubstr("jamming"));
  EXPECT_THAT(line_starting(text, "wired"), Not(HasSubstr("jamming")));
  EXPECT_THAT(line_starting(text, "mail"), HasSubstr("malware-infection (Malware infection)"));
}

}  // namespace
}  // namespace icsrisk
