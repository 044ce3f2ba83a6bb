// icsrisk.xlsx: the sheet XML read back with unzip.

#include <gtest/gtest.h>

#include <zlib.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "report/tables.h"
#include "report/xlsx.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"
#include "unit/shell_output.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_dir("icsrisk-xlsx"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& model_relative, const std::string& name,
                    std::size_t constant_memory_cells = report::kConstantMemoryCells) {
    auto l = testing::load(read_text(source_path(model_relative)));
    risk::Results r = l->analyze();
    report::Report rep = report::build_report(*l->model, *l->profile, r, model::Lang::kJa);
    std::string path = (dir_ / name).string();
    auto s = report::write_xlsx(rep, path, constant_memory_cells);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return path;
  }
  static std::string part(const std::string& xlsx, const std::string& member) {
    return testing::unzip_member(xlsx, member);
  }

  fs::path dir_;
};

TEST_F(XlsxTest, HasOneSheetPerTableWithMergedGroupHeaderAndFrozenPanes) {
  std::string x = write("models/model-plant.xml", "plant.xlsx");
  std::string wb = part(x, "xl/workbook.xml");
  for (const char* name : {"資産一覧", "データフローマトリクス", "資産ベースのリスク分析シート",
                           "事業被害ベースのリスク分析シート"})
    EXPECT_NE(wb.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  std::string sheet = part(x, "xl/worksheets/sheet3.xml");
  // Header rows 4-5: No. merged over both rows; 対策: 防御 over G4:H4 (two stages).
  EXPECT_NE(sheet.find("<mergeCell ref=\"A4:A5\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<mergeCell ref=\"G4:H4\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<mergeCell ref=\"P4:S4\"/>"), std::string::npos);  // after planned
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("ySplit=\"5\""), std::string::npos);
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  std::string strings = part(x, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("再構成値を含む"), std::string::npos);
  EXPECT_NE(strings.find("侵入・拡散段階"), std::string::npos);
  // Risk fills A..E.
  std::string styles = part(x, "xl/styles.xml");
  EXPECT_NE(styles.find("FFFF6B6B"), std::string::npos);
  EXPECT_NE(styles.find("FF69C38E"), std::string::npos);
  // The business-impact sheet: a route's values are merged over its step rows (K..N from row 6).
  std::string impact = part(x, "xl/worksheets/sheet4.xml");
  EXPECT_NE(impact.find("<mergeCell ref=\"N6:N7\"/>"), std::string::npos);
  EXPECT_NE(impact.find("<mergeCell ref=\"K6:K7\"/>"), std::string::npos);
  EXPECT_NE(impact.find("<c r=\"K6\" s=\""), std::string::npos);
  std::size_t k6 = impact.find("<c r=\"K6\"");
  ASSERT_NE(k6, std::string::npos);
  std::string k6_cell = impact.substr(k6, impact.find("</c>", k6) - k6);
  EXPECT_EQ(k6_cell.find("t=\"s\""), std::string::npos) << k6_cell;  // stays a number
  EXPECT_NE(k6_cell.find("<v>3</v>"), std::string::npos) << k6_cell;
  // Column B (names) is wider than the No. column: widths follow the text.
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"5."), std::string::npos);
}

TEST_F(XlsxTest, EmptyBodyCellsAreNotWrittenAndOneBlankCellsRuleDrawsTheirBorders) {
  std::string x = write("models/model-plant.xml", "plant.xlsx");
  std::string sheet = part(x, "xl/worksheets/sheet3.xml");
  // Row 6 (the first body row): G6 holds a protection, H6 (its second column) is empty.
  EXPECT_NE(sheet.find("<c r=\"G6\""), std::string::npos);
  EXPECT_EQ(sheet.find("<c r=\"H6\""), std::string::npos);
  // One rule over the whole body, anchored at its top-left cell, with a thin border.
  EXPECT_NE(sheet.find("<conditionalFormatting sqref=\"A6:S"), std::string::npos);
  EXPECT_NE(sheet.find("<formula>LEN(TRIM(A6))=0</formula>"), std::string::npos);
  std::string styles = part(x, "xl/styles.xml");
  std::size_t dxf = styles.find("<dxfs count=\"1\"><dxf><border><left style=\"thin\">");
  EXPECT_NE(dxf, std::string::npos) << styles;
  // The same in constant-memory mode, where the cells are written inline.
  std::string big =
      part(write("models/model-plant.xml", "big.xlsx", 0), "xl/worksheets/sheet3.xml");
  EXPECT_EQ(big.find("<c r=\"H6\""), std::string::npos);
  EXPECT_NE(big.find("<formula>LEN(TRIM(A6))=0</formula>"), std::string::npos);
}

TEST_F(XlsxTest, HostileNamesAreStringCellsNeverFormulas) {
  std::string x = write("tests/data/analysis/hostile.xml", "hostile.xlsx");
  for (int i = 1; i <= 4; ++i) {
    std::string sheet = part(x, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
    ASSERT_FALSE(sheet.empty());
    EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "sheet " << i;
  }
  std::string strings = part(x, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("<t>=HYPERLINK(\"http://x\")</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("<t>-1+1</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>@SUM(A1)</t>"), std::string::npos);
  EXPECT_NE(strings.find("&lt;script&gt;"), std::string::npos);
  // The asset names are shared-string cells (t="s") in the asset list, column C.
  std::string list = part(x, "xl/worksheets/sheet1.xml");
  EXPECT_NE(list.find("<c r=\"C5\" s=\""), std::string::npos);
  EXPECT_NE(list.find("t=\"s\"><v>"), std::string::npos);
}

TEST_F(XlsxTest, EnglishSheetNamesFitExcelsLimit) {
  auto l = testing::load(read_text(source_path("tests/data/analysis/worst-c.xml")));
  report::Report rep = report::build_report(*l->model, *l->profile, l->analyze(), model::Lang::kEn);
  std::string path = (dir_ / "en.xlsx").string();
  ASSERT_TRUE(report::write_xlsx(rep, path).ok());
  EXPECT_NE(part(path, "xl/workbook.xml").find("name=\"Business-impact risk\""), std::string::npos);
}

TEST_F(XlsxTest, ConstantMemoryModeForBigTablesWritesEveryRowInline) {
  std::string x = write("tests/data/analysis/hostile.xml", "big.xlsx", 0);
  std::string sheet = part(x, "xl/worksheets/sheet3.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  // Inline strings: the hostile name is text in the cell itself.
  std::string list = part(x, "xl/worksheets/sheet1.xml");
  EXPECT_NE(list.find("t=\"inlineStr\"><is><t>=HYPERLINK(\"http://x\")</t>"), std::string::npos)
      << list.substr(0, 3000);
  EXPECT_NE(sheet.find("侵入・拡散段階"), std::string::npos);
}

TEST_F(XlsxTest, TwoRunsAreByteIdentical) {
  std::string a = write("models/model-plant.xml", "a.xlsx");
  std::string b = write("models/model-plant.xml", "b.xlsx");
  std::string ta = read_text(a), tb = read_text(b);
  ASSERT_GT(ta.size(), 1000u);
  EXPECT_TRUE(ta == tb);
  EXPECT_NE(part(a, "docProps/core.xml").find("2018-01-01T00:00:00Z"), std::string::npos);
}

/// The size of `data` deflated raw at `level`, with the memory level and strategy minizip uses.
std::size_t raw_deflate_size(const std::string& data, int level) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  std::size_t n = z.total_out;
  deflateEnd(&z);
  return n;
}

// The sheets are deflated at zlib's fastest level (report/xlsx_zip.cc), not libxlsxwriter's
// default: the entry's compressed size is that of a level-1 stream of its bytes. A deflate
// stream made outside the workbook's close keeps the level it asks for.
TEST_F(XlsxTest, SheetEntriesAreDeflatedAtTheFastestLevel) {
  std::string x = write("models/model-plant.xml", "plant.xlsx");
  const std::string member = "xl/worksheets/sheet3.xml";
  std::string sheet = part(x, member);
  ASSERT_GT(sheet.size(), 10000u);
  std::size_t fast = raw_deflate_size(sheet, Z_BEST_SPEED);
  ASSERT_NE(fast, raw_deflate_size(sheet, Z_DEFAULT_COMPRESSION));  // the levels differ here
  std::istringstream listing(testing::shell_output("unzip -v '" + x + "'"));
  std::string line;
  std::size_t stored = 0;
  while (std::getline(listing, line)) {
    if (!line.ends_with(" " + member)) continue;
    std::istringstream fields(line);
    std::size_t length = 0;
    std::string method;
    fields >> length >> method >> stored;
    EXPECT_EQ(length, sheet.size());
    EXPECT_EQ(method, "Defl:N");
  }
  EXPECT_EQ(stored, fast);
}

TEST_F(XlsxTest, UnwritablePathIsAnError) {
  auto l = testing::load(read_text(source_path("tests/data/analysis/worst-c.xml")));
  report::Report rep = report::build_report(*l->model, *l->profile, l->analyze(), model::Lang::kEn);
  auto s = report::write_xlsx(rep, (dir_ / "no-such-dir" / "x.xlsx").string());
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace icsrisk
