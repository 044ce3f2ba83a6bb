// Issue 14, item 7: minimal attack sets name their events (the node's name where it has one;
// the id otherwise), in the listed sets and in every ranking. The JSON output keeps the ids.

#include <gtest/gtest.h>

#include <string>

#include "attacktree/summary.h"
#include "unit/attacktree_text.h"

namespace icsrisk::attacktree {
namespace {

TEST(AttackTreeSetNamesTest, SetsShowEventNamesWhereTheyExist) {
  LoadedText l = load_text(R"(<attack-tree id="t"><or id="g0">
    <leaf id="phish" name="Phishing mail" probability="0.5" cost="10"/>
    <and id="g1">
      <leaf id="usb" name="Infected USB stick" probability="0.4" cost="20"/>
      <leaf id="x2" probability="0.2" cost="30"/>
    </and>
  </or></attack-tree>)");
  ASSERT_TRUE(l.tree) << l.diagnostics;
  BddOptions o;
  o.rank = {Rank::kCost};
  const std::string text =
      render_evaluation(*l.tree, evaluate_tree(*l.tree, {Domain::kProbability}, {}, o));
  EXPECT_NE(text.find("    1. {Phishing mail}\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    2. {Infected USB stick, x2}\n"), std::string::npos) << text;
  EXPECT_NE(text.find("cost 10, time n/a: {Phishing mail}"), std::string::npos) << text;
  EXPECT_EQ(text.find("{phish}"), std::string::npos) << text;
}

}  // namespace
}  // namespace icsrisk::attacktree
