// Issue 14, item 7: the report names things — zone labels spell out the Purdue level, and an
// attack tree's steps show asset names (the ids stay in the tooltip).

#include <gtest/gtest.h>

#include <string>

#include "attacktree/tree.h"
#include "core/diagnostics.h"
#include "golden.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/diagram_style.h"
#include "report/tree_diagram.h"

namespace icsrisk::report {
namespace {

class ReportNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::Diagnostics d;
    profile_ = *model::load_profile(model::builtin_profile_file(), d);
    file_ = std::make_unique<core::SourceFile>(
        "model-plant.xml", testing::read_text(testing::source_path("models/model-plant.xml")));
    model_ = *model::load_model(*file_, d);
    model::link_model(model_, profile_, d);
    ASSERT_FALSE(d.has_errors()) << d.render();
  }

  /// OR over one route: attacker → ews (unauthorized access), ews → plc-1.
  static attacktree::Tree route_tree() {
    attacktree::Tree t;
    t.id = "at";
    attacktree::Node root;
    root.kind = attacktree::NodeKind::kSand;
    root.id = "g";
    root.children = {1, 2};
    attacktree::Node a;
    a.kind = attacktree::NodeKind::kStep;
    a.id = "r1s1";
    a.edit_extra().from = attacktree::kAttacker;
    a.edit_extra().to = "ews";
    a.edit_extra().method = "unauthorized-access";
    attacktree::Node b = a;
    b.id = "r1s2";
    b.edit_extra().from = "ews";
    b.edit_extra().to = "plc-1";
    t.nodes = {root, a, b};
    t.root = 0;
    t.order = {1, 2, 0};
    return t;
  }

  std::unique_ptr<core::SourceFile> file_;
  model::Profile profile_;
  model::Model model_;
};

TEST_F(ReportNamesTest, ZoneLabelsSpellOutThePurdueLevel) {
  const model::Zone& office = model_.zones[model_.zone_index.find("z-office")->second];
  const model::Zone& dmz = model_.zones[model_.zone_index.find("z-dmz")->second];
  EXPECT_EQ(style::zone_label(office, model::Lang::kJa), "情報系 (パデューレベル4)");
  EXPECT_EQ(style::zone_label(dmz, model::Lang::kEn), "DMZ (Purdue level 3.5)");
  DiagramOptions o;
  o.lang = model::Lang::kEn;
  const std::string dot = diagram_dot(View::kSystem, model_, profile_, o);
  EXPECT_NE(dot.find("(Purdue level 4)"), std::string::npos);
  EXPECT_EQ(dot.find("(level "), std::string::npos);
}

TEST_F(ReportNamesTest, TreeStepsShowAssetNamesWithTheIdsInTheTooltip) {
  TreeDiagramOptions o;
  o.model = &model_;
  const std::string dot = tree_dot(route_tree(), {}, &profile_, o);
  EXPECT_NE(dot.find("攻撃者 → エンジニアリング端末(EWS) : "), std::string::npos) << dot;
  EXPECT_NE(dot.find("エンジニアリング端末(EWS) → PLC1(反応工程) : "), std::string::npos) << dot;
  EXPECT_NE(dot.find("tooltip=\"r1s2: ews → plc-1\""), std::string::npos) << dot;
  // Without the model (a tree diagram of a tree file alone) the ids are all there is.
  TreeDiagramOptions bare;
  EXPECT_NE(tree_dot(route_tree(), {}, &profile_, bare).find("ews → plc-1 : "), std::string::npos);
}

}  // namespace
}  // namespace icsrisk::report
