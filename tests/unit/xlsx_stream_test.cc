// Issue 14 item 5: icsrisk.xlsx of a large plant is written in libxlsxwriter's constant-memory
// mode, rows streamed in order. The merged header and scenario cells, the autofilter, the print
// setup and the column widths must be those of the workbook written in the default mode.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "report/tables.h"
#include "report/xlsx.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"
#include "unit/shell_output.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::unzip_member;

/// The refs of every `<mergeCell ref="…"/>` of sheet XML, sorted (the two modes merge the same
/// ranges in another order).
std::vector<std::string> merged_ranges(const std::string& xml) {
  std::vector<std::string> out;
  const std::string mark = "<mergeCell ref=\"";
  for (std::size_t at = xml.find(mark); at != std::string::npos; at = xml.find(mark, at + 1)) {
    const std::size_t from = at + mark.size();
    out.push_back(xml.substr(from, xml.find('"', from) - from));
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The element `<name …>…</name>` (or `<name …/>`) of sheet XML, or "" when absent.
std::string element(const std::string& xml, const std::string& name) {
  std::size_t at = xml.find("<" + name);
  if (at == std::string::npos) return "";
  std::size_t close = xml.find("</" + name + ">", at);
  std::size_t self = xml.find("/>", at);
  std::size_t open_end = xml.find('>', at);
  if (self != std::string::npos && self + 1 == open_end) return xml.substr(at, self + 2 - at);
  return xml.substr(at, close + name.size() + 3 - at);
}

TEST(XlsxStreamTest, ConstantMemoryModeKeepsMergesFilterPrintSetupAndWidths) {
  const fs::path dir = testing::fresh_test_dir("icsrisk-xlsx-stream");
  auto l = testing::load(testing::read_text(testing::source_path("models/model-plant.xml")));
  const risk::Results results = l->analyze();
  const report::ReportSource rep =
      report::report_source(*l->model, *l->profile, results, model::Lang::kJa);
  const std::string normal = (dir / "normal.xlsx").string();
  const std::string streamed = (dir / "streamed.xlsx").string();
  ASSERT_TRUE(report::write_xlsx(rep, normal).ok());
  ASSERT_TRUE(report::write_xlsx(rep, streamed, 0).ok());
  for (int i = 1; i <= 4; ++i) {
    const std::string member = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    const std::string a = unzip_member(normal, member), b = unzip_member(streamed, member);
    ASSERT_NE(b.find("t=\"inlineStr\""), std::string::npos) << "not streamed: sheet " << i;
    EXPECT_EQ(merged_ranges(b), merged_ranges(a)) << "sheet " << i;
    for (const char* name : {"autoFilter", "pageSetup", "cols", "pane"})
      EXPECT_EQ(element(b, name), element(a, name)) << "sheet " << i << ": " << name;
  }
  // The grouped sheets merge their two header rows; the business-impact sheet its scenarios.
  const std::string impact = unzip_member(streamed, "xl/worksheets/sheet4.xml");
  EXPECT_NE(impact.find("<mergeCell ref=\"C4:C5\"/>"), std::string::npos)
      << element(impact, "mergeCells");
  EXPECT_NE(impact.find("<mergeCell ref=\"O6:O"), std::string::npos)
      << element(impact, "mergeCells");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace icsrisk
