// Issue 13 item 11: every drawing has a size budget, so `analyze` with its default formats
// finishes on a plant whose routes view would otherwise draw thousands of routes.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "cli/cli_test.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

class CliDrawingBudgetTest : public CliTest {};

/// `assets` assets on one LAN: a PLC that every other asset sends to, and a ring of flows
/// between the others, so each of them is an attack base of the scenario against the PLC.
std::string one_lan_plant(std::size_t assets) {
  std::string xml = R"(<system id="lan" name="one LAN" xmlns="urn:icsrisk:model:1">
<zones><zone id="z" name="plant" purdue-level="2"/></zones>
<networks><network id="lan" zone="z"/></networks>
<assets>
<asset id="plc" type="plc" importance="3"><connect network="lan"/></asset>
)";
  for (std::size_t i = 1; i < assets; ++i)
    xml += fmt::format(
        "<asset id=\"h{}\" type=\"hmi\" importance=\"2\"><connect network=\"lan\"/></asset>\n", i);
  xml += "</assets>\n<dataflows>\n";
  for (std::size_t i = 1; i < assets; ++i) {
    xml += fmt::format("<flow id=\"t{0}\" from=\"h{0}\" to=\"plc\" data=\"cmd\"/>\n", i);
    xml += fmt::format("<flow id=\"r{0}\" from=\"h{0}\" to=\"h{1}\" data=\"sync\"/>\n", i,
                       i % (assets - 1) + 1);
  }
  xml += R"(</dataflows>
<entry-points><entry id="ep" asset="h1" vector="mail" threat-level="3"/></entry-points>
<business-impacts><impact id="bi" level="3">
<scenario id="sc" target="plc" attack="unauthorized-transmission"/>
</impact></business-impacts>
</system>
)";
  return xml;
}

TEST_F(CliDrawingBudgetTest, AnalyzeOfTwoThousandAssetsOnOneLanFinishesWithTrimmedRoutesView) {
  write("lan.xml", one_lan_plant(2000));
  CliResult r = run("analyze lan.xml -o out --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  // 1,999 attack bases would each bring a route; the view keeps the worst 40 and says so.
  const std::string dot = read("out/diagrams/routes-sc.dot");
  EXPECT_THAT(dot, HasSubstr("further routes (first routes of other entry points and attack "
                             "bases) left out: at most 40 are drawn"));
  EXPECT_THAT(dot, HasSubstr("<B>R40</B>"));
  EXPECT_THAT(dot, ::testing::Not(HasSubstr("<B>R41</B>")));
  // 2,000 assets hanging on one bus in rows of five still span ~400,000 ranks: over the
  // drawing budget, so the image is the note saying so.
  const std::string svg = read("out/diagrams/routes-sc.svg");
  EXPECT_THAT(svg, HasSubstr("is not drawn"));
  EXPECT_THAT(svg, HasSubstr("over the drawing budget of 12000"));
  EXPECT_FALSE(read("out/report.html").empty());
}

}  // namespace
}  // namespace icsrisk::testing
