// The model loader's checks of form: XML, encoding, elements, attributes, values, positions.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk::model {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using Outcome = testing::ModelOutcome;
using testing::check_model;

/// A valid model, with `assets` as the body of <assets> (it starts on line 5).
std::string with_assets(const std::string& assets) {
  return "<system id=\"t\">\n"
         "  <networks><network id=\"n1\"/></networks>\n"
         "  <countermeasures><countermeasure ref=\"log-collection\"/></countermeasures>\n"
         "  <assets>\n" +
         assets + "  </assets>\n</system>\n";
}

TEST(ModelLoaderTest, TextOutlivesTheFileAndTheParserAndIsSharedByCopies) {
  // The model's text fields are views into Model::text: they must stay valid after the
  // SourceFile and pugixml's document are gone, and in a copy after the original is gone.
  std::optional<Model> copy;
  {
    core::SourceFile f("m.xml",
                       "<system id=\"t\" name=\"A &amp; B\"><assets>"
                       "<asset id=\"plc-1\" name=\"制御&lt;PLC&gt;\" type=\"plc\" importance=\"3\">"
                       "<description>line one\r\nline two</description></asset></assets>"
                       "<business-impacts><impact id=\"bi\" name=\"bi\" level=\"3\">"
                       "<scenario id=\"sc\" name=\"sc\" target=\"plc-1\" attack=\"t\""
                       " bases=\" x  y \"/></impact></business-impacts></system>");
    core::Diagnostics d;
    std::optional<Model> m = load_model(f, d);
    ASSERT_TRUE(m.has_value()) << d.render();
    copy = *m;
  }
  EXPECT_EQ(copy->name, "A & B");
  EXPECT_EQ(copy->assets.at(0).name, "制御<PLC>");
  EXPECT_EQ(copy->assets.at(0).description, "line one\nline two");  // XML end-of-line handling
  EXPECT_EQ(copy->impacts.at(0).scenarios.at(0).bases, (std::vector<std::string_view>{"x", "y"}));
  ASSERT_NE(copy->text, nullptr);
}

TEST(ModelLoaderTest, LargeFlowSectionsReadOnASecondThreadGiveTheSameModelAndDiagnostics) {
  // 5,000 flows (over the loader's threshold for a second thread) in two <dataflows> sections
  // around other sections, with problems in both; then the same file cut to 50 flows, read on
  // one thread. Flows keep file order, and each problem is reported once, at its position.
  auto model = [](int flows) {
    std::string x = "<system id=\"t\">\n<networks><network id=\"n1\"/></networks>\n<dataflows>\n";
    for (int i = 0; i < flows; ++i) {
      if (i == flows / 2)
        x += "</dataflows>\n<assets><asset id=\"a\" type=\"plc\"/></assets>\n<dataflows>\n";
      x += "<flow id=\"f" + std::to_string(i) + "\" from=\"a\" to=\"b\"" +
           (i == 7 ? " colour=\"red\"" : "") + (i == flows - 1 ? " data=\"&amp;\"" : "") + "/>\n";
    }
    return x + "</dataflows>\n</system>\n";
  };
  for (int n : {5000, 50}) {
    core::SourceFile f("m.xml", model(n));
    core::Diagnostics d;
    std::optional<Model> m = load_model(f, d);
    ASSERT_TRUE(m.has_value());
    ASSERT_EQ(m->flows.size(), static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(m->flows[i].id, "f" + std::to_string(i));
    EXPECT_EQ(m->flows.back().data, "&");
    EXPECT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.warning_count(), 1u);
    d.sort();
    EXPECT_EQ(d.render(),
              "m.xml:11:31: warning: unknown attribute 'colour' on <flow> is ignored\n"
              "  <flow id=\"f7\" from=\"a\" to=\"b\" colour=\"red\"/>\n"
              "                                ^\n"
              "m.xml:" +
                  std::to_string(n / 2 + 5) +
                  ":9: error: <asset> needs the attribute 'importance'\n"
                  "  <assets><asset id=\"a\" type=\"plc\"/></assets>\n"
                  "          ^\n")
        << n;
  }
}

TEST(ModelLoaderTest, ExampleModelsLoadWithoutDiagnostics) {
  for (const char* name : {"models/model-plant.xml", "models/small-plant.xml"}) {
    Outcome o = check_model(testing::read_text(testing::source_path(name)));
    EXPECT_TRUE(o.loaded) << name;
    EXPECT_EQ(o.text, "") << name;
  }
}

TEST(ModelLoaderTest, MalformedXmlIsOneErrorAtTheParserPosition) {
  Outcome o =
      check_model("<system id=\"t\">\n  <zones>\n    <zone id=\"z\">\n  </zones>\n</system>\n");
  EXPECT_FALSE(o.loaded);
  EXPECT_EQ(o.errors, 1u);
  EXPECT_EQ(o.text,
            "m.xml:4:5: error: malformed XML: Start-end tags mismatch\n"
            "    </zones>\n"
            "      ^\n");
}

TEST(ModelLoaderTest, EmptyFileIsMalformed) {
  Outcome o = check_model("");
  EXPECT_FALSE(o.loaded);
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:1: error: malformed XML: No document element found\n"));
}

TEST(ModelLoaderTest, NonUtf8InputIsReportedAtTheFirstBadByte) {
  Outcome o = check_model("<system id=\"t\" name=\"caf\xE9\"/>\n");
  EXPECT_FALSE(o.loaded);
  EXPECT_EQ(o.text,
            "m.xml:1:25: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8\n"
            "  <system id=\"t\" name=\"caf?\"/>\n"
            "                          ^\n");
}

TEST(ModelLoaderTest, Utf16InputIsRejectedAsNotUtf8) {
  Outcome o = check_model(std::string("\xFF\xFE<\0s\0", 6));
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:1: error: the file is not valid UTF-8 (byte 0xFF)"));
}

TEST(ModelLoaderTest, WrongRootElementIsAnError) {
  Outcome o = check_model("<?xml version=\"1.0\"?>\n<profile id=\"p\"/>\n");
  EXPECT_FALSE(o.loaded);
  EXPECT_EQ(o.text,
            "m.xml:2:1: error: the root element must be <system>, not <profile>\n"
            "  <profile id=\"p\"/>\n"
            "  ^\n");
}

TEST(ModelLoaderTest, MissingRequiredAttributeIsReportedAtTheElement) {
  Outcome o = check_model(
      with_assets("    <asset id=\"a\" importance=\"2\"><connect network=\"n1\"/></asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:5: error: <asset> needs the attribute 'type'\n"
                                "      <asset id=\"a\" importance=\"2\">"));
}

TEST(ModelLoaderTest, UnknownAttributeIsAWarningWithASuggestion) {
  Outcome o = check_model(with_assets(
      "    <asset id=\"a\" type=\"server\" importanse=\"2\"><connect network=\"n1\"/></asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:33: warning: unknown attribute 'importanse' on <asset> "
                                "is ignored; did you mean 'importance'?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:5: error: <asset> needs the attribute 'importance'\n"));
}

TEST(ModelLoaderTest, UnknownAttributeFarFromAnyNameHasNoSuggestion) {
  Outcome o = check_model("<system id=\"t\" colour=\"red\"/>\n");
  EXPECT_EQ(o.text,
            "m.xml:1:16: warning: unknown attribute 'colour' on <system> is ignored\n"
            "  <system id=\"t\" colour=\"red\"/>\n"
            "                 ^\n");
  EXPECT_EQ(o.errors, 0u);
}

TEST(ModelLoaderTest, UnknownElementIsAWarningWithASuggestion) {
  Outcome o =
      check_model("<system id=\"t\">\n  <asets/>\n  <zones><zoen id=\"z\"/></zones>\n</system>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:3: warning: unknown element <asets> in <system> is "
                                "ignored; did you mean <assets>?\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:3:10: warning: unknown element <zoen> in <zones> is "
                                "ignored; did you mean <zone>?\n"));
  EXPECT_EQ(o.errors, 0u);
}

TEST(ModelLoaderTest, InvalidIdIsReportedAtTheAttribute) {
  Outcome o = check_model("<system id=\"プラント 1\"/>\n");
  EXPECT_EQ(o.text,
            "m.xml:1:9: error: 'プラント 1' is not a valid id: use letters, digits and _ . : -\n"
            "  <system id=\"プラント 1\"/>\n"
            "          ^\n");
}

TEST(ModelLoaderTest, ImportanceOutOfRange) {
  Outcome o = check_model(with_assets(
      "    <asset id=\"a\" type=\"server\" importance=\"4\"><connect network=\"n1\"/></asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:33: error: attribute 'importance' must be an integer "
                                "from 1 to 3, not '4'\n"));
}

TEST(ModelLoaderTest, ImportanceThatIsNotANumber) {
  Outcome o =
      check_model(with_assets("    <asset id=\"a\" type=\"server\" importance=\"high\"><connect "
                              "network=\"n1\"/></asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:33: error: attribute 'importance' must be an integer "
                                "from 1 to 3, not 'high'\n"));
}

TEST(ModelLoaderTest, CountMustBeAtLeastOne) {
  Outcome o =
      check_model(with_assets("    <asset id=\"a\" type=\"server\" importance=\"1\" count=\"0\">"
                              "<connect network=\"n1\"/></asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:48: error: attribute 'count' must be an integer of at "
                                "least 1, not '0'\n"));
}

TEST(ModelLoaderTest, ThreatOverrideLevelOutOfRange) {
  Outcome o =
      check_model(with_assets("    <asset id=\"a\" type=\"server\" importance=\"1\">\n"
                              "      <connect network=\"n1\"/>\n"
                              "      <threat ref=\"malware-infection\" level=\"0\"/>\n"
                              "    </asset>\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:7:39: error: attribute 'level' must be an integer from 1 "
                                "to 3, not '0'\n"));
}

TEST(ModelLoaderTest, EntryThreatLevelImpactLevelAndPurdueLevelOutOfRange) {
  Outcome o = check_model(
      "<system id=\"t\">\n"
      "  <zones><zone id=\"z\" purdue-level=\"6\"/><zone id=\"y\" purdue-level=\"x\"/></zones>\n"
      "  <entry-points><entry id=\"e\" network=\"n\" vector=\"web\" threat-level=\"-1\"/>"
      "</entry-points>\n"
      "  <business-impacts><impact id=\"i\" level=\"3.5\"/></business-impacts>\n"
      "</system>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:23: error: attribute 'purdue-level' must be a number "
                                "from 0 to 5, not '6'\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:54: error: attribute 'purdue-level' must be a number "
                                "from 0 to 5, not 'x'\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:3:56: error: attribute 'threat-level' must be an integer "
                                "from 1 to 3, not '-1'\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:4:36: error: attribute 'level' must be an integer from 1 "
                                "to 3, not '3.5'\n"));
}

TEST(ModelLoaderTest, FractionalPurdueLevelIsAccepted) {
  Outcome o =
      check_model("<system id=\"t\"><zones><zone id=\"z\" purdue-level=\"3.5\"/></zones></system>");
  EXPECT_EQ(o.text, "");
}

TEST(ModelLoaderTest, EntryNeedsExactlyOneOfAssetAndNetwork) {
  Outcome o = check_model(
      "<system id=\"t\">\n"
      "  <networks><network id=\"n\"/></networks>\n"
      "  <entry-points>\n"
      "    <entry id=\"both\" asset=\"a\" network=\"n\" vector=\"web\" threat-level=\"2\"/>\n"
      "    <entry id=\"neither\" vector=\"web\" threat-level=\"2\"/>\n"
      "  </entry-points>\n"
      "</system>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:4:5: error: <entry> names both an asset and a network; "
                                "give exactly one\n"));
  EXPECT_THAT(o.text, HasSubstr("m.xml:5:5: error: <entry> needs exactly one of the attributes "
                                "'asset' or 'network'\n"));
}

TEST(ModelLoaderTest, UnsupportedVersionIsAnError) {
  Outcome o = check_model("<system id=\"t\" version=\"2\"/>");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:16: error: model format version '2' is not supported "
                                "(this icsrisk reads 1)\n"));
}

TEST(ModelLoaderTest, NamespaceIsOptional) {
  std::string body = "<networks><network id=\"n\"/></networks>";
  Outcome with =
      check_model("<system id=\"t\" xmlns=\"urn:icsrisk:model:1\">" + body + "</system>");
  Outcome without = check_model("<system id=\"t\">" + body + "</system>");
  EXPECT_TRUE(with.loaded);
  EXPECT_TRUE(without.loaded);
  EXPECT_EQ(with.text, "");
  EXPECT_EQ(without.text, "");
}

TEST(ModelLoaderTest, ForeignNamespaceIsAWarning) {
  Outcome o = check_model("<system id=\"t\" xmlns=\"urn:icsrisk:profile:1\"/>");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:16: warning: namespace 'urn:icsrisk:profile:1' is not "
                                "'urn:icsrisk:model:1'; reading the file as <system> anyway\n"));
  EXPECT_EQ(o.errors, 0u);
}

TEST(ModelLoaderTest, CrLfFilesHaveTheSamePositionsAsLfFiles) {
  std::string lf = with_assets(
      "    <asset id=\"a\" type=\"server\" importance=\"9\"><connect network=\"n1\"/></asset>\n"
      "    <asset id=\"b\" type=\"sever\" importance=\"1\"><connect network=\"n1\"/></asset>\n");
  std::string crlf;
  for (char c : lf)
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Outcome a = check_model(lf), b = check_model(crlf);
  EXPECT_THAT(a.text, HasSubstr("m.xml:5:33: error: attribute 'importance'"));
  EXPECT_THAT(a.text, HasSubstr("m.xml:6:19: error: unknown asset type 'sever'; did you mean "
                                "'server'?\n"));
  EXPECT_EQ(a.text, b.text);  // same positions, same quoted lines (no stray CR)
  EXPECT_THAT(b.text, Not(HasSubstr("\r")));
}

TEST(ModelLoaderTest, ByteOrderMarkIsNotCountedAsAColumn) {
  Outcome o = check_model("\xEF\xBB\xBF<system id=\"t\">\n  <bogus/>\n</system>\n");
  EXPECT_TRUE(o.loaded);
  EXPECT_THAT(o.text, HasSubstr("m.xml:2:3: warning: unknown element <bogus> in <system>"));
  Outcome first = check_model("\xEF\xBB\xBF<system id=\"t\" colour=\"x\"/>\n");
  EXPECT_THAT(first.text, HasSubstr("m.xml:1:16: warning: unknown attribute 'colour'"));
}

TEST(ModelLoaderTest, CaretIsPlacedAfterJapaneseText) {
  Outcome o = check_model("<system id=\"t\" name=\"日本語の名前\" colour=\"x\"/>\n");
  // Column counts code points (6 kanji/kana = 6 columns); the caret counts terminal cells (12).
  EXPECT_EQ(o.text,
            "m.xml:1:30: warning: unknown attribute 'colour' on <system> is ignored\n"
            "  <system id=\"t\" name=\"日本語の名前\" colour=\"x\"/>\n"
            "                                     ^\n");
}

TEST(ModelLoaderTest, ControlCharactersInIdsDoNotReachTheTerminal) {
  Outcome o = check_model("<system id=\"a&#27;[2Jb\"/>\n");
  EXPECT_THAT(o.text, HasSubstr("m.xml:1:9: error: 'a\\x1B[2Jb' is not a valid id"));
  EXPECT_EQ(o.text.find('\x1b'), std::string::npos);
}

TEST(ModelLoaderTest, DoctypeAndEntitiesAreNotExpanded) {
  Outcome o = check_model(
      "<!DOCTYPE system [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<system id=\"t\" name=\"&x;\"/>\n");
  EXPECT_THAT(o.text, Not(HasSubstr("root:")));
}

}  // namespace
}  // namespace icsrisk::model
