// Issue 17: a plant of hundreds of assets in many zones is laid out zone by zone
// (report/zoned_layout.h), not as one strip: its drawing comes out about as wide as a page,
// with every node, no zone box over another, every node inside its zone's box, and the same
// bytes every time; small diagrams keep dot's layout.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "report/diagram.h"
#include "report/render.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

using report::ImageFormat;

/// A site network with `areas` control areas below it, each behind its firewall: a control
/// zone (a LAN with 12 hosts and 3 controllers) and a field zone (a fieldbus per controller
/// with 4 devices). 20 assets an area, all areas alike: dot put them side by side.
std::string wide_plant(int areas, bool flows = false) {
  std::string dataflows;
  std::string zones = R"(<zone id="z-site" name="site" purdue-level="3"/>)";
  std::string networks = R"(<network id="n-site" name="site LAN" zone="z-site"/>)";
  std::string assets = R"(<asset id="scada" name="SCADA" type="server" importance="3">)"
                       R"(<connect network="n-site"/></asset>)";
  for (int a = 0; a < areas; ++a) {
    const std::string i = std::to_string(a);
    zones += R"(<zone id="z-ctl-)" + i + R"(" name="control )" + i + R"(" purdue-level="2"/>)";
    zones += R"(<zone id="z-fld-)" + i + R"(" name="field )" + i + R"(" purdue-level="1"/>)";
    networks += R"(<network id="n-ctl-)" + i + R"(" name="control LAN )" + i + R"(" zone="z-ctl-)" +
                i + R"("/>)";
    assets += R"(<asset id="fw-)" + i + R"(" name="firewall )" + i +
              R"(" type="firewall" importance="3" zone="z-ctl-)" + i +
              R"("><connect network="n-site"/><connect network="n-ctl-)" + i + R"("/></asset>)";
    for (int h = 0; h < 12; ++h)
      assets += R"(<asset id="h-)" + i + "-" + std::to_string(h) + R"(" name="host )" + i + "-" +
                std::to_string(h) + R"(" type="hmi" importance="2"><connect network="n-ctl-)" + i +
                R"("/></asset>)";
    for (int c = 0; c < 3; ++c) {
      const std::string j = i + "-" + std::to_string(c);
      networks += R"(<network id="n-fld-)" + j + R"(" name="fieldbus )" + j + R"(" zone="z-fld-)" +
                  i + R"(" medium="fieldbus"/>)";
      assets += R"(<asset id="plc-)" + j + R"(" name="PLC )" + j +
                R"(" type="plc" importance="3" zone="z-ctl-)" + i +
                R"("><connect network="n-ctl-)" + i + R"("/><connect network="n-fld-)" + j +
                R"("/></asset>)";
      if (flows)
        dataflows += R"(<flow id="f-)" + j + R"(" from="scada" to="plc-)" + j +
                     R"(" data="setpoints" protocol="Modbus/TCP"/>)";
      for (int d = 0; d < 4 && flows; ++d) {
        const std::string k = j + "-" + std::to_string(d);
        dataflows += R"(<flow id="fh-)" + k + R"(" from="h-)" + i + "-" +
                     std::to_string(c * 4 + d) + R"(" to="plc-)" + j + R"("/>)";
        dataflows +=
            R"(<flow id="fd-)" + k + R"(" from="dev-)" + k + R"(" to="plc-)" + j + R"("/>)";
      }
      for (int d = 0; d < 4; ++d)
        assets += R"(<asset id="dev-)" + j + "-" + std::to_string(d) + R"(" name="device )" + j +
                  "-" + std::to_string(d) + R"(" type="field-device" importance="2">)" +
                  R"(<connect network="n-fld-)" + j + R"("/></asset>)";
    }
  }
  return R"(<system id="wide" name="wide plant"><zones>)" + zones + "</zones><networks>" +
         networks + "</networks><assets>" + assets + "</assets><dataflows>" + dataflows +
         "</dataflows></system>";
}

struct Drawing {
  double width = 0, height = 0;
  std::map<std::string, std::vector<double>> clusters;  ///< title → llx, lly, urx, ury
  std::vector<std::string> nodes;                       ///< titles of the node groups
};

/// The size, cluster boxes and node titles of an SVG written by Graphviz.
Drawing read_svg(const std::string& svg) {
  Drawing d;
  std::smatch m;
  std::regex size(R"(<svg width="([0-9.]+)pt" height="([0-9.]+)pt")");
  if (std::regex_search(svg, m, size)) d.width = std::stod(m[1]), d.height = std::stod(m[2]);
  std::regex cluster(
      R"rx(<g id="clust\d+" class="cluster">\s*<title>([^<]*)</title>[\s\S]*?\s(?:d|points)="([^"]*)")rx");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cluster);
       it != std::sregex_iterator(); ++it) {
    std::vector<double> xs, ys;
    std::regex number(R"(-?[0-9.]+,-?[0-9.]+)");
    const std::string points = (*it)[2];
    for (auto p = std::sregex_iterator(points.begin(), points.end(), number);
         p != std::sregex_iterator(); ++p) {
      const std::string xy = p->str();
      xs.push_back(std::stod(xy.substr(0, xy.find(','))));
      ys.push_back(std::stod(xy.substr(xy.find(',') + 1)));
    }
    if (xs.empty()) continue;
    d.clusters[(*it)[1]] = {
        *std::min_element(xs.begin(), xs.end()), *std::min_element(ys.begin(), ys.end()),
        *std::max_element(xs.begin(), xs.end()), *std::max_element(ys.begin(), ys.end())};
  }
  std::regex node(R"(<g id="node\d+" class="node">\s*<title>([^<]*)</title>)");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), node); it != std::sregex_iterator();
       ++it)
    d.nodes.push_back((*it)[1]);
  return d;
}

/// The points (x, y: the two groups of `pattern`) found in `svg`, each expected inside `box`.
int points_inside(const std::string& svg, const std::regex& pattern,
                  const std::vector<double>& box) {
  int n = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
       it != std::sregex_iterator(); ++it, ++n) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    EXPECT_TRUE(box[0] < x && x < box[2] && box[1] < y && y < box[3]) << x << "," << y;
  }
  return n;
}

std::string system_dot(const Loaded& l) {
  report::DiagramOptions o;
  o.lang = model::Lang::kEn;
  return report::diagram_dot(report::View::kSystem, l.model, l.profile, o);
}

TEST(ZonedLayoutTest, ManyAreasComeOutAboutAsWideAsAPageWithEveryNodeInsideItsZone) {
  auto l = load(wide_plant(12), /*builtin=*/true);
  const std::string dot = system_dot(*l);
  ASSERT_NE(dot.find("icsrisk_layout=\"zones\""), std::string::npos);
  auto svg = report::render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(svg) << svg.error().message;
  const Drawing zoned = read_svg(*svg);
  ASSERT_GT(zoned.height, 0);
  EXPECT_LT(zoned.width / zoned.height, 3.0) << zoned.width << " x " << zoned.height;
  EXPECT_GT(zoned.width / zoned.height, 0.5) << zoned.width << " x " << zoned.height;
  // dot alone, on the same text without the marker: the strip this replaces.
  std::string plain = dot;
  plain.replace(plain.find("icsrisk_layout=\"zones\""), 22, "icsrisk_layout=\"none\"");
  auto strip = report::render_dot(plain, ImageFormat::kSvg);
  ASSERT_TRUE(strip) << strip.error().message;
  const Drawing one = read_svg(*strip);
  EXPECT_GT(one.width / one.height, 6.0) << one.width << " x " << one.height;
  // Nothing lost: the same nodes and zone boxes.
  EXPECT_EQ(zoned.nodes, one.nodes);
  ASSERT_EQ(zoned.clusters.size(), one.clusters.size());
  ASSERT_EQ(zoned.clusters.size(), 1u + 2 * 12 + 1);  // site, areas, the legend
  // No zone box over another.
  for (const auto& [a, ba] : zoned.clusters)
    for (const auto& [b, bb] : zoned.clusters)
      if (a < b)
        EXPECT_TRUE(ba[2] <= bb[0] || bb[2] <= ba[0] || ba[3] <= bb[1] || bb[3] <= ba[1])
            << a << " overlaps " << b;
  // Every node's shape inside its zone's box: the node groups follow their cluster's group
  // in the SVG; check the devices of area 5's field zone by their ellipses.
  const std::string field = "cluster_z:z&#45;fld&#45;5";
  ASSERT_TRUE(zoned.clusters.count(field));
  EXPECT_EQ(points_inside(*svg,
                          std::regex(R"rx(<title>a:dev&#45;5&#45;\d&#45;\d</title>[\s\S]*?)rx"
                                     R"rx(<ellipse[^>]*cx="(-?[0-9.]+)" cy="(-?[0-9.]+)")rx"),
                          zoned.clusters.at(field)),
            12);
}

TEST(ZonedLayoutTest, SameTextSameBytesAndPngAndSvgShareTheLayout) {
  auto l = load(wide_plant(8), /*builtin=*/true);
  const std::string dot = system_dot(*l);
  auto a = report::render_dot_formats(dot, {ImageFormat::kSvg, ImageFormat::kPng});
  auto b = report::render_dot_formats(dot, {ImageFormat::kSvg, ImageFormat::kPng});
  ASSERT_TRUE(a && b);
  EXPECT_EQ((*a)[0], (*b)[0]);
  EXPECT_EQ((*a)[1], (*b)[1]);
  EXPECT_EQ((*a)[1].substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

// In the data-flow view the label of a flow between two zones is a node outside every zone;
// it stands in its sender's zone (the SCADA's), not in a block of labels of its own.
TEST(ZonedLayoutTest, LabelsOfFlowsBetweenZonesStandInTheirSendersZone) {
  auto l = load(wide_plant(12, /*flows=*/true), /*builtin=*/true);
  report::DiagramOptions o;
  o.lang = model::Lang::kEn;
  const std::string dot = report::diagram_dot(report::View::kDataflow, l->model, l->profile, o);
  auto svg = report::render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(svg) << svg.error().message;
  const Drawing d = read_svg(*svg);
  const std::string site = "cluster_z:z&#45;site";
  ASSERT_TRUE(d.clusters.count(site));
  EXPECT_EQ(points_inside(*svg,
                          std::regex(R"rx(<title>f:f&#45;\d+&#45;\d</title>[\s\S]*?)rx"
                                     R"rx(<text[^>]*x="(-?[0-9.]+)" y="(-?[0-9.]+)")rx"),
                          d.clusters.at(site)),
            36);  // 12 areas, 3 controllers each
}

/// The lines of `a` and `b` that differ (both with as many lines), or -1.
int differing_lines(const std::string& a, const std::string& b) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = s.find('\n', start)) != std::string::npos; start = end + 1)
      out.push_back(s.substr(start, end - start));
    return out;
  };
  const auto x = lines(a), y = lines(b);
  if (x.size() != y.size()) return -1;
  int n = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    n += x[i] != y[i] ? 1 : 0;
  return n;
}

// The heat maps of a plant are one drawing with other colours and labels: a large one is laid
// out once and the others are rendered at its positions. A variant whose one node has a much
// longer label keeps every other node where the first drawing has it; laid out on its own, the
// zones around that node move.
TEST(ZonedLayoutTest, VariantsOfALargeDrawingAreRenderedAtItsPositions) {
  auto l = load(wide_plant(12), /*builtin=*/true);
  const std::string base = system_dot(*l);
  const std::string node = "\"a:h-3-1\" [label=<";
  const std::size_t at = base.find(node);
  ASSERT_NE(at, std::string::npos);
  std::string variant = base;
  variant.insert(at + node.size(), "a much, much longer name than any other asset has here ");
  auto both = report::render_dot_variants(base, {variant}, {ImageFormat::kSvg});
  ASSERT_TRUE(both) << both.error().message;
  ASSERT_EQ(both->size(), 2u);
  const int pinned = differing_lines((*both)[0], (*both)[1]);
  EXPECT_GE(pinned, 1);
  EXPECT_LE(pinned, 4) << "only the renamed node's lines differ";
  auto alone = report::render_dot(variant, ImageFormat::kSvg);
  ASSERT_TRUE(alone);
  const int own = differing_lines((*both)[0], *alone);
  EXPECT_TRUE(own == -1 || own > 20) << own << ": laid out alone, the drawing moves";
  // Small drawings keep dot's layout, each text its own: the same bytes as rendered alone.
  auto small = load(wide_plant(2), /*builtin=*/true);
  const std::string a = system_dot(*small);
  std::string b = a;
  b.replace(b.find("host 1-1"), 8, "a host with a much longer name");
  auto pair = report::render_dot_variants(a, {b}, {ImageFormat::kSvg});
  ASSERT_TRUE(pair);
  EXPECT_EQ((*pair)[1], *report::render_dot(b, ImageFormat::kSvg));
}

/// Width and height of a PNG, from its IHDR chunk.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i)
      v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

TEST(ZonedLayoutTest, PngOfALargeDrawingIsRenderedAtMost12000PixelsOnItsLongerSide) {
  auto l = load(wide_plant(64), /*builtin=*/true);
  auto out = report::render_dot_formats(system_dot(*l), {ImageFormat::kSvg, ImageFormat::kPng});
  ASSERT_TRUE(out) << out.error().message;
  const Drawing svg = read_svg((*out)[0]);
  const double natural = std::max(svg.width, svg.height) * 96.0 / 72.0;  // pixels at 96 dpi
  ASSERT_GT(natural, 13000.0) << "the plant must be large enough to be capped";
  const auto [w, h] = png_size((*out)[1]);
  EXPECT_LE(std::max(w, h), 12000u);
  EXPECT_GE(std::max(w, h), 11900u);
  // The same proportions as the SVG.
  EXPECT_NEAR(static_cast<double>(w) / h, svg.width / svg.height, 0.02);
}

TEST(ZonedLayoutTest, SmallPlantsKeepDotsLayout) {
  auto l = load(wide_plant(2), /*builtin=*/true);  // 41 assets: under the threshold
  const std::string dot = system_dot(*l);
  std::string plain = dot;
  plain.replace(plain.find("icsrisk_layout=\"zones\""), 22, "icsrisk_layout=\"none\"");
  auto zoned = report::render_dot(dot, ImageFormat::kSvg);
  auto one = report::render_dot(plain, ImageFormat::kSvg);
  ASSERT_TRUE(zoned && one);
  EXPECT_EQ(read_svg(*zoned).width, read_svg(*one).width);
  EXPECT_EQ(read_svg(*zoned).height, read_svg(*one).height);
}

}  // namespace
}  // namespace icsrisk::testing
