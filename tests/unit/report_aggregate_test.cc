// Aggregated system and data-flow views (issue 14 item 4) of a plant generated above the drawing
// limit: one node per network in zone clusters, counted edges, and rendered pictures in the
// assessment where the asset-by-asset views are DOT only.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "assessment/assessment.h"
#include "assessment/documents.h"
#include "report/aggregate_diagram.h"
#include "report/diagram.h"
#include "report/heat_map.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

constexpr std::size_t kZones = 3, kNetsPerZone = 2;

/// `assets` assets over three zones of two networks each: a firewall joins the first networks of
/// neighbouring zones, an L3 switch the two networks of a zone; the others alternate between
/// terminals (importance 1) and PLCs (importance 2 or, one in 50, 3), each sending one flow to
/// the next asset on its network and, for every tenth, one to a PLC of the next zone.
std::string large_plant(std::size_t assets, bool scenario = false) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<system id=\"big\" name=\"Big\" xmlns=\"urn:icsrisk:model:1\">\n<zones>\n";
  for (std::size_t z = 0; z < kZones; ++z)
    x += fmt::format("<zone id=\"z{0}\" name=\"Zone {0}\" purdue-level=\"{1}\"/>\n", z, 3 - z);
  x += "</zones>\n<networks>\n";
  for (std::size_t z = 0; z < kZones; ++z)
    for (std::size_t n = 0; n < kNetsPerZone; ++n)
      x += fmt::format("<network id=\"n{0}-{1}\" name=\"Net {0}-{1}\" zone=\"z{0}\"/>\n", z, n);
  x += "</networks>\n<assets>\n";
  for (std::size_t z = 0; z < kZones; ++z) {
    x += fmt::format(
        "<asset id=\"sw{0}\" name=\"SW {0}\" type=\"l3-switch\" importance=\"2\">"
        "<connect network=\"n{0}-0\"/><connect network=\"n{0}-1\"/></asset>\n",
        z);
    if (z + 1 < kZones)
      x += fmt::format(
          "<asset id=\"fw{0}\" name=\"FW {0}\" type=\"firewall\" importance=\"3\">"
          "<connect network=\"n{0}-0\"/><connect network=\"n{1}-0\"/></asset>\n",
          z, z + 1);
  }
  const std::size_t hosts = assets - (2 * kZones - 1);
  auto net = [](std::size_t i) { return i % (kZones * kNetsPerZone); };
  for (std::size_t i = 0; i < hosts; ++i) {
    std::size_t n = net(i);
    bool plc = i % 2 == 1;
    x += fmt::format(
        "<asset id=\"a{}\" name=\"A {}\" type=\"{}\" importance=\"{}\">"
        "<connect network=\"n{}-{}\"/></asset>\n",
        i, i, plc ? "plc" : "terminal",
        !plc          ? 1
        : i % 50 == 1 ? 3
                      : 2,
        n / kNetsPerZone, n % kNetsPerZone);
  }
  x += "</assets>\n<dataflows>\n";
  const std::size_t step = kZones * kNetsPerZone;
  for (std::size_t i = 0; i + step < hosts; ++i)
    x += fmt::format("<flow id=\"f{}\" from=\"a{}\" to=\"a{}\" protocol=\"P{}\"/>\n", i, i,
                     i + step, i % 3);
  x += "</dataflows>\n";
  if (scenario)  // mail into terminal a0, against PLC a1 (the next zone's PLCs receive flows)
    x += "<entry-points><entry id=\"ep\" name=\"Mail\" asset=\"a0\" vector=\"mail\" "
         "threat-level=\"3\"/></entry-points>\n<business-impacts><impact id=\"bi\" "
         "name=\"Stop\" level=\"3\"><scenario id=\"sc\" name=\"Stop the PLC\" target=\"a7\" "
         "attack=\"unauthorized-transmission\"/></impact></business-impacts>\n";
  x += "</system>\n";
  return x;
}

/// The English assessment of `l` for the formats `formats`.
assessment::Assessment assess_en(const testing::LoadedModel& l, const char* formats) {
  assessment::Options o;
  o.formats = *assessment::Formats::parse(formats);
  o.lang = model::Lang::kEn;
  return assessment::assess(*l.model, *l.profile, o);
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

std::string attr_of(void* obj, const char* key) {
  const char* v = agget(obj, const_cast<char*>(key));
  return v ? v : "";
}

TEST(AggregateDiagramTest, SystemViewHasOneNodePerNetworkAndCountedJoins) {
  auto l = testing::load(large_plant(assessment::kRenderAssetLimit + 10));
  ASSERT_TRUE(assessment::too_large_to_draw(*l->model));
  std::string dot =
      report::aggregate_dot(report::View::kSystem, *l->model, *l->profile, model::Lang::kEn);
  EXPECT_EQ(dot,
            report::aggregate_dot(report::View::kSystem, *l->model, *l->profile, model::Lang::kEn));
  std::unique_ptr<Agraph_t, GraphCloser> g(agmemread(dot.c_str()));
  ASSERT_TRUE(g);
  // Per zone its L3 switch joins its two networks; the firewalls join neighbouring zones; each
  // join is drawn through a label node.
  const int joins = static_cast<int>(kZones + kZones - 1);
  EXPECT_EQ(agnnodes(g.get()), static_cast<int>(kZones * kNetsPerZone) + joins);
  EXPECT_EQ(agnedges(g.get()), 2 * joins);
  Agnode_t* n0 = agnode(g.get(), const_cast<char*>("n:n0-0"), 0);
  Agnode_t* n1 = agnode(g.get(), const_cast<char*>("n:n1-0"), 0);
  ASSERT_TRUE(n0 && n1);
  std::string firewall_label;
  for (Agedge_t* e = agfstout(g.get(), n0); e; e = agnxtout(g.get(), e))
    for (Agedge_t* f = agfstout(g.get(), aghead(e)); f; f = agnxtout(g.get(), f))
      if (aghead(f) == n1) firewall_label = attr_of(aghead(e), "label");
  EXPECT_EQ(firewall_label, "Firewall ×1");
  // Net 0-0 holds the switch, the first firewall and every sixth host from a0 (terminals).
  std::string label = attr_of(n0, "label");
  EXPECT_NE(label.find("Terminal ×"), std::string::npos) << label;
  EXPECT_EQ(label.find("PLC"), std::string::npos) << label;  // PLCs are on odd networks
  EXPECT_NE(label.find("highest importance 3"), std::string::npos) << label;  // the firewall
  EXPECT_NE(dot.find("Zone 1 (Purdue level 2)"), std::string::npos);
}

TEST(AggregateDiagramTest, DataflowViewCountsFlowsBetweenGroups) {
  auto l = testing::load(large_plant(assessment::kRenderAssetLimit + 10));
  std::string dot =
      report::aggregate_dot(report::View::kDataflow, *l->model, *l->profile, model::Lang::kEn);
  std::unique_ptr<Agraph_t, GraphCloser> g(agmemread(dot.c_str()));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnnodes(g.get()), static_cast<int>(kZones * kNetsPerZone));
  EXPECT_EQ(agnedges(g.get()), 0);  // every flow stays on its network
  std::size_t flows = l->model->flows.size();
  std::size_t inside = 0;
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
    std::string label = attr_of(n, "label");
    std::size_t at = label.find(" flows inside");
    ASSERT_NE(at, std::string::npos) << label;
    std::size_t start = label.rfind('>', at) + 1;
    inside += std::stoul(label.substr(start, at - start));
  }
  EXPECT_EQ(inside, flows);
}

TEST(AggregateDiagramTest, AssessmentDrawsAggregatedViewsAboveTheLimit) {
  auto l = testing::load(large_plant(assessment::kRenderAssetLimit + 10));
  assessment::Assessment a = assess_en(*l, "dot,svg");
  ASSERT_NE(a.diagram("system"), nullptr);
  EXPECT_FALSE(a.diagram("system")->render);
  for (const char* stem : {"zones", "system-aggregated", "dataflow-aggregated"}) {
    ASSERT_NE(a.diagram(stem), nullptr) << stem;
    EXPECT_TRUE(a.diagram(stem)->render) << stem;
  }
  EXPECT_EQ(a.diagrams.front().stem, "zones");
  const std::filesystem::path dir = testing::fresh_test_dir("icsrisk-aggregate");
  std::size_t svgs = 0;
  for (const assessment::Document& d : assessment::documents(a)) {
    if (d.name != "diagrams/system-aggregated.svg" && d.name != "diagrams/zones.svg") continue;
    const std::filesystem::path file = dir / std::filesystem::path(d.name).filename();
    ASSERT_TRUE(d.write(file)) << d.name;
    EXPECT_NE(testing::read_text(file.string()).find("<svg"), std::string::npos) << d.name;
    ++svgs;
  }
  EXPECT_EQ(svgs, 2u);
  std::filesystem::remove_all(dir);
}

// A plant too large to draw holds no DOT text of its whole-plant views: each is made when its
// .dot file is written (issue 14 item 5: 820 MB of DOT on 100,000 assets), and the file is the
// view's full DOT. Its heat maps are written over the aggregated groups only: the asset-by-asset
// one would be system.dot again with the visits results.json holds.
TEST(AggregateDiagramTest, LargePlantsViewsAreMadeWhenTheirDotFilesAreWritten) {
  auto l = testing::load(large_plant(assessment::kRenderAssetLimit + 10, true));
  assessment::Assessment a = assess_en(*l, "dot");
  ASSERT_EQ(a.quant.size(), 1u);
  EXPECT_EQ(a.diagram("heat-sc"), nullptr);
  ASSERT_NE(a.diagram("heat-sc-aggregated"), nullptr);
  for (const char* stem : {"system", "dataflow"}) {
    const assessment::Diagram* d = a.diagram(stem);
    ASSERT_NE(d, nullptr) << stem;
    EXPECT_TRUE(d->dot.empty()) << stem;
    EXPECT_TRUE(d->make_dot) << stem;
    EXPECT_FALSE(d->render) << stem;
  }
  const std::filesystem::path dir = testing::fresh_test_dir("icsrisk-lazy-dot");
  std::map<std::string, std::string> written;
  for (const assessment::Document& d : assessment::documents(a)) {
    const std::filesystem::path file = dir / std::filesystem::path(d.name).filename();
    ASSERT_TRUE(d.write(file)) << d.name;
    written[d.name] = testing::read_text(file.string());
  }
  std::filesystem::remove_all(dir);
  report::DiagramOptions view;
  view.lang = model::Lang::kEn;
  EXPECT_EQ(written["diagrams/system.dot"],
            report::diagram_dot(report::View::kSystem, *l->model, *l->profile, view));
  EXPECT_EQ(written["diagrams/dataflow.dot"],
            report::diagram_dot(report::View::kDataflow, *l->model, *l->profile, view));
  EXPECT_EQ(written.count("diagrams/heat-sc.dot"), 0u);
  EXPECT_EQ(written["diagrams/heat-sc-aggregated.dot"], a.diagram("heat-sc-aggregated")->dot);
  // Without the dot format nothing of them is kept: they are not drawn.
  assessment::Assessment b = assess_en(*l, "svg");
  EXPECT_EQ(b.diagram("heat-sc"), nullptr);
  ASSERT_NE(b.diagram("system"), nullptr);
  EXPECT_FALSE(b.diagram("system")->make_dot);
  for (const assessment::Document& d : assessment::documents(b))
    EXPECT_NE(d.name, "diagrams/system.dot");
}

// Every plant gets its heat maps drawn: above the drawing limit over the groups of the
// aggregated system view, each group shaded by its highest visit, the target's outlined; the
// HTML report shows them in the scenario's section.
TEST(AggregateDiagramTest, LargePlantsHeatMapsAreDrawnOverTheAggregatedGroups) {
  auto l = testing::load(large_plant(assessment::kRenderAssetLimit + 10, true));
  assessment::Assessment a = assess_en(*l, "svg,html");
  const assessment::Diagram* heat = a.diagram("heat-sc-aggregated");
  ASSERT_NE(heat, nullptr);
  EXPECT_TRUE(heat->render);
  std::unique_ptr<Agraph_t, GraphCloser> g(agmemread(heat->dot.c_str()));
  std::unique_ptr<Agraph_t, GraphCloser> view(
      agmemread(a.diagram("system-aggregated")->dot.c_str()));
  ASSERT_TRUE(g && view);
  EXPECT_EQ(agnnodes(g.get()), agnnodes(view.get()));  // the same groups and label nodes
  const quant::ScenarioQuant& q = a.quant[0];
  const double highest = *std::max_element(q.visit.begin(), q.visit.end());
  ASSERT_GT(highest, 0.0);
  // The target a7 (a PLC: index 7, network 7 % 6 = 1, so net n0-1) is in the node of n0-1.
  Agnode_t* target = agnode(g.get(), const_cast<char*>("n:n0-1"), 0);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(attr_of(target, "penwidth"), "4");
  std::size_t outlined = 0, darkest = 0;
  for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
    if (attr_of(n, "penwidth") == "4") ++outlined;
    if (attr_of(n, "fillcolor") == report::heat_colour(1.0)) ++darkest;
  }
  EXPECT_EQ(outlined, 1u);
  EXPECT_GE(darkest, 1u);  // the group of the highest visit
  EXPECT_NE(heat->dot.find(fmt::format("highest visit {:.3g}", highest)), std::string::npos);
  EXPECT_NE(heat->dot.find("p_goal"), std::string::npos);
  const std::filesystem::path dir = testing::fresh_test_dir("icsrisk-aggregate-heat");
  std::string html;
  for (const assessment::Document& d : assessment::documents(a)) {
    if (d.name != "report.html") continue;
    ASSERT_TRUE(d.write(dir / "report.html"));
    html = testing::read_text((dir / "report.html").string());
  }
  std::filesystem::remove_all(dir);
  EXPECT_NE(html.find("highest visit"), std::string::npos);  // the drawing, inlined
}

TEST(AggregateDiagramTest, SmallPlantsGetNoAggregatedViews) {
  auto l = testing::load(large_plant(200));
  assessment::Options o;
  o.formats = *assessment::Formats::parse("dot");
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, o);
  EXPECT_EQ(a.diagram("system-aggregated"), nullptr);
  EXPECT_TRUE(a.diagram("system")->render);
}

}  // namespace
}  // namespace icsrisk
