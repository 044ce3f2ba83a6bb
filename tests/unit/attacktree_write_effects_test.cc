// write_tree keeps a countermeasure's attack–defence attributes (its cost and effect): a tree
// imported from ADTool, or any tree with effects, must survive being written and read again.

#include <gtest/gtest.h>

#include "attacktree/generate.h"
#include "unit/attacktree_text.h"

namespace icsrisk::attacktree {
namespace {

TEST(WriteTreeTest, KeepsCountermeasureCostAndEffects) {
  LoadedText in = load_text(R"(<attack-tree id="t" xmlns="urn:icsrisk:attack-tree:1">
  <or id="g">
    <leaf id="a" probability="0.5" cost="3">
      <countermeasure ref="m1" function="protect" cost="12" probability-factor="0.25" adds-cost="4" adds-time="2"/>
      <countermeasure ref="m2" function="detect" effect="block" status="planned"/>
    </leaf>
    <leaf id="b" probability="0.1"/>
  </or>
</attack-tree>
)");
  ASSERT_TRUE(in.tree) << in.diagnostics;
  std::string written = write_tree(*in.tree);
  LoadedText out = load_text(written);
  ASSERT_TRUE(out.tree) << out.diagnostics << written;
  const std::vector<TreeCountermeasure>& ms =
      out.tree->nodes[out.tree->find("a")].countermeasures();
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].cost, 12);
  EXPECT_EQ(ms[0].probability_factor, 0.25);
  EXPECT_EQ(ms[0].adds_cost, 4);
  EXPECT_EQ(ms[0].adds_time, 2);
  EXPECT_FALSE(ms[0].blocks);
  EXPECT_TRUE(ms[1].blocks);
  EXPECT_EQ(ms[1].status, model::Status::kPlanned);
  EXPECT_EQ(write_tree(*out.tree), written);
}

}  // namespace
}  // namespace icsrisk::attacktree
