// Issue 14, item 7: icsrisk.xlsx filters and prints — an autofilter on every sheet, A4
// landscape one page wide with the header rows repeated, and a scenario's cells merged over its
// rows with the value under every merged cell (so filtering keeps all of a scenario's rows).

#include <gtest/gtest.h>

#include <filesystem>
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
using testing::shell_output;
using testing::source_path;

/// The text of cell `ref` (`<c r="ref" …>…</c>`) in sheet XML, or "" when absent.
std::string cell_xml(const std::string& sheet, const std::string& ref) {
  std::size_t at = sheet.find("<c r=\"" + ref + "\"");
  if (at == std::string::npos) return "";
  std::size_t end = sheet.find_first_of("<", at + 1);
  std::size_t close = sheet.find("</c>", at);
  std::size_t self = sheet.find("/>", at);
  if (self != std::string::npos && self < end + 1 && (close == std::string::npos || self < close))
    return sheet.substr(at, self - at + 2);
  return sheet.substr(at, close - at + 4);
}

class XlsxPrintTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_dir("icsrisk-xlsx-print"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(std::size_t constant_memory_cells = report::kConstantMemoryCells) {
    auto l = testing::load(read_text(source_path("models/model-plant.xml")));
    report::Report rep =
        report::build_report(*l->model, *l->profile, l->analyze(), model::Lang::kJa);
    std::string path = (dir_ / "plant.xlsx").string();
    auto s = report::write_xlsx(rep, path, constant_memory_cells);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return path;
  }
  static std::string part(const std::string& xlsx, const std::string& member) {
    return shell_output("unzip -p '" + xlsx + "' '" + member + "'");
  }

  fs::path dir_;
};

TEST_F(XlsxPrintTest, EverySheetHasAnAutofilterAndLandscapeFitToWidthPrintSetup) {
  std::string x = write();
  for (int i = 1; i <= 4; ++i) {
    std::string sheet = part(x, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
    ASSERT_FALSE(sheet.empty()) << i;
    EXPECT_NE(sheet.find("<autoFilter ref=\""), std::string::npos) << "sheet " << i;
    // Fit to pages, one page wide (fitToWidth="1" is the default, so it is not written) and
    // as many tall as needed (fitToHeight="0"); A4 (paperSize 9), landscape.
    EXPECT_NE(
        sheet.find("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"),
        std::string::npos)
        << "sheet " << i;
    EXPECT_EQ(sheet.find("fitToWidth="), std::string::npos) << "sheet " << i;
    EXPECT_NE(sheet.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos) << "sheet " << i;
  }
  // The asset-based sheet's autofilter sits on the lower header row (5) over columns A..last.
  std::string risk = part(x, "xl/worksheets/sheet3.xml");
  EXPECT_NE(risk.find("<autoFilter ref=\"A5:"), std::string::npos);
  // Header rows repeat on every printed page: rows 4-5 of grouped sheets, row 4 of the list.
  std::string wb = part(x, "xl/workbook.xml");
  EXPECT_NE(wb.find("_xlnm.Print_Titles\" localSheetId=\"0\">'資産一覧'!$4:$4<"), std::string::npos)
      << wb;
  EXPECT_NE(
      wb.find("_xlnm.Print_Titles\" localSheetId=\"2\">'資産ベースのリスク分析シート'!$4:$5<"),
      std::string::npos)
      << wb;
}

TEST_F(XlsxPrintTest, ScenarioCellsAreMergedOverItsRowsWithTheValueUnderEveryCell) {
  std::string impact = part(write(), "xl/worksheets/sheet4.xml");
  // The first scenario of the example plant starts at row 6; its scenario name (C) and its
  // scenario risk (O) are merged over all its rows, each row holding the value itself.
  std::size_t at = impact.find("<mergeCell ref=\"O6:O");
  ASSERT_NE(at, std::string::npos) << impact.substr(impact.find("<mergeCells"), 400);
  const int last = std::stoi(impact.substr(at + 20));
  EXPECT_GT(last, 7);
  EXPECT_NE(impact.find("<mergeCell ref=\"C6:C" + std::to_string(last) + "\"/>"),
            std::string::npos);
  const std::string first_risk = cell_xml(impact, "O6");
  ASSERT_NE(first_risk.find("<v>"), std::string::npos) << first_risk;
  for (int r = 7; r <= last; ++r) {
    std::string cell = cell_xml(impact, "O" + std::to_string(r));
    EXPECT_EQ(cell.substr(cell.find('>')), first_risk.substr(first_risk.find('>')))
        << "row " << r << ": " << cell;
  }
}

TEST_F(XlsxPrintTest, ConstantMemoryModeRepeatsTheScenarioCellsOnEveryRow) {
  std::string impact = part(write(0), "xl/worksheets/sheet4.xml");
  EXPECT_NE(impact.find("<autoFilter ref=\"A5:"), std::string::npos);
  const std::string o6 = cell_xml(impact, "O6");
  const std::string o7 = cell_xml(impact, "O7");
  // Streaming mode writes strings inline: the first scenario's risk, B, on both rows.
  ASSERT_NE(o6.find("<t>B</t>"), std::string::npos) << o6;
  EXPECT_EQ(o7.substr(o7.find('>')), o6.substr(o6.find('>')));
}

}  // namespace
}  // namespace icsrisk
