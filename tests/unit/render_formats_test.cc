// One layout, several formats (issue 17 item 2): render_dot_formats() and dot_elements().
// Only the shape of the images is checked, never their bytes against a file.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

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

/// The width and height a PNG declares in its IHDR chunk (bytes 16..23, big-endian).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
  auto be = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
      v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be(16), be(20)};
}

/// The number after `name="` in the <svg> element (points, "123pt").
double svg_points(const std::string& svg, const std::string& name) {
  std::size_t at = svg.find(name + "=\"", svg.find("<svg"));
  return std::stod(svg.substr(at + name.size() + 2));
}

TEST(RenderFormatsTest, SvgAndPngOfOneLayoutComeBackInTheOrderAsked) {
  const std::string dot = example_dot(View::kSystem);
  auto images = render_dot_formats(dot, {ImageFormat::kSvg, ImageFormat::kPng});
  ASSERT_TRUE(images.ok()) << images.error().message;
  ASSERT_EQ(images->size(), 2u);
  const std::string& svg = (*images)[0];
  const std::string& png = (*images)[1];
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // The PNG is the SVG's drawing at 96 dpi: the same layout in both formats.
  auto [w, h] = png_size(png);
  EXPECT_NEAR(w, svg_points(svg, "width") * 96.0 / 72.0, 2.0);
  EXPECT_NEAR(h, svg_points(svg, "height") * 96.0 / 72.0, 2.0);
}

TEST(RenderFormatsTest, OneLayoutGivesTheSameBytesAsSeparateRendersAndAgain) {
  const std::string dot = example_dot(View::kDataflow);
  auto first = render_dot_formats(dot, {ImageFormat::kPng, ImageFormat::kSvg});
  auto second = render_dot_formats(dot, {ImageFormat::kPng, ImageFormat::kSvg});
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(*first, *second);
  auto svg = render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(svg.ok());
  EXPECT_EQ((*first)[1], *svg);
}

TEST(RenderFormatsTest, ASyntaxErrorIsOneErrorForAllFormats) {
  auto out = render_dot_formats("digraph { a -> ; }", {ImageFormat::kSvg, ImageFormat::kPng});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("graphviz"), std::string::npos);
  EXPECT_FALSE(dot_elements("digraph { a -> ; }").ok());
}

TEST(RenderFormatsTest, ElementsAreNodesPlusEdgesWhateverTheClusters) {
  auto n = dot_elements(
      "digraph { subgraph cluster_a { a; b; } c; a -> b; b -> c; a -> c; \"x\" [label=\"->\"]; }");
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 4u + 3u);
  auto spans = dot_elements("digraph { a -> b [minlen=\"40\"]; b -> c [minlen=0]; }");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  EXPECT_EQ(*spans, 3u + 40u + 1u);  // a long edge weighs its ranks
}

}  // namespace
}  // namespace icsrisk::report
