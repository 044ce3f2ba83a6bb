// core: source positions, diagnostic rendering and the text helpers the loaders rely on.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "core/source.h"
#include "core/text.h"

namespace icsrisk::core {
namespace {

using ::testing::HasSubstr;

std::string render_error_at(const SourceFile& f, std::size_t offset, std::string message) {
  Diagnostics d;
  d.error(Loc{&f, offset}, std::move(message));
  return d.render();
}

TEST(SourceFileTest, CountsLinesAndColumnsWithLfEndings) {
  SourceFile f("a.xml", "ab\ncd\n\nef");
  EXPECT_EQ(f.line_of(0), 1u);
  EXPECT_EQ(f.column_of(1), 2u);
  EXPECT_EQ(f.line_of(3), 2u);
  EXPECT_EQ(f.column_of(4), 2u);
  EXPECT_EQ(f.line_of(6), 3u);
  EXPECT_EQ(f.line_of(8), 4u);
  EXPECT_EQ(f.column_of(8), 2u);
  EXPECT_EQ(f.line_text(2), "cd");
  EXPECT_EQ(f.line_text(3), "");
  EXPECT_EQ(f.line_text(4), "ef");
}

TEST(SourceFileTest, CrLfEndingsGiveTheSamePositionsAndDropTheCr) {
  SourceFile f("a.xml", "ab\r\ncd\r\n");
  EXPECT_EQ(f.line_of(4), 2u);
  EXPECT_EQ(f.column_of(5), 2u);
  EXPECT_EQ(f.line_text(1), "ab");
  EXPECT_EQ(f.line_text(2), "cd");
}

TEST(SourceFileTest, ColumnsCountCodePointsNotBytes) {
  SourceFile f("a.xml", "名前=\"x\"");  // 名 and 前 are 3 bytes each
  EXPECT_EQ(f.column_of(6), 3u);        // '='
}

TEST(SourceFileTest, ColumnsOnVeryLongLinesMatchACountFromTheLineStart) {
  // Long lines use checkpoints; the result must equal a plain count of code points.
  std::string text = "first line\n";
  for (int i = 0; i < 9000; ++i)
    text += (i % 3 == 0) ? "日" : "ab";
  text += "\nlast";
  SourceFile f("a.xml", text);
  std::size_t start = text.find('\n') + 1;
  for (std::size_t offset : {start, start + 3, start + 4096, start + 4097, start + 12345,
                             start + 20000, text.size() - 6}) {
    std::uint32_t expected = 1;
    for (std::size_t i = start; i < offset; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++expected;
    EXPECT_EQ(f.column_of(offset), expected) << offset;
    EXPECT_EQ(f.line_of(offset), 2u);
  }
  EXPECT_EQ(f.column_of(text.size() - 1), 4u);  // "last" is on its own line
  SourceFile bom("b.xml", "\xEF\xBB\xBF" + std::string(20000, 'x'));
  EXPECT_EQ(bom.column_of(3), 1u);
  EXPECT_EQ(bom.column_of(3 + 17000), 17001u);
}

TEST(DiagnosticsTest, RendersPositionSourceLineAndCaret) {
  SourceFile f("m.xml", "<a>\n  <b c=\"1\"/>\n</a>\n");
  EXPECT_EQ(render_error_at(f, 6, "bad"), "m.xml:2:3: error: bad\n    <b c=\"1\"/>\n    ^\n");
}

TEST(DiagnosticsTest, CaretLinesUpUnderWideJapaneseText) {
  // Two wide characters take four terminal cells: the caret needs four spaces, not two.
  SourceFile f("m.xml", "名前<x/>");
  EXPECT_EQ(render_error_at(f, 6, "here"), "m.xml:1:3: error: here\n  名前<x/>\n      ^\n");
}

TEST(DiagnosticsTest, ControlCharactersInMessagesAreEscaped) {
  SourceFile f("m.xml", "<a/>");
  std::string out = render_error_at(f, 0, "unknown asset 'x\x1b[31my\n'");
  EXPECT_THAT(out, HasSubstr("m.xml:1:1: error: unknown asset 'x\\x1B[31my\\x0A'\n"));
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(DiagnosticsTest, BidiOverridesInMessagesAreEscaped) {
  SourceFile f("m.xml", "<a/>");
  std::string out = render_error_at(f, 0, "name '\u202Eabc'");
  EXPECT_THAT(out, HasSubstr("error: name '\\u{202E}abc'\n"));
}

TEST(DiagnosticsTest, ControlCharactersInTheQuotedLineShowAsSpacesAndKeepTheCaret) {
  SourceFile f("m.xml", "\t<a\x01 b/>");
  EXPECT_EQ(render_error_at(f, 5, "b"), "m.xml:1:6: error: b\n   <a  b/>\n       ^\n");
}

TEST(DiagnosticsTest, InvalidBytesInTheQuotedLineShowAsQuestionMarks) {
  SourceFile f("m.xml", "ab\xff\xfe<c/>");
  std::string out = render_error_at(f, 2, "not UTF-8");
  EXPECT_EQ(out,
            "m.xml:1:3: error: not UTF-8\n  ab?"
            "?<c/>\n    ^\n");
}

TEST(DiagnosticsTest, LongLinesAreCutToAWindowAroundTheCaret) {
  std::string line = std::string(500, 'x') + "<bad/>" + std::string(500, 'y');
  SourceFile f("m.xml", line);
  std::string out = render_error_at(f, 500, "here");
  EXPECT_EQ(out, "m.xml:1:501: error: here\n  ..." + std::string(80, 'x') + "<bad/>" +
                     std::string(74, 'y') + "...\n  " + std::string(83, ' ') + "^\n");
}

TEST(DiagnosticsTest, LongJapaneseLinesAreCutOnCharacterBoundaries) {
  std::string line;
  for (int i = 0; i < 300; ++i)
    line += "名";
  line += "<x/>";
  SourceFile f("m.xml", line);
  std::string out = render_error_at(f, 900, "here");
  std::string shown;
  for (int i = 0; i < 80; ++i)
    shown += "名";
  EXPECT_EQ(out,
            "m.xml:1:301: error: here\n  ..." + shown + "<x/>\n  " + std::string(163, ' ') + "^\n");
}

TEST(DiagnosticsTest, NotesFollowTheirDiagnosticAndSortKeepsThemAttached) {
  SourceFile f("m.xml", "<a id=\"x\"/>\n<a id=\"x\"/>\n");
  Diagnostics d;
  d.error(Loc{&f, 12}, "second");
  d.note(Loc{&f, 0}, "first defined here");
  d.warning(Loc{&f, 0}, "first");
  d.sort();
  EXPECT_EQ(d.render(),
            "m.xml:1:1: warning: first\n  <a id=\"x\"/>\n  ^\n"
            "m.xml:2:1: error: second\n  <a id=\"x\"/>\n  ^\n"
            "m.xml:1:1: note: first defined here\n  <a id=\"x\"/>\n  ^\n");
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.warning_count(), 1u);
}

TEST(DiagnosticsTest, SortOrdersByFileThenOffsetStably) {
  SourceFile a("a.xml", "0123456789"), b("b.xml", "0123456789");
  Diagnostics d;
  d.error(Loc{&b, 1}, "b1");
  d.error(Loc{&a, 5}, "a5");
  d.error(Loc{&a, 2}, "a2-first");
  d.error(Loc{&a, 2}, "a2-second");
  d.sort();
  ASSERT_EQ(d.all().size(), 4u);
  EXPECT_EQ(d.all()[0].message, "a2-first");
  EXPECT_EQ(d.all()[1].message, "a2-second");
  EXPECT_EQ(d.all()[2].message, "a5");
  EXPECT_EQ(d.all()[3].message, "b1");
}

TEST(DiagnosticsTest, UnpositionedDiagnosticsNameTheTool) {
  Diagnostics d;
  d.error(Loc{}, "no file");
  EXPECT_EQ(d.render(), "icsrisk: error: no file\n");
}

TEST(AttributeLocTest, FindsTheAttributeInTheStartTagOnly) {
  SourceFile f("m.xml", "<asset id='a'\r\n       type = \"plc\"><x type=\"y\"/></asset>");
  Loc type = attribute_loc(Loc{&f, 0}, "type");
  EXPECT_EQ(f.line_of(type.offset), 2u);
  EXPECT_EQ(f.column_of(type.offset), 8u);
  EXPECT_EQ(attribute_loc(Loc{&f, 0}, "missing").offset, 0u);
  EXPECT_EQ(attribute_loc(Loc{&f, 0}, "d").offset, 0u);  // not a prefix match of "id"
}

TEST(AttributeLocTest, SurvivesUnterminatedTags) {
  SourceFile f("m.xml", "<a b=\"unterminated");
  EXPECT_EQ(attribute_loc(Loc{&f, 0}, "c").offset, 0u);
  SourceFile g("m.xml", "<a b=");
  EXPECT_EQ(attribute_loc(Loc{&g, 0}, "c").offset, 0u);
}

TEST(AttributeLocTest, FindsOneWordOfAListValue) {
  SourceFile f("m.xml", "<s bases=\"a1  zz\" b='zz'/>");
  EXPECT_EQ(attribute_token_loc(Loc{&f, 0}, "bases", "zz").offset, 14u);
  EXPECT_EQ(attribute_token_loc(Loc{&f, 0}, "bases", "a1").offset, 10u);
  EXPECT_EQ(attribute_token_loc(Loc{&f, 0}, "bases", "z").offset, 3u);  // whole words only
  EXPECT_EQ(attribute_token_loc(Loc{&f, 0}, "b", "zz").offset, 21u);
  EXPECT_EQ(attribute_token_loc(Loc{&f, 0}, "c", "zz").offset, 0u);
}

TEST(TextTest, ParseIntAcceptsWholeDecimalsOnly) {
  long long v = 0;
  EXPECT_TRUE(parse_int("3", v));
  EXPECT_EQ(v, 3);
  EXPECT_TRUE(parse_int("+2", v));
  EXPECT_EQ(v, 2);
  EXPECT_TRUE(parse_int("-1", v));
  EXPECT_EQ(v, -1);
  for (const char* bad :
       {"", "+", "-", "+-1", "1.0", "1e3", " 1", "0x3", "3a", "99999999999999999999"})
    EXPECT_FALSE(parse_int(bad, v)) << bad;
}

TEST(TextTest, Utf8ValidationIsStrictAndPointsAtTheFirstBadByte) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("日本語 \xF0\x9F\x98\x80"));
  EXPECT_EQ(utf8_error_offset("ab\xE9z"), 2u);           // Latin-1 é
  EXPECT_EQ(utf8_error_offset("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(utf8_error_offset("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(utf8_error_offset("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(utf8_error_offset("ok\xE3\x81"), 2u);        // truncated sequence
  EXPECT_EQ(utf8_error_offset("\x80"), 0u);              // stray continuation byte
  EXPECT_EQ(utf8_error_offset("\xEF\xBB\xBF<a/>"), std::string_view::npos);  // BOM is fine
}

TEST(TextTest, ClosestMatchSuggestsOnlyPlausibleTypos) {
  std::vector<std::string_view> ids = {"anti-virus", "backup", "ids", "ips"};
  EXPECT_EQ(closest_match("anti-virs", ids), "anti-virus");
  EXPECT_EQ(closest_match("bakup", ids), "backup");
  EXPECT_EQ(closest_match("firewall", ids), "");
  EXPECT_EQ(closest_match(std::string(10000, 'a'), ids), "");
}

TEST(TextTest, IdsAndWhitespaceSplitting) {
  EXPECT_TRUE(is_valid_id("a-b_c.d:1"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("a b"));
  EXPECT_FALSE(is_valid_id("資産"));
  EXPECT_EQ(split_ws(" a\tb\r\n c "), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace icsrisk::core

namespace icsrisk::core {
namespace {

TEST(MarkupEntityTest, EachFlavourReplacesItsCharactersOnly) {
  for (Entities e : {Entities::kText, Entities::kQuote, Entities::kQuotes}) {
    EXPECT_STREQ(markup_entity('&', e), "&amp;");
    EXPECT_STREQ(markup_entity('<', e), "&lt;");
    EXPECT_STREQ(markup_entity('>', e), "&gt;");
    EXPECT_EQ(markup_entity('a', e), nullptr);
    EXPECT_EQ(markup_entity('\n', e), nullptr);
  }
  EXPECT_EQ(markup_entity('"', Entities::kText), nullptr);
  EXPECT_STREQ(markup_entity('"', Entities::kQuote), "&quot;");
  EXPECT_EQ(markup_entity('\'', Entities::kQuote), nullptr);
  EXPECT_STREQ(markup_entity('\'', Entities::kQuotes), "&#39;");
}

}  // namespace
}  // namespace icsrisk::core
