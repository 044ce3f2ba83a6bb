// A hostile model through every output format of `icsrisk analyze` (issue 5): names and
// descriptions holding markup, DOT syntax, spreadsheet formulas, Markdown table syntax, entity
// text, very long text and control characters come out as text — the HTML and every DOT file
// parse, no formula reaches a spreadsheet, no markup reaches the page.

#include <gtest/gtest.h>

#include <graphviz/cgraph.h>
#include <sys/wait.h>
#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/cli_test.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

class CliHostileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::fresh_test_dir("icsrisk-cli-hostile");
    testing::CliResult r =
        testing::run_icsrisk("analyze '" + source_path("tests/data/hostile/hostile-model.xml") +
                                 "' -o out --format html,xlsx,csv,md,json,dot,svg",
                             dir_.string());
    code_ = r.code;
    err_ = r.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string out(const std::string& name) {
    return read_text((dir_ / "out" / name).string());
  }

  static inline fs::path dir_;
  static inline int code_ = -1;
  static inline std::string err_;
};

TEST_F(CliHostileTest, RunSucceeds) {
  EXPECT_EQ(code_, 0) << err_;
}

TEST_F(CliHostileTest, HtmlParsesAndHoldsOnlyOurScript) {
  std::string html = out("report.html");
  ASSERT_FALSE(html.empty());
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(html.data(), html.size());
  ASSERT_TRUE(r) << r.description() << " at " << r.offset;
  EXPECT_EQ(doc.select_nodes("//script").size(), 1u);
  EXPECT_EQ(doc.select_nodes("//img").size(), 0u);
  EXPECT_EQ(doc.select_nodes("//*[@onerror]").size(), 0u);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // The model's "&amp;amp;" is the text "&amp;", shown as such: escaped once more.
  EXPECT_NE(html.find("&amp;amp;"), std::string::npos);
  // The control characters of the model do not reach the page.
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
}

TEST_F(CliHostileTest, EveryDotFileParsesWithCgraph) {
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "out" / "diagrams")) {
    if (e.path().extension() != ".dot") continue;
    ++files;
    std::string text = read_text(e.path().string());
    Agraph_t* g = agmemread(text.c_str());
    ASSERT_NE(g, nullptr) << e.path();
    // The hostile "X -> Y" inside names never becomes nodes of its own.
    EXPECT_EQ(agnode(g, const_cast<char*>("X"), 0), nullptr) << e.path();
    EXPECT_EQ(agnode(g, const_cast<char*>("Y"), 0), nullptr) << e.path();
    agclose(g);
  }
  EXPECT_GE(files, 4u);  // system, dataflow, a tree and a routes view
}

TEST_F(CliHostileTest, CsvCellsFromTheModelCannotBeFormulas) {
  for (const char* name : {"asset-list.csv", "dataflow-matrix.csv", "asset-risk.csv",
                           "impact-risk.csv", "zones-conduits.csv"}) {
    std::string csv = out(name);
    ASSERT_FALSE(csv.empty()) << name;
    // A cell starts after a line start or a separator; none may start with = + - @ unless
    // neutralised with a leading quote.
    for (std::size_t i = 0; i < csv.size(); ++i) {
      bool cell_start = i == 0 || csv[i - 1] == ',' || csv[i - 1] == '\n';
      if (!cell_start) continue;
      std::size_t j = csv[i] == '"' ? i + 1 : i;
      if (j >= csv.size()) continue;
      char c = csv[j];
      if (c == '=' || c == '+' || c == '@')
        ADD_FAILURE() << name << ": formula-like cell at " << i << ": " << csv.substr(j, 30);
    }
  }
  // The model's formula-like texts are there, neutralised.
  EXPECT_NE(out("asset-list.csv").find("\"'=HYPERLINK(\"\"http://x\"\")"), std::string::npos);
  EXPECT_NE(out("asset-risk.csv").find("\"'=HYPERLINK(\"\"http://x\"\")"), std::string::npos);
  EXPECT_NE(out("dataflow-matrix.csv").find("'=1+1"), std::string::npos);
}

TEST_F(CliHostileTest, XlsxHasNoFormulas) {
  std::string cmd =
      "cd '" + dir_.string() + "' && unzip -p out/icsrisk.xlsx 'xl/worksheets/*.xml' > sheets.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string sheets = read_text((dir_ / "sheets.xml").string());
  ASSERT_FALSE(sheets.empty());
  EXPECT_EQ(sheets.find("<f>"), std::string::npos);
  cmd =
      "cd '" + dir_.string() + "' && unzip -p out/icsrisk.xlsx xl/sharedStrings.xml > strings.xml";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string strings = read_text((dir_ / "strings.xml").string());
  EXPECT_NE(strings.find("<t>=HYPERLINK(\"http://x\")</t>"), std::string::npos);
}

TEST_F(CliHostileTest, MarkdownTablesKeepTheirShape) {
  std::string md = out("report.md");
  ASSERT_FALSE(md.empty());
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("\\| pipe \\|"), std::string::npos);
  // Every row of a table has as many unescaped cell separators as its header row.
  std::size_t expected = 0;
  bool in_table = false;
  std::size_t line_start = 0;
  while (line_start < md.size()) {
    std::size_t end = md.find('\n', line_start);
    if (end == std::string::npos) end = md.size();
    std::string line = md.substr(line_start, end - line_start);
    line_start = end + 1;
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
    if (!in_table) {
      expected = pipes;
      in_table = true;
    } else {
      EXPECT_EQ(pipes, expected) << line.substr(0, 120);
    }
  }
}

TEST_F(CliHostileTest, JsonParsesAndKeepsTheText) {
  std::string json = out("results.json");
  ASSERT_FALSE(json.empty());
  EXPECT_NE(json.find("\\u0001"), std::string::npos);  // control characters escaped, not raw
  EXPECT_EQ(json.find('\x01'), std::string::npos);
}

}  // namespace
}  // namespace icsrisk
