// Segments and flow routing (method.md §7) on the example plant, against models/README.md.

#include <gtest/gtest.h>

#include "graph/topology.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {
namespace {

class TopologyTest : public ::testing::Test {
 protected:
  void SetUp() override { plant_ = load(read_text(source_path("models/model-plant.xml")), true); }

  std::size_t net(const std::string& id) const { return plant_->model.network_index.at(id); }
  std::vector<std::size_t> via(const graph::Topology& t, const std::string& flow) const {
    return t.route(plant_->flow(flow)).via;
  }

  std::unique_ptr<Loaded> plant_;
};

TEST_F(TopologyTest, ModelPlantHasTheEightSegmentsOfItsReadme) {
  graph::Topology t(plant_->model, plant_->profile);
  EXPECT_EQ(t.segment_count(), 8u);
  // IoT gateway (non-filtering) joins the wireless LAN to the control-information LAN.
  EXPECT_EQ(t.segment_of_network(net("n-wlan")), t.segment_of_network(net("n-ctrl-info")));
  // L3 switch and serial gateway join the control LAN, the DCS network and the serial line.
  EXPECT_EQ(t.segment_of_network(net("n-dcs")), t.segment_of_network(net("n-control")));
  EXPECT_EQ(t.segment_of_network(net("n-serial")), t.segment_of_network(net("n-control")));
  // Firewalls, the one-way gateway and the VPN router separate.
  EXPECT_NE(t.segment_of_network(net("n-office")), t.segment_of_network(net("n-dmz")));
  EXPECT_NE(t.segment_of_network(net("n-dmz")), t.segment_of_network(net("n-ctrl-info")));
  EXPECT_NE(t.segment_of_network(net("n-maint")), t.segment_of_network(net("n-ctrl-info")));
  EXPECT_NE(t.segment_of_network(net("n-field")), t.segment_of_network(net("n-control")));
  // A filtering device is an asset on each of its networks.
  EXPECT_TRUE(t.share_segment(plant_->asset("fw-2"), plant_->asset("relay-srv")));
  EXPECT_TRUE(t.share_segment(plant_->asset("fw-2"), plant_->asset("scada")));
  EXPECT_TRUE(t.is_filtering(plant_->asset("diode-1")));
  EXPECT_FALSE(t.is_filtering(plant_->asset("iot-gw")));
}

TEST_F(TopologyTest, ModelPlantFlowsTakeTheDevicesItsReadmeNames) {
  graph::Topology t(plant_->model, plant_->profile);
  auto a = [&](const char* id) { return plant_->asset(id); };
  // Outwards from the control-information LAN: diode-1 sorts before fw-2 (same length).
  EXPECT_EQ(via(t, "df-20"), (std::vector<std::size_t>{a("diode-1")}));
  EXPECT_EQ(via(t, "df-21"), (std::vector<std::size_t>{a("diode-1")}));
  // Inwards only through FW2; the office reaches the DMZ through FW1.
  EXPECT_EQ(via(t, "df-12"), (std::vector<std::size_t>{a("fw-2")}));
  EXPECT_EQ(via(t, "df-06"), (std::vector<std::size_t>{a("fw-1")}));
  EXPECT_EQ(via(t, "df-33"), (std::vector<std::size_t>{a("vpn-rtr")}));
  EXPECT_EQ(via(t, "df-35"), (std::vector<std::size_t>{a("fw-3")}));
  // Within a segment (wireless LAN + control-information LAN) no device is crossed.
  EXPECT_TRUE(t.route(plant_->flow("df-30")).routable());
  EXPECT_TRUE(via(t, "df-30").empty());
  for (std::size_t f = 0; f < plant_->model.flows.size(); ++f)
    EXPECT_TRUE(t.route(f).routable()) << plant_->model.flows[f].id;
  core::Diagnostics d;
  graph::report_unroutable_flows(plant_->model, t, d);
  EXPECT_EQ(d.warning_count(), 0u) << d.render();
}

TEST(TopologyRoutingTest, FlowAcrossTwoSegmentsWithNoDeviceIsNoPathNotWrongWay) {
  auto l = load(system_xml(
      R"(<network id="n1" name="n1"/><network id="n2" name="n2"/>)",
      R"(<asset id="a" name="a" type="host" importance="1"><connect network="n1"/></asset>)"
      R"(<asset id="b" name="b" type="host" importance="1"><connect network="n2"/></asset>)",
      R"(<flow id="f" from="a" to="b"/>)", "", ""));
  graph::Topology t(l->model, l->profile);
  EXPECT_EQ(t.route(0).status, graph::FlowRoute::Status::kNoPath);
  core::Diagnostics d;
  graph::report_unroutable_flows(l->model, t, d);
  EXPECT_EQ(d.warning_count(), 0u);  // link_model already warns about these
}

}  // namespace
}  // namespace icsrisk::testing
