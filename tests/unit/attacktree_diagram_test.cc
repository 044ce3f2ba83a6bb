// Attack-tree diagrams (report/tree_diagram.h).

#include <gtest/gtest.h>

#include <string>

#include "attacktree/evaluate.h"
#include "attacktree/loader.h"
#include "model/loader.h"
#include "report/render.h"
#include "report/tree_diagram.h"
#include "unit/golden.h"

namespace icsrisk::report {
namespace {

TEST(AttackTreeDiagramTest, ExampleTreeDotIsStableAndRenders) {
  core::Diagnostics d;
  std::optional<model::Profile> p = model::load_profile(model::builtin_profile_file(), d);
  ASSERT_TRUE(p);
  core::SourceFile file(
      "shared-subtree.xml",
      testing::read_text(testing::source_path("attack-trees/examples/shared-subtree.xml")));
  std::optional<attacktree::Tree> t = attacktree::load_tree(file, d, {&*p, nullptr});
  ASSERT_TRUE(t) << d.render();
  attacktree::EvalContext ctx;
  ctx.profile = &*p;
  std::string text =
      tree_dot(*t, attacktree::evaluate_nodes(*t, attacktree::Domain::kIpa, ctx), &*p);
  testing::expect_golden("attacktree/shared-subtree.dot", text);
  // One DOT node per tree node, one edge per parent-child link (the shared gate has two).
  std::size_t edges = 0;
  for (std::size_t at = 0; (at = text.find(" -> ", at)) != std::string::npos; ++at)
    ++edges;
  EXPECT_EQ(edges, 12u);
  EXPECT_NE(text.find("\"n0\" [shape=\"invtrapezium\", label=\"OR\\n"), std::string::npos);
  core::Result<std::string> svg = render_dot(text, ImageFormat::kSvg);
  ASSERT_TRUE(svg) << svg.error().message;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
}

TEST(AttackTreeDiagramTest, HostileNamesStayInsideTheirLabels) {
  attacktree::Tree t;
  attacktree::Node leaf;
  leaf.kind = attacktree::NodeKind::kLeaf;
  leaf.id = "x";
  leaf.set_name("\"]; evil [label=\"pwned");
  t.nodes.push_back(leaf);
  t.root = 0;
  t.id = "t";
  attacktree::order_nodes(t);
  std::string text = tree_dot(t, {});
  EXPECT_NE(text.find("label=\"\\\"]; evil [label=\\\"pwned\""), std::string::npos) << text;
  core::Result<std::string> svg = render_dot(text, ImageFormat::kSvg);
  ASSERT_TRUE(svg) << svg.error().message;
  std::size_t nodes = 0;
  for (std::size_t at = 0; (at = svg->find("class=\"node\"", at)) != std::string::npos; ++at)
    ++nodes;
  EXPECT_EQ(nodes, 1u) << *svg;
}

}  // namespace
}  // namespace icsrisk::report
