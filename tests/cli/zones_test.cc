// The zones-and-conduits overview through `icsrisk analyze` (issue 14 item 3): the first diagram,
// a table in every format, results.json's "zones_conduits"; hostile zone, device and flow text
// stays text everywhere; the same input gives the same bytes.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

#include "cli/cli_test.h"

namespace icsrisk {
namespace {

// Two zones whose names, conduit device and flow hold DOT, HTML, Markdown and formula syntax.
constexpr const char* kHostile = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<system id="hz" name="Hostile zones" xmlns="urn:icsrisk:model:1">
  <zones>
    <zone id="z-up" name="&quot;];&#10;X -&gt; Y [label=&quot;pwned" purdue-level="4"/>
    <zone id="z-down" name="&lt;script&gt;alert(1)&lt;/script&gt; | pipe |" purdue-level="1"/>
  </zones>
  <networks>
    <network id="n-up" name="Up" zone="z-up"/>
    <network id="n-down" name="Down" zone="z-down"/>
  </networks>
  <assets>
    <asset id="fw" name="=HYPERLINK(&quot;http://x&quot;)" type="firewall" importance="3">
      <connect network="n-up"/><connect network="n-down"/>
    </asset>
    <asset id="srv" name="Server" type="control-server" importance="2">
      <connect network="n-up"/>
    </asset>
    <asset id="plc" name="PLC" type="plc" importance="3"><connect network="n-down"/></asset>
  </assets>
  <dataflows>
    <flow id="f1" from="srv" to="plc" data="=1+1" protocol="&lt;b&gt;x&lt;/b&gt;" port="@502"/>
  </dataflows>
</system>
)xml";

class CliZonesTest : public testing::CliTest {
 protected:
  void analyze(const std::string& out) {
    write("hz.xml", kHostile);
    testing::CliResult r =
        run("analyze hz.xml -o " + out + " --format html,xlsx,csv,md,json,dot,svg --lang en");
    ASSERT_EQ(r.code, 0) << r.err;
  }
};

TEST_F(CliZonesTest, HostileTextStaysTextInEveryFormat) {
  analyze("out");
  std::string dot = read("out/diagrams/zones.dot");
  Agraph_t* g = agmemread(dot.c_str());
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(agnnodes(g), 3);  // two zones and their conduit
  EXPECT_EQ(agnode(g, const_cast<char*>("X"), 0), nullptr);
  agclose(g);
  EXPECT_NE(read("out/diagrams/zones.svg").find("<svg"), std::string::npos);

  std::string csv = read("out/zones-conduits.csv");
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\") (Firewall; filtering device)\""),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",'=1+1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'@502,"), std::string::npos) << csv;

  std::string html = read("out/report.html");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(html.data(), html.size()));
  EXPECT_EQ(doc.select_nodes("//script").size(), 1u);
  EXPECT_NE(html.find("id=\"d-zones\""), std::string::npos);
  EXPECT_LT(html.find("id=\"d-zones\""), html.find("id=\"d-system\""));  // the first diagram
  EXPECT_NE(html.find("id=\"t-zones-conduits\""), std::string::npos);

  std::string md = read("out/report.md");
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\|"), std::string::npos) << md;

  std::string json = read("out/results.json");
  EXPECT_NE(json.find(R"("zones_conduits": {)"), std::string::npos);
  EXPECT_NE(json.find(R"("name": "\"];\nX -> Y [label=\"pwned")"), std::string::npos);
  EXPECT_NE(json.find(R"("protocol": "<b>x</b>", "port": "@502", "flows": ["f1"], "via": ["fw"])"),
            std::string::npos);
}

TEST_F(CliZonesTest, SameInputGivesTheSameBytes) {
  analyze("a");
  analyze("b");
  for (const char* f : {"diagrams/zones.dot", "diagrams/zones.svg", "zones-conduits.csv",
                        "results.json", "report.md", "report.html"})
    EXPECT_EQ(read(std::string("a/") + f), read(std::string("b/") + f)) << f;
}

TEST_F(CliZonesTest, DiagramCommandDrawsTheZonesView) {
  write("hz.xml", kHostile);
  testing::CliResult r = run("diagram hz.xml --view zones --lang en");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"c:0:1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Purdue level 4"), std::string::npos);
  r = run("diagram hz.xml --view zones -o z.svg");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(read("z.svg").find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace icsrisk
