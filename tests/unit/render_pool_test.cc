// Rendering in forked workers (report::render_isolated) and what the report folder does with a
// diagram Graphviz cannot lay out: the same bytes as rendering in-process, in job order, and a
// Graphviz abort costs one drawing, not the run.

#include "report/render_pool.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "assessment/documents.h"
#include "unit/golden.h"

namespace icsrisk::report {
namespace {

using testing::read_text;
using testing::source_path;
namespace fs = std::filesystem;

/// A routes view of a generated 2,000-asset plant on which Graphviz 2.43 aborts
/// (class2.c merge_chain: Assertion `ED_to_virt(e) == NULL' failed).
std::string aborting_dot() {
  return read_text(source_path("tests/data/render/graphviz-merge-chain-abort.dot"));
}

std::string small_dot(int n) {
  std::string dot = "digraph g {";
  for (int i = 0; i < n; ++i)
    dot += "a" + std::to_string(i) + " -> a" + std::to_string(i + 1) + ";";
  return dot + "}";
}

TEST(RenderPoolTest, JobsComeBackInOrderWithTheBytesOfAnInProcessRender) {
  std::vector<std::string> dots;
  for (int n = 1; n <= 7; ++n)
    dots.push_back(small_dot(n));
  const std::vector<ImageFormat> formats = {ImageFormat::kSvg, ImageFormat::kPng};
  std::vector<RenderJob> jobs;
  for (const std::string& d : dots)
    jobs.push_back({d, formats});
  for (unsigned workers : {1u, 3u}) {
    auto got = render_isolated(jobs, workers);
    ASSERT_EQ(got.size(), dots.size());
    for (std::size_t i = 0; i < dots.size(); ++i) {
      auto here = render_dot_formats(dots[i], formats);
      ASSERT_TRUE(here) << here.error().message;
      ASSERT_TRUE(got[i]) << got[i].error().message;
      EXPECT_EQ(*got[i], *here) << "job " << i << " with " << workers << " workers";
    }
  }
}

TEST(RenderPoolTest, GraphvizErrorComesBackAsTheJobsError) {
  auto got = render_isolated({{"digraph { a -> ", {ImageFormat::kSvg}}, {small_dot(1), {}}}, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_FALSE(got[0]);
  EXPECT_TRUE(got[1]);
}

TEST(RenderPoolDeathTest, TheAbortingDiagramAbortsGraphvizInProcess) {
  // What the worker processes protect against: this DOT kills the process that lays it out.
  const std::string dot = aborting_dot();
  EXPECT_DEATH((void)render_dot_formats(dot, {ImageFormat::kSvg}), "merge_chain");
}

TEST(RenderPoolTest, GraphvizAbortCostsOneJobAndNamesTheSignal) {
  const std::string dot = aborting_dot();
  auto got = render_isolated({{small_dot(2), {ImageFormat::kSvg}}, {dot, {ImageFormat::kSvg}}}, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0]);
  ASSERT_FALSE(got[1]);
  EXPECT_NE(got[1].error().message.find("signal 6"), std::string::npos) << got[1].error().message;
}

TEST(RenderPoolTest, SingleDiagramCommandsRenderInAChildToo) {
  // icsrisk diagram and trees diagram: the same bytes as in-process, and an abort is an Error.
  auto here = render_dot(small_dot(4), ImageFormat::kSvg);
  auto there = render_dot_isolated(small_dot(4), ImageFormat::kSvg);
  ASSERT_TRUE(here && there);
  EXPECT_EQ(*there, *here);
  auto broken = render_dot_isolated(aborting_dot(), ImageFormat::kPng);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("merge_chain"), std::string::npos);
}

TEST(RenderPoolTest, ReportFolderDrawsANoteForADiagramGraphvizCannotLayOut) {
  assessment::Assessment a;
  a.options.lang = model::Lang::kEn;
  a.options.formats = *assessment::Formats::parse("svg,png");
  a.diagrams.push_back({"routes-broken", aborting_dot(), true});
  a.diagrams.push_back({"fine", small_dot(3), true});
  std::vector<assessment::Document> docs = assessment::documents(a);
  fs::path dir = testing::fresh_test_dir("icsrisk-render-pool");
  fs::create_directories(dir / "diagrams");
  for (const assessment::Document& d : docs) {
    auto st = d.write(dir / d.name);
    ASSERT_TRUE(st) << d.name << ": " << st.error().message;
  }
  std::string broken = read_text((dir / "diagrams" / "routes-broken.svg").string());
  EXPECT_NE(broken.find("could not be drawn"), std::string::npos);
  EXPECT_NE(broken.find("signal 6"), std::string::npos);
  EXPECT_TRUE(fs::file_size(dir / "diagrams" / "routes-broken.png") > 0);
  EXPECT_NE(read_text((dir / "diagrams" / "fine.svg").string()).find("a3"), std::string::npos);
}

}  // namespace
}  // namespace icsrisk::report
