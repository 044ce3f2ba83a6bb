// System and data-flow diagrams: golden DOT for the example plants, structure checked through
// cgraph, hostile names, and the `icsrisk diagram` command.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "unit/cli_run.h"
#include "unit/golden.h"

namespace icsrisk::report {
namespace {

using testing::read_text;
using testing::source_path;

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr parse(const std::string& text) {
  agseterrf([](char*) { return 0; });
  GraphPtr g(agmemread(text.c_str()));
  agseterrf(nullptr);
  return g;
}

/// A loaded and linked example model, with the files it points into kept alive.
class Plant {
 public:
  explicit Plant(const std::string& name)
      : file_("models/" + name + ".xml", read_text(source_path("models/" + name + ".xml"))) {
    profile_ = *model::load_profile(model::builtin_profile_file(), diags_);
    model_ = *model::load_model(file_, diags_);
    model::link_model(model_, profile_, diags_);
  }
  model::Model& model() { return model_; }
  const model::Profile& profile() const { return profile_; }
  const core::Diagnostics& diags() const { return diags_; }
  std::string dot(View v, model::Lang lang = model::Lang::kJa) {
    DiagramOptions o;
    o.lang = lang;
    return diagram_dot(v, model_, profile_, o);
  }

 private:
  core::SourceFile file_;
  core::Diagnostics diags_;
  model::Profile profile_;
  model::Model model_;
};

Agnode_t* node(Agraph_t* g, const std::string& id) {
  return agnode(g, const_cast<char*>(id.c_str()), 0);
}

std::string get(void* obj, const char* key) {
  const char* v = agget(obj, const_cast<char*>(key));
  return v ? v : "";
}

class DiagramGoldenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DiagramGoldenTest, SystemAndDataflowMatchGoldenFiles) {
  Plant p(GetParam());
  ASSERT_FALSE(p.diags().has_errors());
  // The example plant's DOT is the committed sample report's (ReportsAreCurrent pins it).
  if (std::string(GetParam()) == "model-plant") GTEST_SKIP() << "pinned by reports/model-plant";
  testing::expect_golden(std::string("dot/") + GetParam() + ".system.dot", p.dot(View::kSystem));
  testing::expect_golden(std::string("dot/") + GetParam() + ".dataflow.dot",
                         p.dot(View::kDataflow));
}

TEST_P(DiagramGoldenTest, CgraphParsesBothViewsWithEveryElementOnce) {
  Plant p(GetParam());
  const model::Model& m = p.model();
  GraphPtr sys = parse(p.dot(View::kSystem));
  ASSERT_TRUE(sys);
  std::size_t connects = 0;
  for (const model::Asset& a : m.assets) {
    EXPECT_NE(node(sys.get(), asset_node(a)), nullptr) << a.id;
    connects += a.connects.size();
  }
  for (const model::Network& n : m.networks)
    EXPECT_NE(node(sys.get(), network_node(n)), nullptr);
  for (const model::Entry& e : m.entries)
    EXPECT_NE(node(sys.get(), entry_node(e)), nullptr);
  int visible_edges = 0;
  for (Agnode_t* n = agfstnode(sys.get()); n; n = agnxtnode(sys.get(), n))
    for (Agedge_t* e = agfstout(sys.get(), n); e; e = agnxtout(sys.get(), e))
      if (get(e, "style") != "invis") ++visible_edges;
  EXPECT_EQ(visible_edges, static_cast<int>(connects + m.entries.size()));

  GraphPtr flows = parse(p.dot(View::kDataflow));
  ASSERT_TRUE(flows);
  for (const model::Flow& f : m.flows) {
    Agnode_t* mid = node(flows.get(), "f:" + std::string(f.id));
    ASSERT_NE(mid, nullptr) << f.id;
    EXPECT_EQ(agdegree(flows.get(), mid, 1, 1), 2) << f.id;  // sender and receiver only
    EXPECT_EQ(get(mid, "label"),
              dot::esc_string(std::string(f.data) + "\n" + std::string(f.protocol)));
  }
}

INSTANTIATE_TEST_SUITE_P(Plants, DiagramGoldenTest,
                         ::testing::Values("model-plant", "small-plant"));

TEST(DiagramTest, OutputIsByteIdenticalAcrossRunsWithLfEndings) {
  Plant a("model-plant");
  Plant b("model-plant");
  std::string first = a.dot(View::kSystem);
  EXPECT_EQ(first, b.dot(View::kSystem));
  EXPECT_EQ(first.find('\r'), std::string::npos);
  EXPECT_EQ(first.find("0x"), std::string::npos);
  EXPECT_EQ(first.back(), '\n');
}

TEST(DiagramTest, OneWayGatewayArrowsPointFromUpstreamToDownstream) {
  Plant p("model-plant");
  GraphPtr g = parse(p.dot(View::kSystem));
  ASSERT_TRUE(g);
  Agnode_t* gw = node(g.get(), "a:diode-1");
  ASSERT_NE(gw, nullptr);
  // Where the arrowhead is drawn: at the head for dir=forward, at the tail for dir=back.
  auto arrow_at = [&](Agedge_t* e) {
    std::string dir = get(e, "dir");
    return std::string(agnameof(dir == "back" ? agtail(e) : aghead(e)));
  };
  int checked = 0;
  for (Agedge_t* e = agfstedge(g.get(), gw); e; e = agnxtedge(g.get(), e, gw)) {
    std::string other = agnameof(agtail(e) == gw ? aghead(e) : agtail(e));
    if (other == "n:n-ctrl-info") {  // upstream network: data flows into the gateway
      EXPECT_EQ(arrow_at(e), "a:diode-1");
      ++checked;
    } else if (other == "n:n-dmz") {  // downstream network: data flows out of it
      EXPECT_EQ(arrow_at(e), "n:n-dmz");
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);
}

TEST(DiagramTest, AssetsShowGroupsFilteringAndImportance) {
  Plant p("model-plant");
  GraphPtr g = parse(p.dot(View::kSystem));
  ASSERT_TRUE(g);
  EXPECT_NE(get(node(g.get(), "a:hmi"), "label").find("×3"), std::string::npos);
  EXPECT_EQ(get(node(g.get(), "a:fw-1"), "shape"), "doubleoctagon");
  EXPECT_EQ(get(node(g.get(), "a:diode-1"), "shape"), "cds");
  EXPECT_EQ(get(node(g.get(), "a:plc-1"), "shape"), "box3d");
  EXPECT_EQ(get(node(g.get(), "a:temp-sensor"), "shape"), "ellipse");
  EXPECT_NE(get(node(g.get(), "a:plc-1"), "fillcolor"), get(node(g.get(), "a:hmi"), "fillcolor"));
  EXPECT_NE(get(node(g.get(), "a:hmi"), "fillcolor"), get(node(g.get(), "a:mon-pc"), "fillcolor"));
  EXPECT_EQ(get(node(g.get(), "e:ep-wlan"), "shape"), "invhouse");
  EXPECT_EQ(get(g.get(), "fontname"), "IPAexGothic");
}

TEST(DiagramTest, EnglishUsesTheProfilesEnglishNames) {
  Plant p("small-plant");
  std::string en = p.dot(View::kSystem, model::Lang::kEn);
  EXPECT_NE(en.find("Firewall"), std::string::npos);
  EXPECT_NE(en.find("Legend"), std::string::npos);
  EXPECT_EQ(en.find("凡例"), std::string::npos);
  EXPECT_NE(en.find("事務用端末"), std::string::npos);  // model names stay as written
}

TEST(DiagramTest, ParallelFlowsStaySeparateEdges) {
  Plant p("small-plant");
  model::Flow copy = p.model().flows.front();
  copy.id = "df-copy";
  copy.data = "second";
  p.model().flows.push_back(copy);
  GraphPtr g = parse(p.dot(View::kDataflow));
  ASSERT_TRUE(g);
  EXPECT_NE(node(g.get(), "f:df-copy"), nullptr);
  EXPECT_NE(node(g.get(), "f:" + std::string(p.model().flows.front().id)), nullptr);
}

TEST(DiagramTest, HostileNamesStayTextAndAddNoElements) {
  Plant clean("small-plant");
  GraphPtr reference = parse(clean.dot(View::kSystem));
  GraphPtr reference_flows = parse(clean.dot(View::kDataflow));
  ASSERT_TRUE(reference && reference_flows);

  Plant p("small-plant");
  const std::string evil = "\"];\nX -> Y [<script>\\N\x01}";
  model::Model& m = p.model();
  m.name = evil;
  for (auto& z : m.zones)
    z.name = evil;
  for (auto& n : m.networks)
    n.name = evil;
  for (auto& a : m.assets)
    a.name = evil;
  for (auto& e : m.entries)
    e.name = evil;
  for (auto& f : m.flows)
    f.data = f.protocol = evil;
  GraphPtr g = parse(p.dot(View::kSystem));
  GraphPtr flows = parse(p.dot(View::kDataflow));
  ASSERT_TRUE(g && flows);
  EXPECT_EQ(agnnodes(g.get()), agnnodes(reference.get()));
  EXPECT_EQ(agnedges(g.get()), agnedges(reference.get()));
  EXPECT_EQ(agnnodes(flows.get()), agnnodes(reference_flows.get()));
  EXPECT_EQ(agnedges(flows.get()), agnedges(reference_flows.get()));
  EXPECT_EQ(get(node(g.get(), "n:n-office"), "label"), dot::esc_string(evil + "  [有線]"));
  EXPECT_NE(get(node(g.get(), "a:plc"), "label").find(dot::html_escape(evil)), std::string::npos);
}

// ---- icsrisk diagram ---------------------------------------------------------------------

class DiagramCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_dir("icsrisk-diagram"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Runs the CLI with `args`; stdout and stderr go to files in the test folder.
  int run(const std::string& args) {
    testing::CliResult r = testing::run_icsrisk("diagram " + args);
    out_ = r.out;
    err_ = r.err;
    return r.code;
  }
  const std::string& err() const { return err_; }
  std::filesystem::path dir_;
  std::string out_, err_;
};

TEST_F(DiagramCliTest, WritesSvgAndCreatesParentFolders) {
  std::filesystem::path out = dir_ / "nested" / "deeper" / "plant.svg";
  EXPECT_EQ(run(source_path("models/small-plant.xml") + " -o " + out.string()), 0) << err();
  std::string svg = read_text(out.string());
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_EQ(err(), "");
}

TEST_F(DiagramCliTest, WritesDotForTheDataflowView) {
  std::filesystem::path out = dir_ / "flows.dot";
  EXPECT_EQ(
      run(source_path("models/small-plant.xml") + " --view dataflow --lang en -o " + out.string()),
      0)
      << err();
  EXPECT_EQ(read_text(out.string()).rfind("digraph \"small-plant\" {", 0), 0u);
}

TEST_F(DiagramCliTest, InvalidModelExitsThree) {
  std::filesystem::path bad = dir_ / "bad.xml";
  std::ofstream(bad) << R"(<?xml version="1.0" encoding="UTF-8"?>
<system id="bad" name="bad" xmlns="urn:icsrisk:model:1">
  <assets><asset id="a" name="A" type="server" importance="2"><connect network="nowhere"/></asset></assets>
</system>
)";
  EXPECT_EQ(run(bad.string() + " -o " + (dir_ / "x.svg").string()), 3);
  EXPECT_NE(err().find("nowhere"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.svg"));
}

TEST_F(DiagramCliTest, UnwritableOutputExitsFour) {
  EXPECT_EQ(run(source_path("models/small-plant.xml") + " -o /proc/forbidden/x.svg"), 4);
  EXPECT_NE(err().find("/proc/forbidden"), std::string::npos);
}

TEST_F(DiagramCliTest, BadViewOrExtensionIsAUsageError) {
  EXPECT_EQ(run(source_path("models/small-plant.xml") + " --view routes-of-doom"), 2);
  EXPECT_EQ(run(source_path("models/small-plant.xml") + " -o " + (dir_ / "x.txt").string()), 2);
}

}  // namespace
}  // namespace icsrisk::report
