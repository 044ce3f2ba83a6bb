// The routes view: golden DOT for the example plants, the overlay checked through cgraph (one
// labelled edge per drawn step), emphasis, the unreachable case, and `icsrisk diagram --view
// routes`.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram_style.h"
#include "report/risk_colours.h"
#include "report/routes_diagram.h"
#include "risk/analysis.h"
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

std::string get(void* obj, const char* key) {
  const char* v = agget(obj, const_cast<char*>(key));
  return v ? v : "";
}

Agnode_t* node(Agraph_t* g, const std::string& id) {
  return agnode(g, const_cast<char*>(id.c_str()), 0);
}

/// A loaded, linked and analysed example model.
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
  /// Analyses the model (again) and returns the row of scenario `id`, valid until the next call.
  const risk::ScenarioRisk& row(const std::string& id) {
    results_ = risk::analyze(model_, profile_);
    const risk::ScenarioRisk* r = find_scenario_risk(model_, results_.scenario_risks, id);
    EXPECT_NE(r, nullptr) << id;
    return *r;
  }
  std::string dot(const std::string& id, std::size_t k = 5, model::Lang lang = model::Lang::kJa,
                  bool focus = false) {
    RoutesDiagramOptions o;
    o.diagram.lang = lang;
    o.max_routes = k;
    o.focus = focus;
    return routes_dot(model_, profile_, row(id), o);
  }

 private:
  core::SourceFile file_;
  core::Diagnostics diags_;
  model::Profile profile_;
  model::Model model_;
  risk::Results results_;
};

/// The overlay edges of a parsed routes view, by class.
std::map<std::string, std::vector<Agedge_t*>> overlay_edges(Agraph_t* g) {
  std::map<std::string, std::vector<Agedge_t*>> out;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      if (!get(e, "class").empty()) out[get(e, "class")].push_back(e);
  return out;
}

struct Case {
  const char* plant;
  const char* scenario;
};

/// The routes a routes view draws (RoutesDiagramOptions::max_routes): the first k listed, and
/// the first listed route from every other entry point and through every other attack base.
std::vector<risk::Route> drawn_routes(const risk::ScenarioRisk& s, std::size_t k) {
  std::set<std::size_t> entries, bases;
  std::vector<risk::Route> out;
  for (std::size_t i = 0; i < s.routes.size(); ++i) {
    bool new_entry = entries.insert(s.routes[i].entry).second;
    bool new_base = bases.insert(s.routes[i].steps.back().from).second;
    if (i < k || new_entry || new_base) out.push_back(s.routes[i]);
  }
  return out;
}

class RoutesDiagramGoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(RoutesDiagramGoldenTest, MatchesGoldenFile) {
  Plant p(GetParam().plant);
  ASSERT_FALSE(p.diags().has_errors());
  // The example plant's DOT is the committed sample report's (ReportsAreCurrent pins it).
  if (std::string(GetParam().plant) == "model-plant")
    GTEST_SKIP() << "pinned by reports/model-plant";
  testing::expect_golden(fmt::format("dot/{}.routes-{}.dot", GetParam().plant, GetParam().scenario),
                         p.dot(GetParam().scenario));
}

TEST_P(RoutesDiagramGoldenTest, OverlayHasOneLabelledEdgePerStepAlongItsPath) {
  Plant p(GetParam().plant);
  const model::Model& m = p.model();
  const risk::ScenarioRisk s = p.row(GetParam().scenario);
  ASSERT_GE(s.routes.size(), 2u);
  GraphPtr g = parse(p.dot(GetParam().scenario));
  ASSERT_TRUE(g);
  auto edges = overlay_edges(g.get());
  std::size_t steps = 0, vias = 0;
  const std::vector<risk::Route> drawn = drawn_routes(s, 5);
  for (std::size_t r = 0; r < drawn.size(); ++r) {
    for (std::size_t j = 0; j < drawn[r].steps.size(); ++j) {
      const risk::Step& st = drawn[r].steps[j];
      ++steps;
      vias += st.via.size();
      // The step's labelled edge ends at its destination and comes from its last device, its
      // source asset or the route's entry point.
      std::string id = fmt::format("r{}-s{}", r + 1, j + 1);
      std::string tag = fmt::format("R{}-{}", r + 1, j + 1);
      int found = 0, labelled = 0;
      for (Agedge_t* x : edges[kRouteStepClass]) {
        // Every step's tag is shown exactly once, on its own edge or on a shared label.
        std::string xlabel = get(x, "xlabel");
        for (std::size_t at = xlabel.find(tag); at != std::string::npos;
             at = xlabel.find(tag, at + 1))
          if (at + tag.size() == xlabel.size() || !std::isdigit(xlabel[at + tag.size()]))
            ++labelled;
        if (get(x, "id") != id) continue;
        ++found;
        EXPECT_EQ(std::string(agnameof(aghead(x))), asset_node(m.assets[st.to]));
        std::string tail = !st.via.empty()           ? asset_node(m.assets[st.via.back()])
                           : st.from != model::kNone ? asset_node(m.assets[st.from])
                                                     : entry_node(m.entries[drawn[r].entry]);
        EXPECT_EQ(std::string(agnameof(agtail(x))), tail) << tag;
        EXPECT_EQ(get(x, "color"), report::kRiskColours[model::index_of(drawn[r].risk)]);
        EXPECT_EQ(get(x, "constraint"), "false");
      }
      EXPECT_EQ(labelled, 1) << tag;
      EXPECT_EQ(found, 1) << tag;
    }
  }
  EXPECT_EQ(edges[kRouteStepClass].size(), steps);
  EXPECT_EQ(edges[kRouteViaClass].size(), vias);
}

INSTANTIATE_TEST_SUITE_P(Plants, RoutesDiagramGoldenTest,
                         ::testing::Values(Case{"model-plant", "sc-1-1"},
                                           Case{"small-plant", "sc-1"}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           // Stable test names (ctest lists them): no pointer bytes.
                           return info.index == 0 ? std::string("ModelPlant")
                                                  : std::string("SmallPlant");
                         });

TEST(RoutesDiagramTest, RouteCountLimitsTheOverlay) {
  Plant p("model-plant");
  const risk::ScenarioRisk s = p.row("sc-1-1");
  ASSERT_GE(s.routes.size(), 3u);
  GraphPtr g = parse(p.dot("sc-1-1", 2));
  ASSERT_TRUE(g);
  // The first two, then one more per entry point and attack base not yet drawn.
  const std::vector<risk::Route> drawn = drawn_routes(s, 2);
  ASSERT_LT(drawn.size(), s.routes.size());
  std::size_t steps = 0;
  for (const risk::Route& r : drawn)
    steps += r.steps.size();
  EXPECT_EQ(overlay_edges(g.get())[kRouteStepClass].size(), steps);
  const std::string key = get(node(g.get(), "routes:key"), "label");
  EXPECT_NE(key.find(fmt::format("R{}<", drawn.size())), std::string::npos);
  EXPECT_EQ(key.find(fmt::format("R{}<", drawn.size() + 1)), std::string::npos);
}

TEST(RoutesDiagramTest, TargetAndBasesAreEmphasisedAndTheRestIsMuted) {
  Plant p("model-plant");
  GraphPtr g = parse(p.dot("sc-1-1"));
  ASSERT_TRUE(g);
  Agnode_t* target = node(g.get(), "a:plc-1");
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(get(target, "penwidth"), "4");
  EXPECT_EQ(get(target, "color"), "#b71c1c");
  for (const char* base : {"a:scada", "a:ews"}) {
    EXPECT_EQ(get(node(g.get(), base), "penwidth"), "3") << base;
    EXPECT_NE(get(node(g.get(), base), "style").find("dashed"), std::string::npos) << base;
  }
  // Off every route: pale fill and grey text; the plain system view has them vivid.
  Agnode_t* off = node(g.get(), "a:temp-sensor");
  ASSERT_NE(off, nullptr);
  EXPECT_EQ(get(off, "fontcolor"), "#607d8b");
  EXPECT_EQ(get(node(g.get(), "n:n-office"), "fontcolor"), "#607d8b");
  std::string title = get(g.get(), "label");
  EXPECT_NE(title.find("不正なコマンド送信による反応工程の停止 — リスク B"), std::string::npos);
}

TEST(RoutesDiagramTest, FocusDrawsOnlyWhatTheRoutesTouchWithTheSameOverlay) {
  Plant p("model-plant");
  const risk::ScenarioRisk s = p.row("sc-1-1");
  GraphPtr full = parse(p.dot("sc-1-1"));
  GraphPtr focused = parse(p.dot("sc-1-1", 5, model::Lang::kJa, true));
  ASSERT_TRUE(full && focused);
  // Every asset of the drawn routes, the target and the bases are there, with their networks
  // and zones; assets, networks and zones away from them are not.
  std::set<std::string> expected;
  for (const risk::Route& r : drawn_routes(s, 5))
    for (const risk::Step& st : r.steps) {
      if (st.from != model::kNone)
        expected.insert("a:" + std::string(p.model().assets[st.from].id));
      expected.insert("a:" + std::string(p.model().assets[st.to].id));
      for (std::size_t v : st.via)
        expected.insert("a:" + std::string(p.model().assets[v].id));
    }
  for (const char* id : {"a:plc-1", "a:scada", "a:ews"})
    expected.insert(id);
  std::set<std::string> assets;
  for (Agnode_t* n = agfstnode(focused.get()); n; n = agnxtnode(focused.get(), n))
    if (std::string_view(agnameof(n)).starts_with("a:")) assets.insert(agnameof(n));
  EXPECT_EQ(assets, expected);
  EXPECT_LT(assets.size(), p.model().assets.size());
  EXPECT_EQ(node(focused.get(), "a:temp-sensor"), nullptr);
  EXPECT_NE(node(full.get(), "a:temp-sensor"), nullptr);
  EXPECT_NE(node(focused.get(), "n:n-control"), nullptr);  // the target's network
  // The routes start at the wireless LAN entry point: its network and zone are drawn.
  ASSERT_EQ(p.model().entries[s.routes[0].entry].id, "ep-wlan");
  EXPECT_NE(node(focused.get(), "n:n-wlan"), nullptr);
  EXPECT_NE(agsubg(focused.get(), const_cast<char*>("cluster_z:z-wireless"), 0), nullptr);
  // The safety network, which no drawn route touches, is not.
  EXPECT_EQ(node(focused.get(), "n:n-safety"), nullptr);
  EXPECT_NE(node(full.get(), "n:n-safety"), nullptr);
  // The same overlay: one labelled edge per drawn step, as in the full view.
  EXPECT_EQ(overlay_edges(focused.get())[kRouteStepClass].size(),
            overlay_edges(full.get())[kRouteStepClass].size());
}

TEST(RoutesDiagramTest, UnreachableTargetDrawsTheSystemWithATitleNote) {
  Plant p("small-plant");
  p.model().entries.clear();  // no way in
  const risk::ScenarioRisk s = p.row("sc-1");
  ASSERT_TRUE(s.routes.empty());
  GraphPtr g = parse(p.dot("sc-1", 5, model::Lang::kEn));
  ASSERT_TRUE(g);
  EXPECT_NE(get(g.get(), "label").find("no route reaches the target"), std::string::npos);
  EXPECT_TRUE(overlay_edges(g.get()).empty());
  EXPECT_EQ(node(g.get(), "routes:key"), nullptr);
  EXPECT_EQ(get(node(g.get(), "a:plc"), "penwidth"), "4");  // the target is still marked
}

TEST(RoutesDiagramTest, HostileScenarioAndAssetNamesStayText) {
  Plant clean("small-plant");
  GraphPtr reference = parse(clean.dot("sc-1"));
  ASSERT_TRUE(reference);
  Plant p("small-plant");
  const std::string evil = "\"];\nX -> Y [<script>\\N\x01}";
  p.model().name = evil;
  for (auto& i : p.model().impacts)
    for (auto& s : i.scenarios)
      s.name = evil;
  for (auto& a : p.model().assets)
    a.name = evil;
  for (auto& e : p.model().entries)
    e.name = evil;
  GraphPtr g = parse(p.dot("sc-1"));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnnodes(g.get()), agnnodes(reference.get()));
  EXPECT_EQ(agnedges(g.get()), agnedges(reference.get()));
  EXPECT_EQ(get(g.get(), "label").rfind(dot::esc_string(evil), 0), 0u);
}

TEST(RoutesDiagramTest, FindsScenariosById) {
  Plant p("model-plant");
  risk::Results r = risk::analyze(p.model(), p.profile());
  std::vector<std::string_view> ids = scenario_ids(p.model());
  ASSERT_EQ(ids.size(), r.scenario_risks.size());
  EXPECT_EQ(ids.front(), "sc-1-1");
  const risk::ScenarioRisk* row = find_scenario_risk(p.model(), r.scenario_risks, "sc-1-2");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(p.model().impacts[row->impact].scenarios[row->scenario].id, "sc-1-2");
  EXPECT_EQ(find_scenario_risk(p.model(), r.scenario_risks, "nope"), nullptr);
}

// ---- icsrisk diagram --view routes -------------------------------------------------------

class RoutesDiagramCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::fresh_test_dir("icsrisk-routes"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

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

TEST_F(RoutesDiagramCliTest, WritesPng) {
  std::filesystem::path out = dir_ / "routes.png";
  EXPECT_EQ(run(source_path("models/model-plant.xml") +
                " --view routes --scenario sc-1-1 --routes 3 -o " + out.string()),
            0)
      << err();
  std::string png = read_text(out.string());
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST_F(RoutesDiagramCliTest, WritesDotWithTheRequestedNumberOfRoutes) {
  EXPECT_EQ(
      run(source_path("models/small-plant.xml") + " --view routes --scenario sc-1 --routes 1"), 0)
      << err();
  GraphPtr g = parse(out_);
  ASSERT_TRUE(g);
  // Route 1, and the first route of every other entry point and attack base.
  Plant p("small-plant");
  const std::size_t drawn = drawn_routes(p.row("sc-1"), 1).size();
  ASSERT_GT(drawn, 1u);
  std::set<std::string> numbers;
  for (auto& [cls, edges] : overlay_edges(g.get()))
    for (Agedge_t* e : edges) {
      std::string id = get(e, "id");
      numbers.insert(id.substr(0, id.find('-')));
    }
  std::set<std::string> expected;
  for (std::size_t r = 1; r <= drawn; ++r)
    expected.insert(fmt::format("r{}", r));
  EXPECT_EQ(numbers, expected);
}

TEST_F(RoutesDiagramCliTest, MissingScenarioIsAUsageError) {
  EXPECT_EQ(run(source_path("models/small-plant.xml") + " --view routes"), 2);
  EXPECT_NE(err().find("--scenario"), std::string::npos);
}

TEST_F(RoutesDiagramCliTest, UnknownScenarioSuggestsTheClosest) {
  EXPECT_EQ(run(source_path("models/model-plant.xml") + " --view routes --scenario sc1-2"), 2);
  EXPECT_NE(err().find("unknown scenario 'sc1-2'; did you mean 'sc-1-2'?"), std::string::npos)
      << err();
  EXPECT_EQ(run(source_path("models/model-plant.xml") + " --view routes --scenario zzz"), 2);
  EXPECT_NE(err().find("sc-3-2"), std::string::npos) << err();  // the known ids are listed
}

}  // namespace
}  // namespace icsrisk::report
