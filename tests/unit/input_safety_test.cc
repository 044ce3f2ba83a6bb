// Issue 13, items 6–10 and 13: what the XML loading layer and the input reader refuse, at
// which position, and the bounds that keep every valid model reportable. Hostile inputs are
// made here, never committed.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "unit/cli_run.h"
#include "unit/golden.h"
#include "unit/model_check.h"
#include "unit/one_lan_model.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::check_model;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read_text;

std::string with_name(const std::string& name) {
  return "<system id=\"s\" name=\"" + name + "\"/>\n";
}

TEST(InputSafetyTest, CharacterReferencesToInvalidCodePointsAreErrorsAtTheirPosition) {
  testing::ModelOutcome o = check_model(
      "<system id=\"s\" name=\"a&#xD800;b\">\n"
      "  <description>&#x110000; &#xFFFE; &#65535; &#0; &#x10FFFF; &#x1b;</description>\n"
      "</system>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:23: error: character reference '&#xD800;' (U+D800)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:16: error: character reference '&#x110000;' is past "
                                "U+10FFFF"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:27: error: character reference '&#xFFFE;' (U+FFFE)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:36: error: character reference '&#65535;' (U+FFFF)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:45: error: character reference '&#0;' (U+0000)"));
  EXPECT_EQ(o.errors, 5u) << o.text;  // U+10FFFF and ESC are characters XML allows
}

TEST(InputSafetyTest, ReferencesInCommentsAndCdataAreText) {
  testing::ModelOutcome o = check_model(
      "<!-- &#xD800; --><?pi &#0;?><system id=\"s\">"
      "<description><![CDATA[&#x110000;]]></description></system>\n");
  EXPECT_EQ(o.errors, 0u) << o.text;
}

// Found by fuzz_aml: "<![CDATA[" inside an attribute value (pugixml accepts '<' there) made
// the check skip to a "]]>" that never came, and the reference after it, a surrogate, went
// into the model as bytes that are not UTF-8. An attribute's text is text: its references are
// checked, whatever it holds; a '>' or a quote inside another quote ends nothing.
TEST(InputSafetyTest, ReferencesInAttributeValuesAreCheckedWhatEverTheValueHolds) {
  testing::ModelOutcome o = check_model(
      "<system id=\"s\" name=\"x <![CDATA[ &#56657; <!-- ' > &#xD800;\">\n"
      "  <description>&#xFFFE;</description>\n"
      "</system>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:34: error: character reference '&#56657;' (U+DD51)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:52: error: character reference '&#xD800;' (U+D800)"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:16: error: character reference '&#xFFFE;' (U+FFFE)"));
  EXPECT_EQ(o.errors, 3u) << o.text;
}

TEST(InputSafetyTest, SecondRootElementIsAnError) {
  testing::ModelOutcome o = check_model("<system id=\"a\"/>\n<system id=\"b\"/>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:1: error: a second root element <system>"));
  EXPECT_EQ(o.errors, 1u);
}

TEST(InputSafetyTest, TextOutsideTheRootElementIsAnError) {
  testing::ModelOutcome o = check_model("<system id=\"a\"/>\n  junk\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:3: error: text outside the root element"));
  EXPECT_EQ(o.errors, 1u);
  // White space, comments and processing instructions around the root are fine.
  EXPECT_EQ(
      check_model("<?xml version=\"1.0\"?>\n<!-- c -->\n<system id=\"a\"/>\n<!-- d -->\n").errors,
      0u);
  EXPECT_THAT(check_model("<!-- only a comment -->\n").text,
              HasSubstr("m.xml:1:1: error: malformed XML: No document element found"));
}

TEST(InputSafetyTest, TrailingNulBytesAreAnError) {
  testing::ModelOutcome o = check_model(std::string("<system id=\"a\"/>\n\0\0\0", 20));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:1: error: the file holds 3 NUL bytes from here"));
  EXPECT_FALSE(o.loaded);
}

TEST(InputSafetyTest, TextAttributesHoldAtMostTwoThousandCharacters) {
  std::string kana;
  for (int i = 0; i < 2000; ++i)
    kana += "あ";
  EXPECT_EQ(check_model(with_name(kana)).errors, 0u);  // 6,000 bytes, 2,000 characters
  testing::ModelOutcome o = check_model(with_name(kana + "x"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:16: error: attribute 'name' of <system> is 2001 "
                                "characters long; text attributes hold at most 2000"));
  // A 100 MB name (issue: 255 s and 7 GB of output) stops at validation.
  o = check_model(with_name(std::string(100'000'000, 'n')));
  EXPECT_EQ(o.errors, 1u);
  EXPECT_THAT(o.text, HasSubstr("is 100000000 characters long"));
}

TEST(InputSafetyTest, IdListsAreNotTextAttributes) {
  // `bases` is a list of ids: long lists are fine.
  std::string xml = "<system id=\"s\"><networks><network id=\"n\"/></networks><assets>";
  std::string bases;
  for (int i = 0; i < 150; ++i) {
    std::string id = "base-asset-number-" + std::to_string(i);
    xml +=
        "<asset id=\"" + id + "\" type=\"hmi\" importance=\"1\"><connect network=\"n\"/></asset>";
    bases += (bases.empty() ? "" : " ") + id;
  }
  xml +=
      "<asset id=\"t\" type=\"plc\" importance=\"3\"><connect network=\"n\"/></asset></assets>"
      "<dataflows>";
  for (int i = 0; i < 150; ++i)
    xml += "<flow id=\"f" + std::to_string(i) + "\" from=\"base-asset-number-" + std::to_string(i) +
           "\" to=\"t\"/>";
  xml +=
      "</dataflows><business-impacts><impact id=\"i\" level=\"3\"><scenario id=\"sc\" "
      "target=\"t\" attack=\"unauthorized-transmission\" bases=\"" +
      bases + "\"/></impact></business-impacts></system>\n";
  ASSERT_GT(bases.size(), 2000u);
  testing::ModelOutcome o = check_model(xml);
  EXPECT_EQ(o.errors, 0u) << o.text;
}

TEST(InputSafetyTest, UnknownAttributeWarningsPointAtEachAttribute) {
  testing::ModelOutcome o = check_model("<system id=\"s\" a1=\"1\"\n  a2=\"2\" a1=\"3\"/>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:16: warning: unknown attribute 'a1'"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:3: warning: unknown attribute 'a2'"));
}

/// Runs shell text in `dir`; returns the exit code (-1 when killed) and the output files.
testing::CliResult shell(const std::string& dir, const std::string& text) {
  std::string cmd = "cd '" + dir + "' && (" + text + ") >out.txt 2>err.txt";
  int status = std::system(cmd.c_str());
  testing::CliResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(dir + "/out.txt");
  r.err = read_text(dir + "/err.txt");
  return r;
}

const std::string kBinary = std::string("'") + ICSRISK_BINARY + "'";

/// A 2 GB address-space cap, so a run that reads without end fails fast instead of exhausting
/// the machine. AddressSanitizer reserves terabytes of shadow memory and cannot start under it.
#ifdef ICSRISK_SANITIZE
const std::string kMemoryCap;
#else
const std::string kMemoryCap = "ulimit -v 2000000; ";
#endif

class InputLimitsCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_dir("icsrisk-input-limits"); }
  void TearDown() override { fs::remove_all(dir_); }
  testing::CliResult sh(const std::string& text) { return shell(dir_.string(), text); }
  fs::path dir_;
};

TEST_F(InputLimitsCliTest, DeviceThatNeverEndsIsRefusedWithoutReading) {
  // Before: /dev/zero was read until bad_alloc (here within a 2 GB address space: exit 70).
  testing::CliResult r = sh(kMemoryCap + kBinary + " validate /dev/zero");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_THAT(r.err, HasSubstr("cannot read '/dev/zero': it is not a regular file or a pipe"));
}

TEST_F(InputLimitsCliTest, EndlessPipeStopsAtTheInputLimit) {
  testing::CliResult r = sh(kMemoryCap + "yes '<system/>' | " + kBinary + " validate /dev/stdin");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_THAT(r.err, HasSubstr("it is larger than 256 MiB (the input limit; raise it with "
                               "--max-input-mib)"));
}

TEST_F(InputLimitsCliTest, SixThousandAssetsOnOneLanAnalyseInBoundedMemory) {
  // Issue 13 item 12: every asset of a LAN can step to every other. The quantitative stage's
  // chain held that clique as explicit steps: 2,000 assets on one LAN peaked at 670 MB, 8,000
  // grew past 10 GB. With one hub state per segment, 8,000 take 41 MB; here 6,000 run within a
  // 2 GB address space.
  const int n = 6000;
  const std::string xml = testing::one_lan_model(
      n,
      "<entry-points><entry id=\"e1\" asset=\"a0\" vector=\"media\" threat-level=\"2\"/>"
      "</entry-points><business-impacts><impact id=\"bi\" name=\"x\" level=\"3\">"
      "<scenario id=\"s1\" target=\"a" +
          std::to_string(n - 1) + "\" attack=\"function-stop\"/></impact></business-impacts>");
  std::ofstream(dir_ / "lan.xml") << xml;
  testing::CliResult r = sh(kMemoryCap + kBinary + " analyze lan.xml -o out --format json");
  ASSERT_EQ(r.code, 0) << r.err.substr(0, 2000);
  std::string json = testing::read_text((dir_ / "out" / "results.json").string());
  EXPECT_THAT(json, HasSubstr("\"p_goal\""));
}

TEST_F(InputLimitsCliTest, LargeFileIsRefusedUnlessTheLimitIsRaised) {
  // A sparse 2 MiB file of NUL bytes: refused by size under a 1 MiB limit, read under 3 MiB
  // (and then rejected for its content).
  std::ofstream(dir_ / "big.xml").close();
  std::filesystem::resize_file(dir_ / "big.xml", 2u << 20);
  testing::CliResult r = sh(kBinary + " validate big.xml --max-input-mib 1");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_THAT(r.err, HasSubstr("'big.xml': it is larger than 1 MiB"));
  r = sh(kBinary + " --max-input-mib 3 validate big.xml");
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("big.xml:1:1: error: the file holds 2097152 NUL bytes"));
}

// The three tests below pin what is reported at scale; the time they take is measured, not
// asserted (README "Limits": 100,000 unknown attributes 0.2 s, where the old rescans took
// over 200 s).
TEST_F(InputLimitsCliTest, ManyUnknownAttributesAreEachReportedAtTheirPosition) {
  // 100,000 unknown attributes on one element: each warning used to rescan the tag.
  std::string xml = "<system id=\"s\"";
  for (int i = 0; i < 100000; ++i)
    xml += "\n  x" + std::to_string(i) + "=\"1\"";
  xml += "/>\n";
  std::ofstream(dir_ / "m.xml") << xml;
  testing::CliResult r = sh(kBinary + " validate m.xml");
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_THAT(r.err, HasSubstr("m.xml:100001:3: warning: unknown attribute 'x99999'"));
  EXPECT_THAT(r.err, HasSubstr("0 errors, 100000 warnings"));
}

TEST_F(InputLimitsCliTest, ManyUnknownIdsInOneListAreEachReportedAtTheirPosition) {
  // 100,000 unknown attack bases: each error used to rescan the list for its word (O(N²)).
  std::string xml =
      "<system id=\"s\"><networks><network id=\"n\"/></networks><assets><asset id=\"t\" "
      "type=\"plc\" importance=\"3\"><connect network=\"n\"/></asset></assets>"
      "<business-impacts><impact id=\"i\" level=\"3\"><scenario id=\"sc\" target=\"t\" "
      "attack=\"unauthorized-transmission\"\n bases=\"";
  for (int i = 0; i < 100000; ++i)
    xml += "b" + std::to_string(i) + " ";
  xml += "\"/></impact></business-impacts></system>\n";
  std::ofstream(dir_ / "m.xml") << xml;
  testing::CliResult r = sh(kBinary + " validate m.xml");
  EXPECT_EQ(r.code, 3) << r.err.substr(0, 500);
  std::size_t col = xml.find("b99999 ") - (xml.find("\n bases") + 1) + 1;
  EXPECT_THAT(r.err,
              HasSubstr("m.xml:2:" + std::to_string(col) + ": error: unknown asset 'b99999'"));
  EXPECT_THAT(r.err, HasSubstr("100000 errors"));
}

TEST_F(InputLimitsCliTest, ManyUnknownThreatsInAProfileListAreEachReported) {
  std::string profile = read_text(testing::source_path("models/profiles/ipa-2018.xml"));
  std::string unknown;
  for (int i = 0; i < 100000; ++i)
    unknown += " t" + std::to_string(i);
  std::size_t at = profile.find("counters=\"unauthorized-access overload\"");
  ASSERT_NE(at, std::string::npos);
  profile.insert(at + std::string("counters=\"unauthorized-access overload").size(), unknown);
  std::ofstream(dir_ / "p.xml") << profile;
  testing::CliResult r = sh(kBinary + " profile show --profile p.xml");
  EXPECT_EQ(r.code, 3) << r.err.substr(0, 500);
  EXPECT_THAT(r.err, HasSubstr("error: unknown threat 't99999'"));
  EXPECT_THAT(r.err, HasSubstr("100000 errors"));
}

}  // namespace
}  // namespace icsrisk
