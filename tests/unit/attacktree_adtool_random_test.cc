// ADTool 2 round trips on random attack–defence trees: our tree → ADTool → our tree keeps every
// figure (probability, cost, time, skill, with the measures in force), ADTool's reader would
// accept the file, and a second round trip changes nothing.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "attacktree/adtool.h"
#include "attacktree/defence.h"
#include "attacktree/generate.h"
#include "attacktree/summary.h"
#include "core/diagnostics.h"
#include "core/source.h"
#include "unit/attacktree_adtool_check.h"

namespace icsrisk::attacktree {
namespace {

class RandomTrees {
 public:
  explicit RandomTrees(unsigned seed) : rng_(seed) {}

  /// Leaves with values (sometimes one missing), measures with effects on them (shared leaves
  /// included), measures without effects on gates; conjunctions all <and> or all <sand> — or,
  /// one tree in three, both, without measures and with times only (a <sandtree>).
  Tree make() {
    Tree t;
    t.id = "random";
    std::size_t mode = pick(3);  // 0: <and>, 1: <sand>, 2: both (a <sandtree>)
    bool sequential = mode == 1;
    mixed_ = mode == 2;
    std::size_t leaves = 1 + pick(7), gates = (mixed_ ? 3 : 1) + pick(5);
    for (std::size_t i = 0; i < leaves; ++i)
      t.nodes.push_back(leaf(i, sequential));
    for (std::size_t g = 0; g < gates; ++g) {
      Node n;
      NodeKind both = g % 2 ? NodeKind::kAnd : NodeKind::kSand;
      NodeKind conjunction = mixed_ ? both : sequential ? NodeKind::kSand : NodeKind::kAnd;
      n.kind = pick(mixed_ ? 3 : 2) == 0 ? NodeKind::kOr : conjunction;
      n.id = "g" + std::to_string(g);
      std::size_t want = 1 + pick(3);
      for (std::size_t k = 0; k < want; ++k) {
        std::size_t c = pick(t.nodes.size());
        if (std::find(n.children.begin(), n.children.end(), c) == n.children.end())
          n.children.push_back(c);
      }
      for (std::size_t k = pick(3); k > 1 && !mixed_; --k)
        n.edit_extra().countermeasures.push_back(measure(false, false));
      t.nodes.push_back(n);
    }
    t.root = t.nodes.size() - 1;
    order_nodes(t);
    return t;
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

  Node leaf(std::size_t i, bool sequential) {
    Node n;
    n.kind = pick(2) ? NodeKind::kLeaf : NodeKind::kStep;
    n.id = "e" + std::to_string(i);
    if (n.kind == NodeKind::kStep)
      n.edit_extra().from = "attacker", n.edit_extra().to = "plc", n.edit_extra().method = "m";
    std::size_t missing = pick(12);  // 0–3: that domain is missing on this leaf
    if (missing != 2) n.time = static_cast<double>(pick(20));
    if (mixed_) return n;
    if (missing != 0) n.probability = static_cast<double>(pick(9)) / 8;
    if (missing != 1) n.cost = static_cast<double>(pick(50));
    if (missing != 3) n.skill = static_cast<double>(1 + pick(5));
    for (std::size_t k = pick(4); k > 1; --k)
      n.edit_extra().countermeasures.push_back(measure(true, sequential));
    return n;
  }

  TreeCountermeasure measure(bool effect, bool sequential) {
    TreeCountermeasure m;
    m.ref = "m" + std::to_string(pick(3));
    m.function = pick(2) ? model::Function::kProtect : model::Function::kDetect;
    if (pick(4) == 0) m.status = model::Status::kPlanned;
    if (pick(3) == 0) m.cost = static_cast<double>(pick(100));
    if (!effect) return m;
    if (pick(5) == 0) {
      m.blocks = true;
      return m;
    }
    if (pick(2)) m.probability_factor = static_cast<double>(pick(4)) / 4;
    if (pick(2)) m.adds_cost = static_cast<double>(1 + pick(30));
    if (sequential && pick(2)) m.adds_time = static_cast<double>(1 + pick(10));
    return m;
  }

  std::mt19937 rng_;
  bool mixed_ = false;
};

std::optional<Tree> reimport(const std::string& text, std::string& diagnostics) {
  static std::vector<std::unique_ptr<core::SourceFile>> files;  // outlive the trees
  files.push_back(std::make_unique<core::SourceFile>("a.xml", text));
  core::Diagnostics diags;
  std::optional<Tree> t = import_adtool(*files.back(), diags);
  diagnostics = diags.render();
  return t;
}

std::string exported(const Tree& t) {
  core::Diagnostics diags;
  std::optional<std::string> text = export_adtool(t, diags);
  EXPECT_TRUE(text) << diags.render();
  return text.value_or("");
}

std::vector<std::optional<double>> figures(const Tree& t) {
  std::vector<Domain> ds = {Domain::kProbability, Domain::kCost, Domain::kTime, Domain::kSkill};
  TreeEvaluation e = evaluate_tree(with_measures_in_force(t, true), ds);
  std::vector<std::optional<double>> out;
  for (const Figure& f : e.figures)
    out.push_back(f.value);
  return out;
}

TEST(AdtoolRoundTripTest, RandomAttackDefenceTreesKeepEveryFigure) {
  int with_effects = 0, with_sharing = 0, sandtrees = 0;
  for (unsigned seed = 1; seed <= 400; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Tree t = RandomTrees(seed).make();
    with_effects += has_effects(t);
    with_sharing += shared_node_count(t) > 0;
    std::string a1 = exported(t);
    sandtrees += a1.find("<sandtree>") != std::string::npos;
    ASSERT_EQ(testing::AdtoolChecker().check(a1), std::vector<std::string>{}) << a1;
    std::string diagnostics;
    std::optional<Tree> t1 = reimport(a1, diagnostics);
    ASSERT_TRUE(t1) << diagnostics << a1;
    std::vector<std::optional<double>> want = figures(t), got = figures(*t1);
    for (std::size_t d = 0; d < want.size(); ++d) {
      ASSERT_EQ(want[d].has_value(), got[d].has_value()) << d << "\n" << a1;
      if (want[d] && *want[d] != *got[d]) {  // ∞ (every attack blocked) compares equal
        EXPECT_NEAR(*want[d], *got[d], 1e-12 * (1 + std::abs(*want[d]))) << d;
      }
    }
    std::string a2 = exported(*t1);
    std::optional<Tree> t2 = reimport(a2, diagnostics);
    ASSERT_TRUE(t2) << diagnostics;
    EXPECT_EQ(write_tree(*t2), write_tree(*t1));
    EXPECT_EQ(exported(*t2), a2);
  }
  // The trees exercise what the mapping is about: defences with effects, shared events.
  EXPECT_GT(with_effects, 150);
  EXPECT_GT(with_sharing, 100);
  EXPECT_GT(sandtrees, 25);
}

}  // namespace
}  // namespace icsrisk::attacktree
