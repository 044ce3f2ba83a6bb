// Segments and flow routing (method.md §7) on the example plant, against models/README.md.

#include <gtest/gtest.h>

#include <random>

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

/// A random topology in the test profile for the direction check: up to 12 networks; firewalls,
/// one-way gateways (sometimes with a third, role-less connection, or both roles on networks of
/// one segment) and routers joining two or three networks; hosts on one or two networks; many
/// flows. Often has several strongly connected components.
std::string random_topology(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int n_nets = pick(2, 12), n_hosts = pick(2, 10), n_dev = pick(1, 10), n_flows = pick(1, 30);
  auto net = [&] { return R"(<connect network="n)" + std::to_string(pick(0, n_nets - 1)) + "\""; };
  std::string networks, assets, flows;
  for (int i = 0; i < n_nets; ++i)
    networks += R"(<network id="n)" + std::to_string(i) + R"(" name="n"/>)";
  for (int i = 0; i < n_hosts; ++i) {
    assets += R"(<asset id="h)" + std::to_string(i) + R"(" name="h" type="host" importance="1">)" +
              net() + "/>" + (pick(0, 3) == 0 ? net() + "/>" : "") + "</asset>";
  }
  const char* types[] = {"firewall", "diode", "diode", "router"};
  for (int i = 0; i < n_dev; ++i) {
    std::string type = types[pick(0, 3)];
    // Device ids in random order, so the blocker and the path choice depend on the id order.
    std::string id = "d" + std::to_string(pick(0, 99)) + "-" + std::to_string(i);
    std::string connects;
    if (type == "diode") {
      connects = net() + R"( role="upstream"/>)" + net() + R"( role="downstream"/>)";
      if (pick(0, 4) == 0) connects += net() + "/>";
    } else {
      connects = net() + "/>" + net() + "/>" + (pick(0, 3) == 0 ? net() + "/>" : "");
    }
    assets += R"(<asset id=")" + id + R"(" name="d" type=")" + type + R"(" importance="1">)" +
              connects + "</asset>";
  }
  for (int i = 0; i < n_flows; ++i) {
    int a = pick(0, n_hosts - 1), b = pick(0, n_hosts - 1);
    flows += R"(<flow id="f)" + std::to_string(i) + R"(" from="h)" + std::to_string(a) +
             R"(" to="h)" + std::to_string(b) + R"("/>)";
  }
  return system_xml(networks, assets, flows, "", "");
}

TEST(TopologyRoutingTest, DirectionCheckFindsTheWrongWayFlowsAndBlockersOfFullRouting) {
  std::mt19937 rng(20261127);
  std::size_t wrong_way = 0, routed = 0, no_path = 0;
  auto empty = load(system_xml("", "", "", "", ""));  // for the test profile
  const model::Profile& profile = empty->profile;
  for (int i = 0; i < 500; ++i) {
    std::string xml = random_topology(rng);
    // Not load(): random models may have warnings and errors (e.g. a flow from a host to
    // itself, a device connected twice to one network); both sides see the same linked model.
    core::SourceFile file("random.xml", xml);
    core::Diagnostics d;
    auto m = model::load_model(file, d);
    ASSERT_TRUE(m.has_value()) << d.render();
    model::link_model(*m, profile, d);

    graph::Topology t(*m, profile);
    std::vector<std::pair<std::size_t, std::size_t>> expected, got;
    for (std::size_t f = 0; f < m->flows.size(); ++f) {
      const graph::FlowRoute& r = t.route(f);
      wrong_way += r.status == graph::FlowRoute::Status::kWrongWay;
      routed += r.status == graph::FlowRoute::Status::kRouted && !r.via.empty();
      no_path += r.status == graph::FlowRoute::Status::kNoPath;
      if (r.status == graph::FlowRoute::Status::kWrongWay) expected.emplace_back(f, r.blocker);
    }
    for (const graph::WrongWayFlow& w :
         graph::wrong_way_flows(*m, profile, graph::Segments(*m, profile)))
      got.emplace_back(w.flow, w.blocker);
    ASSERT_EQ(got, expected) << xml;
  }
  // The models exercise every outcome, many times.
  EXPECT_GT(wrong_way, 200u);
  EXPECT_GT(routed, 200u);
  EXPECT_GT(no_path, 200u);
}

}  // namespace
}  // namespace icsrisk::testing
