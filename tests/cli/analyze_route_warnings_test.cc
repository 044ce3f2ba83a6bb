// `icsrisk analyze` prints the route warnings of risk/route_checks.h (an explicit attack base
// no route can use, an entry point that reaches no target) at their positions, and still
// writes the report (warnings alone do not fail).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_test.h"

namespace icsrisk::testing {
namespace {

using ::testing::HasSubstr;

class CliRouteWarningsTest : public CliTest {};

TEST_F(CliRouteWarningsTest, AnalyzeWarnsAboutAnUnusableBaseAndAnEntryReachingNoTarget) {
  // No device joins the office, lab and control LANs: the office PC's mail entry reaches
  // nothing, and the explicit base hist (a historian on the lab LAN) has a flow to the PLC that
  // cannot be routed.
  write("m.xml", R"(<system id="m" xmlns="urn:icsrisk:model:1">
<networks><network id="office"/><network id="control"/><network id="lab"/></networks>
<assets>
<asset id="pc" type="terminal" importance="1"><connect network="office"/></asset>
<asset id="ews" type="ews" importance="2"><connect network="control"/></asset>
<asset id="hist" type="historian" importance="2"><connect network="lab"/></asset>
<asset id="plc" type="plc" importance="3"><connect network="control"/></asset>
</assets>
<dataflows><flow id="f1" from="ews" to="plc"/><flow id="f2" from="hist" to="plc"/></dataflows>
<entry-points>
<entry id="ep-mail" asset="pc" vector="mail" threat-level="3"/>
<entry id="ep-usb" asset="ews" vector="media" threat-level="2"/>
</entry-points>
<business-impacts><impact id="bi" level="3">
<scenario id="sc" target="plc" attack="unauthorized-transmission" bases="ews hist"/>
</impact></business-impacts>
</system>
)");
  CliResult r = run("analyze m.xml -o out --format json --lang en");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("m.xml:15:78: warning: attack base 'hist' of scenario 'sc' is on "
                               "no route: its data flows to the target cannot be routed"));
  EXPECT_THAT(r.err, HasSubstr("m.xml:11:1: warning: entry point 'ep-mail' reaches no "
                               "scenario's target"));
  EXPECT_FALSE(read("out/results.json").empty());
}

}  // namespace
}  // namespace icsrisk::testing
