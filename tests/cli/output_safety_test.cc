// Issue 13, items 4, 5 and 7: model text reaches the terminal with its control characters
// escaped, the XLSX's document properties stay well-formed XML, and a model whose text is at
// every limit is reportable in every default format.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_test.h"
#include "core/text.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::read_text;

TEST(TerminalTextTest, EscapesControlsAndBidiOverridesKeepsTextAndLines) {
  EXPECT_EQ(core::terminal_text("a\x1b]0;title\x07"
                                "b\r\n\tc"),
            "a\\x1B]0;title\\x07b\\x0D\n\tc");
  EXPECT_EQ(core::terminal_text("x\xC2\x9B"
                                "2Jy"),
            "x\\x9B2Jy");  // C1 CSI
  EXPECT_EQ(core::terminal_text("\xE2\x80\xAE"
                                "abc\xE2\x81\xA6"),
            "\\u{202E}abc\\u{2066}");
  EXPECT_EQ(core::terminal_text("日本語 é \x7f"), "日本語 é \\x7F");
  EXPECT_EQ(core::terminal_text("bad \xFF\xC3"), "bad \\xFF\\xC3");
  EXPECT_EQ(core::terminal_text("one\ntwo", false), "one\\x0Atwo");
}

using OutputSafetyTest = testing::CliTest;

/// Bytes a terminal would act on: C0 controls but LF, DEL, C1 controls (as UTF-8), and the
/// first bytes of the bidi overrides U+202A–U+202E and isolates U+2066–U+2069.
bool has_terminal_controls(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return true;
    if (c == 0xE2 && s.compare(i + 1, 1, "\x80") == 0 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 2]) >= 0xAA &&
        static_cast<unsigned char>(s[i + 2]) <= 0xAE)
      return true;
    if (c == 0xE2 && s.compare(i + 1, 1, "\x81") == 0 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 2]) >= 0xA6 &&
        static_cast<unsigned char>(s[i + 2]) <= 0xA9)
      return true;
  }
  return false;
}

const char* const kHostileModel = R"(<system id="t" name="plant&#x1b;]0;pwned&#x7;&#x1b;[2J">
  <networks><network id="n"/></networks>
  <assets>
    <asset id="plc" name="PLC&#x9b;1m&#x202e;evil" type="plc" importance="3"><connect network="n"/></asset>
    <asset id="hmi" name="HMI&#x1;&#xd;fake" type="hmi" importance="2"><connect network="n"/></asset>
  </assets>
  <dataflows><flow id="f" from="hmi" to="plc"/></dataflows>
  <entry-points><entry id="e" asset="hmi" vector="network" threat-level="3"/></entry-points>
  <business-impacts><impact id="i" level="3">
    <scenario id="sc" name="stop&#x1b;[8m hidden" target="plc" attack="unauthorized-transmission"/>
  </impact></business-impacts>
</system>
)";

TEST_F(OutputSafetyTest, AnalyzeSummaryEscapesModelControlCharacters) {
  write("m.xml", kHostileModel);
  testing::CliResult r = run("analyze m.xml -o out --format json,xlsx --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(has_terminal_controls(r.out)) << r.out;
  EXPECT_THAT(r.out, HasSubstr("plant\\x1B]0;pwned\\x07\\x1B[2J"));
  EXPECT_THAT(r.out, HasSubstr("stop\\x1B[8m hidden"));
}

TEST_F(OutputSafetyTest, XlsxDocumentPropertiesHoldNoControlCharacters) {
  write("m.xml", kHostileModel);
  ASSERT_EQ(run("analyze m.xml -o out --format xlsx").code, 0);
  std::string cmd =
      "cd '" + dir_.string() + "' && unzip -p out/icsrisk.xlsx docProps/core.xml > core.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string core = read_text((dir_ / "core.xml").string());
  ASSERT_THAT(core, HasSubstr("<dc:title>"));
  for (char c : core)
    EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t')
        << "control character " << static_cast<int>(c) << " in docProps/core.xml";
  EXPECT_THAT(core, HasSubstr("plant\\x1B]0;pwned"));
}

TEST_F(OutputSafetyTest, TreesEvalEscapesTreeText) {
  write("t.xml", R"(<attack-tree id="t" name="tree&#x1b;[2J&#x202e;x">
  <or id="g" name="gate&#x9b;31m"><leaf id="l" name="leaf&#x1b;]0;t&#x7;" probability="0.5"/></or>
</attack-tree>
)");
  testing::CliResult r = run("trees eval t.xml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(has_terminal_controls(r.out)) << r.out;
  EXPECT_THAT(r.out, HasSubstr("tree\\x1B[2J\\u{202E}x"));
}

TEST_F(OutputSafetyTest, ValidatePrintsFileNamesWithControlsEscaped) {
  write("m\x1b[2Jx.xml", "<system id=\"s\"/>\n");
  testing::CliResult r = run("validate \"$(printf 'm\\033[2Jx.xml')\"");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "m\\x1B[2Jx.xml: ok\n");
}

TEST_F(OutputSafetyTest, ModelWithTextAtEveryLimitIsReportableInEveryDefaultFormat) {
  // 2,000-character names (the limit; 6,000 bytes each in kanji) on 20 networks that one asset
  // joins: its "networks" cell (40,000 characters) passes Excel's 32,767 and is cut in the
  // XLSX only, with a note.
  std::string name;
  for (int i = 0; i < 1999; ++i)
    name += "名";
  std::string xml = "<system id=\"t\" name=\"" + name + "S\"><networks>";
  std::string connects;
  for (int i = 0; i < 20; ++i) {
    xml += "<network id=\"n" + std::to_string(i) + "\" name=\"" + name + std::to_string(i % 10) +
           "\"/>";
    connects += "<connect network=\"n" + std::to_string(i) + "\"/>";
  }
  xml += "</networks><assets><asset id=\"r\" name=\"" + name + "R\" type=\"router\" " +
         "importance=\"2\" os=\"" + name + "O\">" + connects + "</asset>" +
         "<asset id=\"p\" name=\"" + name + "P\" type=\"plc\" importance=\"3\">" +
         "<connect network=\"n0\"/></asset></assets><dataflows><flow id=\"f\" from=\"r\" " +
         "to=\"p\" data=\"" + name + "D\" protocol=\"" + name + "Q\"/></dataflows>" +
         "<business-impacts><impact id=\"i\" name=\"" + name + "I\" level=\"3\"><scenario " +
         "id=\"sc\" name=\"" + name + "C\" target=\"p\" attack=\"unauthorized-transmission\"/>" +
         "</impact></business-impacts></system>\n";
  write("m.xml", xml);
  ASSERT_EQ(run("validate m.xml").code, 0);
  testing::CliResult r = run("analyze m.xml -o out");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* f : {"report.html", "icsrisk.xlsx", "results.json", "report.md",
                        "asset-list.csv", "diagrams/system.svg", "diagrams/dataflow.svg"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / f)) << f;
  std::string cmd =
      "cd '" + dir_.string() + "' && unzip -p out/icsrisk.xlsx xl/sharedStrings.xml > strings.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_THAT(read_text((dir_ / "strings.xml").string()),
              HasSubstr("characters in all; the CSV and JSON files hold the whole text]"));
  EXPECT_THAT(read_text((dir_ / "out" / "asset-list.csv").string()), HasSubstr(name + "9"));
}

}  // namespace
}  // namespace icsrisk
