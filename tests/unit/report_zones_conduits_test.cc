// The zones-and-conduits overview (issue 14 item 3) on a small hand-made plant: which conduits,
// devices and flows appear, the table, results.json's member and the diagram's structure.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/topology.h"
#include "report/zones_conduits.h"
#include "report/zones_diagram.h"
#include "unit/analysis_test_support.h"

namespace icsrisk::report {
namespace {

// Enterprise (4) — firewall — DMZ (3.5) — data diode and a dual-homed EWS — control (2) —
// router — a laptop network in no zone. Flows cross each conduit; one stays inside its zone.
constexpr const char* kPlant = R"(<?xml version="1.0" encoding="UTF-8"?>
<system id="zc" name="Zones" xmlns="urn:icsrisk:model:1">
  <zones>
    <zone id="z-ent" name="Enterprise" purdue-level="4"/>
    <zone id="z-dmz" name="DMZ" purdue-level="3.5"/>
    <zone id="z-ctl" name="Control" purdue-level="2"/>
  </zones>
  <networks>
    <network id="n-ent" name="Office LAN" zone="z-ent"/>
    <network id="n-dmz" name="DMZ LAN" zone="z-dmz"/>
    <network id="n-ctl" name="Control LAN" zone="z-ctl"/>
    <network id="n-loose" name="Vendor line"/>
  </networks>
  <assets>
    <asset id="fw1" name="FW-1" type="firewall" importance="3">
      <connect network="n-ent"/><connect network="n-dmz"/>
    </asset>
    <asset id="erp" name="ERP" type="terminal" importance="1"><connect network="n-ent"/></asset>
    <asset id="hist" name="Historian" type="control-server" importance="2">
      <connect network="n-dmz"/>
    </asset>
    <asset id="diode" name="Diode" type="one-way-gateway" importance="3">
      <connect network="n-ctl" role="upstream"/><connect network="n-dmz" role="downstream"/>
    </asset>
    <asset id="eng" name="EWS" type="ews" importance="2">
      <connect network="n-dmz"/><connect network="n-ctl"/>
    </asset>
    <asset id="scada" name="SCADA" type="control-server" importance="3">
      <connect network="n-ctl"/>
    </asset>
    <asset id="plc" name="PLC" type="plc" importance="3"><connect network="n-ctl"/></asset>
    <asset id="rtr" name="Router" type="router" importance="2">
      <connect network="n-ctl"/><connect network="n-loose"/>
    </asset>
    <asset id="laptop" name="Laptop" type="terminal" importance="1">
      <connect network="n-loose"/>
    </asset>
  </assets>
  <dataflows>
    <flow id="f1" from="scada" to="hist" data="運転データ" protocol="OPC UA" port="4840"/>
    <flow id="f2" from="plc" to="hist" data="Counters" protocol="OPC UA" port="4840"/>
    <flow id="f3" from="hist" to="erp" data="Daily report" protocol="HTTPS" port="443"/>
    <flow id="f4" from="erp" to="hist" data="Orders" protocol="HTTPS" port="443"/>
    <flow id="f5" from="laptop" to="plc" data="Program" protocol="S7" port="102"/>
    <flow id="f6" from="scada" to="plc" data="Commands" protocol="Modbus/TCP" port="502"/>
  </dataflows>
</system>
)";

struct Fixture {
  std::unique_ptr<testing::LoadedModel> l = testing::load(kPlant);
  graph::Topology topology{*l->model, *l->profile};
  const model::Model& m() const { return *l->model; }
  std::size_t asset(std::string_view id) const { return m().asset_index.at(id); }
  std::size_t flow(std::string_view id) const { return m().flow_index.at(id); }
};

TEST(ZonesConduitsTest, FindsEachConduitWithItsDevicesAndChannels) {
  Fixture f;
  ZonesConduits z = zones_conduits(f.m(), *f.l->profile, &f.topology);
  ASSERT_EQ(z.groups.size(), 4u);  // Enterprise, DMZ, Control by level, then outside
  EXPECT_EQ(group_name(f.m(), z.groups[0], model::Lang::kEn), "Enterprise");
  EXPECT_EQ(group_name(f.m(), z.groups[2], model::Lang::kEn), "Control");
  EXPECT_TRUE(z.groups[3].outside);
  EXPECT_EQ(group_name(f.m(), z.groups[3], model::Lang::kEn), "(outside any zone)");
  EXPECT_EQ(z.groups[0].assets, 2u);  // the firewall is drawn in its first network's zone
  EXPECT_EQ(z.groups[3].assets, 1u);
  EXPECT_EQ(z.groups[3].networks, 1u);

  ASSERT_EQ(z.conduits.size(), 3u);
  const Conduit& ent_dmz = z.conduits[0];
  EXPECT_EQ(ent_dmz.a, 0u);
  EXPECT_EQ(ent_dmz.b, 1u);
  ASSERT_EQ(ent_dmz.devices.size(), 1u);
  EXPECT_EQ(ent_dmz.devices[0].asset, f.asset("fw1"));
  EXPECT_EQ(ent_dmz.devices[0].kind, DeviceKind::kFiltering);
  ASSERT_EQ(ent_dmz.channels.size(), 2u);
  EXPECT_TRUE(ent_dmz.channels[0].forward);  // Enterprise → DMZ first
  EXPECT_EQ(ent_dmz.channels[0].flows, std::vector<std::size_t>{f.flow("f4")});
  EXPECT_FALSE(ent_dmz.channels[1].forward);
  EXPECT_EQ(ent_dmz.channels[1].flows, std::vector<std::size_t>{f.flow("f3")});
  EXPECT_EQ(ent_dmz.channels[1].via, std::vector<std::size_t>{f.asset("fw1")});

  const Conduit& dmz_ctl = z.conduits[1];
  EXPECT_EQ(dmz_ctl.a, 1u);
  EXPECT_EQ(dmz_ctl.b, 2u);
  ASSERT_EQ(dmz_ctl.devices.size(), 2u);
  EXPECT_EQ(dmz_ctl.devices[0].kind, DeviceKind::kOneWay);
  EXPECT_EQ(dmz_ctl.devices[1].asset, f.asset("eng"));
  EXPECT_EQ(dmz_ctl.devices[1].kind, DeviceKind::kHost);
  ASSERT_EQ(dmz_ctl.channels.size(), 1u);  // both OPC UA flows in one channel, control → DMZ
  EXPECT_FALSE(dmz_ctl.channels[0].forward);
  EXPECT_EQ(dmz_ctl.channels[0].protocol, "OPC UA");
  EXPECT_EQ(dmz_ctl.channels[0].flows, (std::vector<std::size_t>{f.flow("f1"), f.flow("f2")}));
  EXPECT_EQ(dmz_ctl.channels[0].via, std::vector<std::size_t>{f.asset("diode")});
  EXPECT_EQ(dmz_ctl.flow_count(), 2u);

  const Conduit& ctl_out = z.conduits[2];
  EXPECT_EQ(ctl_out.a, 2u);
  EXPECT_EQ(ctl_out.b, 3u);
  ASSERT_EQ(ctl_out.devices.size(), 1u);
  EXPECT_EQ(ctl_out.devices[0].kind, DeviceKind::kNetworkDevice);
  ASSERT_EQ(ctl_out.channels.size(), 1u);
  EXPECT_TRUE(ctl_out.channels[0].via.empty());  // a router joins one segment: nothing crossed
}

TEST(ZonesConduitsTest, GroupingByPurdueLevelMergesZonesOfOneLevel) {
  Fixture f;
  model::Model m = f.m();
  m.zones[1].purdue_level = 4;  // the DMZ now shares the enterprise's level
  ZonesConduits z = zones_conduits(m, *f.l->profile, nullptr, ZoneGrouping::kPurdue);
  ASSERT_EQ(z.groups.size(), 3u);
  EXPECT_EQ(z.groups[0].zones, 2u);
  EXPECT_EQ(group_name(m, z.groups[0], model::Lang::kEn), "Purdue level 4");
  ASSERT_EQ(z.conduits.size(), 2u);  // the firewall is now inside one group
  EXPECT_EQ(z.conduits[0].devices.size(), 2u);
}

TEST(ZonesConduitsTest, TableHasOneRowPerChannel) {
  Fixture f;
  ZonesConduits z = zones_conduits(f.m(), *f.l->profile, &f.topology);
  Table t = zones_conduits_table(f.m(), *f.l->profile, z, model::Lang::kEn);
  EXPECT_EQ(t.id, "zones-conduits");
  ASSERT_EQ(t.rows.size(), 4u);
  ASSERT_EQ(t.columns.size(), 10u);
  const std::vector<Cell>& r = t.rows[2];  // DMZ — Control, control → DMZ
  EXPECT_EQ(r[0].number, 2);
  EXPECT_EQ(r[1].text, "DMZ (Purdue level 3.5)");
  EXPECT_EQ(r[2].text, "Control (Purdue level 2)");
  EXPECT_EQ(r[3].text,
            "Diode (One-way gateway; one-way gateway)\nEWS (Engineering workstation (EWS); host on "
            "several zones)");
  EXPECT_EQ(r[4].text, "B → A");
  EXPECT_EQ(r[5].text, "OPC UA");
  EXPECT_EQ(r[6].text, "4840");
  EXPECT_EQ(r[7].text, "運転データ\nCounters");
  EXPECT_EQ(r[8].number, 2);
  EXPECT_EQ(r[9].text, "Diode");
  EXPECT_EQ(t.rows[3][2].text, "(outside any zone)");
}

TEST(ZonesConduitsTest, JsonListsZonesAndConduitsWithIds) {
  Fixture f;
  ZonesConduits z = zones_conduits(f.m(), *f.l->profile, &f.topology);
  std::string j = zones_conduits_json(f.m(), z, 1);
  EXPECT_NE(j.find(R"({"id": "z-dmz", "name": "DMZ", "purdue_level": 3.5, "assets": 2, )"),
            std::string::npos)
      << j;
  EXPECT_NE(j.find(R"({"id": null, "name": "", "purdue_level": null, "assets": 1, "networks": 1})"),
            std::string::npos);
  EXPECT_NE(j.find(R"({"zones": ["z-dmz", "z-ctl"], "devices": [{"id": "diode", "kind": )"
                   R"("one-way"}, {"id": "eng", "kind": "host"}], "channels": [{"from": "z-ctl", )"
                   R"("to": "z-dmz", "protocol": "OPC UA", "port": "4840", "flows": ["f1", )"
                   R"("f2"], "via": ["diode"]}]})"),
            std::string::npos)
      << j;
  EXPECT_EQ(j, zones_conduits_json(f.m(), zones_conduits(f.m(), *f.l->profile, &f.topology), 1));
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

TEST(ZonesDiagramTest, DrawsZonesAndConduitNodesOnly) {
  Fixture f;
  ZonesConduits z = zones_conduits(f.m(), *f.l->profile, &f.topology);
  std::string dot = zones_dot(f.m(), z, model::Lang::kEn);
  EXPECT_EQ(dot, zones_dot(f.m(), z, model::Lang::kEn));
  std::unique_ptr<Agraph_t, GraphCloser> g(agmemread(dot.c_str()));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnnodes(g.get()), 4 + 3);  // four zone groups, three conduits; no asset node
  EXPECT_EQ(agnedges(g.get()), 2 * 3);
  EXPECT_NE(dot.find("Purdue level 3.5"), std::string::npos);
  EXPECT_NE(dot.find("(outside any zone)"), std::string::npos);
  EXPECT_NE(dot.find("↑ OPC UA 4840 ×2"), std::string::npos);
  EXPECT_EQ(dot.find("Laptop"), std::string::npos);  // assets appear only as conduit devices
  EXPECT_NE(dot.find("FW-1"), std::string::npos);
}

TEST(ZonesDiagramTest, HostileNamesStayText) {
  std::string xml = kPlant;
  const std::string hostile = "A&quot;]; x -&gt; y [label=&lt;&lt;B&gt;x&lt;/B&gt;&gt; \\N";
  xml.replace(xml.find("name=\"DMZ\""), 10, "name=\"" + hostile + "\"");
  xml.replace(xml.find("name=\"FW-1\""), 11, "name=\"" + hostile + "\"");
  auto l = testing::load(xml);
  ZonesConduits z = zones_conduits(*l->model, *l->profile, nullptr);
  std::string dot = zones_dot(*l->model, z, model::Lang::kEn);
  std::unique_ptr<Agraph_t, GraphCloser> g(agmemread(dot.c_str()));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnnodes(g.get()), 7);
  EXPECT_NE(dot.find("A&quot;]; x -&gt; y [label=&lt;&lt;B&gt;x&lt;/B&gt;&gt; \\N"),
            std::string::npos)
      << dot;
}

}  // namespace
}  // namespace icsrisk::report
