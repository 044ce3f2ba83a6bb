// Rendering through Graphviz: only the shape of the output is checked, never its bytes.

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/render.h"
#include "unit/example_diagram.h"
#include "unit/golden.h"

namespace icsrisk::report {
namespace {

using testing::example_dot;

TEST(RenderTest, SvgOfTheSystemViewIsAnSvgDocument) {
  ::testing::internal::CaptureStderr();
  core::Result<std::string> svg = render_dot(example_dot(View::kSystem), ImageFormat::kSvg);
  std::string printed = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_EQ(svg->rfind("<?xml", 0), 0u);
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("制御情報LAN"), std::string::npos);  // text stays text in SVG
  EXPECT_EQ(printed, "");
}

TEST(RenderTest, PngAndPdfOfTheDataflowViewHaveTheirSignatures) {
  std::string dot = example_dot(View::kDataflow);
  core::Result<std::string> png = render_dot(dot, ImageFormat::kPng);
  ASSERT_TRUE(png.ok()) << png.error().message;
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  core::Result<std::string> pdf = render_dot(dot, ImageFormat::kPdf);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF", 0), 0u);
}

TEST(RenderTest, InvalidDotComesBackAsAnErrorAndPrintsNothing) {
  ::testing::internal::CaptureStderr();
  core::Result<std::string> out = render_dot("digraph { a -> ; }", ImageFormat::kSvg);
  std::string printed = ::testing::internal::GetCapturedStderr();
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("syntax error"), std::string::npos) << out.error().message;
  EXPECT_EQ(printed, "");
  // The renderer is usable again afterwards.
  EXPECT_TRUE(render_dot("digraph { a -> b; }", ImageFormat::kSvg).ok());
}

TEST(RenderTest, LabelledFlatEdgesInClustersDoNotCrashGraphviz) {
  // Graphviz 2.43 double-frees in gvFreeLayout() after this layout (see render.cc).
  std::string dot = testing::read_text(
      testing::source_path("tests/data/render/flat-edge-labels-in-clusters.dot"));
  ASSERT_FALSE(dot.empty());
  core::Result<std::string> svg = render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
}

TEST(RenderTest, RenderingTheSameTextTwiceInOneProcessGivesTheSameSvg) {
  // cgraph's default ids are heap addresses, which would reorder clusters between renders.
  std::string dot = example_dot(View::kSystem);
  core::Result<std::string> first = render_dot(dot, ImageFormat::kSvg);
  core::Result<std::string> second = render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(*first == *second);
}

TEST(RenderTest, ImageFormatComesFromTheExtension) {
  EXPECT_EQ(image_format_of(".svg"), ImageFormat::kSvg);
  EXPECT_EQ(image_format_of(".PNG"), ImageFormat::kPng);
  EXPECT_EQ(image_format_of(".pdf"), ImageFormat::kPdf);
  EXPECT_EQ(image_format_of(".dot"), std::nullopt);
  EXPECT_EQ(image_format_of(""), std::nullopt);
}

}  // namespace
}  // namespace icsrisk::report
