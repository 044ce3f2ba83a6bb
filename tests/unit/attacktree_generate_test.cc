// Generated attack trees, the tree writer, and the `icsrisk trees` command.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "attacktree/generate.h"
#include "attacktree/loader.h"
#include "attacktree/summary.h"
#include "model/loader.h"
#include "model/validate.h"
#include "risk/analysis.h"
#include "unit/cli_run.h"
#include "unit/golden.h"

namespace icsrisk::attacktree {
namespace {

using testing::source_path;

std::string fmt_path(const char* a, const char* b, const char* c) {
  return std::string(a) + b + c;
}

struct Fixture {
  core::Diagnostics diags;
  std::unique_ptr<core::SourceFile> file;
  model::Profile profile;
  model::Model model;
};

const Fixture& small_plant() {
  static const Fixture* f = [] {
    auto* x = new Fixture;
    x->profile = *model::load_profile(model::builtin_profile_file(), x->diags);
    x->file = std::make_unique<core::SourceFile>(
        "small-plant.xml", testing::read_text(source_path("models/small-plant.xml")));
    x->model = *model::load_model(*x->file, x->diags);
    model::link_model(x->model, x->profile, x->diags);
    return x;
  }();
  return *f;
}

risk::Step step(const Fixture& f, const char* from, const char* to, const char* method, int level,
                std::vector<const char*> measures = {}) {
  risk::Step s;
  s.from = std::string(from) == "attacker" ? kNone : f.model.asset_index.at(from);
  s.to = f.model.asset_index.at(to);
  s.method = f.profile.find_threat(method);
  for (const char* m : measures)
    s.countermeasures.push_back(f.profile.find_countermeasure(m));
  s.countermeasure_level = level;
  return s;
}

/// A hand-built result for scenario sc-1 of the small plant: three routes; the mail entry step
/// and the final step ews → plc are each shared by two routes.
risk::ScenarioRisk hand_built_sc1(const Fixture& f) {
  risk::ScenarioRisk s;
  s.impact = 0;
  s.scenario = 0;
  s.impact_level = 3;
  s.risk = model::Risk::kA;
  s.routes_total = 7;
  s.truncated = true;
  risk::Route usb{1, 2, 1, 3, model::Risk::kA, {}};
  usb.steps = {step(f, "attacker", "ews", "unauthorized-media", 1),
               step(f, "ews", "plc", "unauthorized-transmission", 1)};
  risk::Route mail{0, 3, 3, 1, model::Risk::kB, {}};
  mail.steps = {
      step(f, "attacker", "office-pc", "malware-infection", 2, {"anti-virus"}),
      step(f, "office-pc", "scada", "unauthorized-access", 3, {"access-control", "log-collection"}),
      step(f, "scada", "plc", "unauthorized-transmission", 1)};
  risk::Route mail2{0, 3, 2, 2, model::Risk::kA, {}};
  mail2.steps = {step(f, "attacker", "office-pc", "malware-infection", 2, {"anti-virus"}),
                 step(f, "office-pc", "ews", "unauthorized-access", 2, {"log-collection"}),
                 step(f, "ews", "plc", "unauthorized-transmission", 1)};
  s.routes = {usb, mail, mail2};
  return s;
}

TEST(AttackTreeGenerateTest, ScenarioTreeIsAnOrOfSandRoutesWithSharedSteps) {
  const Fixture& f = small_plant();
  ASSERT_FALSE(f.diags.has_errors()) << f.diags.render();
  Tree t = tree_of_scenario(f.model, f.profile, hand_built_sc1(f));
  EXPECT_EQ(t.id, "at-sc-1");
  // The guide's shape: the root OR over the entry points in the order of their first route; the
  // USB entry's single route hangs under the root, the mail entry's two routes under an OR.
  const Node& root = t.nodes[t.root];
  EXPECT_EQ(root.kind, NodeKind::kOr);
  ASSERT_EQ(root.children.size(), 2u);
  const Node& usb = t.nodes[root.children[0]];
  EXPECT_EQ(usb.kind, NodeKind::kSand);
  EXPECT_EQ(usb.id, "r1");
  EXPECT_EQ(usb.name(), "USBメモリ: エンジニアリング端末(EWS) → PLC");  // names, not ids
  const Node& mail = t.nodes[root.children[1]];
  EXPECT_EQ(mail.kind, NodeKind::kOr);
  EXPECT_EQ(mail.name(), "メール");
  ASSERT_EQ(mail.children.size(), 2u);
  EXPECT_EQ(t.nodes[mail.children[0]].id, "r2");
  EXPECT_EQ(t.nodes[mail.children[1]].id, "r3");
  EXPECT_EQ(t.nodes[usb.children[0]].name(), "USBメモリ → エンジニアリング端末(EWS)");
  EXPECT_EQ(shared_node_count(t), 2u);  // attacker → office-pc and ews → plc
  testing::expect_golden("attacktree/generated-small-plant-sc-1.xml", write_tree(t, &f.profile));
}

TEST(AttackTreeGenerateTest, EntryStepsOfTwoEntryPointsOntoOneAssetAreTwoEvents) {
  // Mail and USB both land on the EWS: different entry points, different steps (their threat
  // levels and entry measures differ), so two nodes, while the shared final step is one.
  const Fixture& f = small_plant();
  risk::ScenarioRisk s = hand_built_sc1(f);
  risk::Route mail_ews{0, 3, 1, 3, model::Risk::kA, {}};
  mail_ews.steps = {step(f, "attacker", "ews", "unauthorized-media", 1),
                    step(f, "ews", "plc", "unauthorized-transmission", 1)};
  s.routes = {s.routes[0], mail_ews};
  Tree t = tree_of_scenario(f.model, f.profile, s);
  std::size_t entry_steps = 0;
  for (const Node& n : t.nodes)
    entry_steps += n.kind == NodeKind::kStep && n.from() == attacktree::kAttacker;
  EXPECT_EQ(entry_steps, 2u);
  EXPECT_EQ(shared_node_count(t), 1u);  // ews → plc
}

TEST(AttackTreeGenerateTest, SmallPlantTreeFromTheAnalysis) {
  const Fixture& f = small_plant();
  risk::Results r = risk::analyze(f.model, f.profile);
  ASSERT_EQ(r.scenario_risks.size(), 2u);
  Tree t = tree_of_scenario(f.model, f.profile, r.scenario_risks[0]);
  testing::expect_golden("attacktree/small-plant-sc-1.xml", write_tree(t, &f.profile));
  // The tree's IPA level is the scenario's best route level: its risk letter is the scenario's.
  EvalContext ctx;
  ctx.profile = &f.profile;
  int level = static_cast<int>(*evaluate(t, Domain::kIpa, ctx).value);
  int threat = f.model.entries[r.scenario_risks[0].routes[0].entry].threat_level;
  EXPECT_EQ(f.profile.risk_of(r.scenario_risks[0].impact_level, threat, 4 - level),
            *r.scenario_risks[0].risk);
}

TEST(AttackTreeGenerateTest, RepositoryTreesAreCurrent) {
  // attack-trees/<model>/ holds `icsrisk trees generate models/<model>.xml -o
  // attack-trees/<model>`.
  const Fixture& f = small_plant();
  for (const char* name : {"model-plant", "small-plant"}) {
    core::Diagnostics d;
    core::SourceFile file(name, testing::read_text(source_path(fmt_path("models/", name, ".xml"))));
    std::optional<model::Model> m = model::load_model(file, d);
    ASSERT_TRUE(m);
    model::link_model(*m, f.profile, d);
    ASSERT_FALSE(d.has_errors()) << d.render();
    risk::Results r = risk::analyze(*m, f.profile);
    for (const risk::ScenarioRisk& s : r.scenario_risks) {
      Tree t = tree_of_scenario(*m, f.profile, s);
      std::string path = source_path(fmt_path("attack-trees/", name, "/") + t.scenario + ".xml");
      EXPECT_EQ(testing::read_text(path), write_tree(t, &f.profile))
          << path << " is stale: run icsrisk trees generate models/" << name
          << ".xml -o attack-trees/" << name;
    }
  }
}

TEST(AttackTreeGenerateTest, WrittenTreesLoadBackToTheSameText) {
  const Fixture& f = small_plant();
  std::string text =
      write_tree(tree_of_scenario(f.model, f.profile, hand_built_sc1(f)), &f.profile);
  core::SourceFile file("gen.xml", text);
  core::Diagnostics d;
  std::optional<Tree> back = load_tree(file, d, {&f.profile, &f.model});
  ASSERT_TRUE(back) << d.render();
  EXPECT_EQ(d.render(), "");
  EXPECT_EQ(write_tree(*back, &f.profile), text);
}

TEST(AttackTreeGenerateTest, GeneratedTreeEvaluatesToTheRouteLevels) {
  // Without a model the steps' levels come from the counted measures written on them: the
  // routes are at levels 1, 3, 2 and the scenario's tree at their minimum, 1.
  const Fixture& f = small_plant();
  Tree t = tree_of_scenario(f.model, f.profile, hand_built_sc1(f));
  EvalContext ctx;
  ctx.profile = &f.profile;
  std::vector<std::optional<double>> v = evaluate_nodes(t, Domain::kIpa, ctx);
  EXPECT_EQ(v[t.find("r1")], 1);
  EXPECT_EQ(v[t.find("r2")], 3);
  EXPECT_EQ(v[t.find("r3")], 2);
  EXPECT_EQ(v[t.root], 1);
  TreeEvaluation e = evaluate_tree(t, {Domain::kIpa, Domain::kProbability}, ctx);
  testing::expect_golden("attacktree/generated-small-plant-sc-1.txt", render_evaluation(t, e));
}

TEST(AttackTreeGenerateTest, ScenarioWithoutRoutesIsAnUnreachableLeaf) {
  const Fixture& f = small_plant();
  risk::ScenarioRisk s;
  s.impact = 1;
  s.scenario = 0;
  Tree t = tree_of_scenario(f.model, f.profile, s);
  ASSERT_EQ(t.order.size(), 1u);
  EXPECT_EQ(t.nodes[t.root].id, "no-route");
  EXPECT_DOUBLE_EQ(*evaluate(t, Domain::kProbability).value, 0);
  EXPECT_DOUBLE_EQ(*evaluate(t, Domain::kIpa).value, 3);
}

TEST(AttackTreeGenerateTest, WriterEscapesHostileNames) {
  Tree t;
  Node leaf;
  leaf.kind = NodeKind::kLeaf;
  leaf.id = "x";
  leaf.set_name("<script>\"&\n");
  t.nodes.push_back(leaf);
  t.root = 0;
  t.id = "t";
  order_nodes(t);
  std::string text = write_tree(t);
  EXPECT_NE(text.find("name=\"&lt;script&gt;&quot;&amp;&#10;\""), std::string::npos) << text;
  core::SourceFile file("x.xml", text);
  core::Diagnostics d;
  std::optional<Tree> back = load_tree(file, d);
  ASSERT_TRUE(back) << d.render();
  EXPECT_EQ(back->nodes[0].name(), leaf.name());
}

// The command line, run as a process.

struct CliRun {
  int rc = -1;
  std::string out;
};

/// Runs `icsrisk ARGS`; `out` holds stdout followed by stderr.
CliRun run(const std::string& args) {
  testing::CliResult c = testing::run_icsrisk(args);
  return CliRun{c.code, c.out + c.err};
}

TEST(AttackTreeCliTest, EvalPrintsTheDomainTable) {
  CliRun r = run("trees eval " + source_path("attack-trees/examples/shared-subtree.xml"));
  EXPECT_EQ(r.rc, 0) << r.out;
  testing::expect_golden("attacktree/eval-shared-subtree.txt", r.out);
}

TEST(AttackTreeCliTest, EvalOfAnInvalidTreeExitsThreeWithPositions) {
  std::string dir = source_path("tests/data/attacktree/");
  CliRun r = run("trees eval " + dir + "cycle.xml " + dir + "bad-probability.xml");
  EXPECT_EQ(r.rc, 3) << r.out;
  EXPECT_NE(r.out.find("cycle.xml:7:7: error: cycle through shared sub-trees: g0 → r1 → g0"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("bad-probability.xml:4:18: error: attribute 'probability' must be a "
                       "number from 0 to 1, not '1.2'"),
            std::string::npos)
      << r.out;
}

TEST(AttackTreeCliTest, MissingFileExitsFourAndBadDomainExitsTwo) {
  EXPECT_EQ(run("trees eval /nonexistent/tree.xml").rc, 4);
  EXPECT_EQ(run("trees eval " + source_path("attack-trees/examples/shared-subtree.xml") +
                " --domain cost,risk")
                .rc,
            2);
}

TEST(AttackTreeCliTest, GenerateWritesOneLoadableFilePerScenario) {
  std::string dir = (testing::fresh_test_dir("icsrisk-trees-gen") / "trees").string();
  CliRun r = run("trees generate " + source_path("models/small-plant.xml") + " -o " + dir);
  ASSERT_EQ(r.rc, 0) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir + "/sc-1.xml")) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir + "/sc-2.xml")) << r.out;
  CliRun e = run("trees eval " + dir + "/sc-1.xml " + dir + "/sc-2.xml --model " +
                 source_path("models/small-plant.xml"));
  EXPECT_EQ(e.rc, 0) << e.out;
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}

}  // namespace
}  // namespace icsrisk::attacktree
