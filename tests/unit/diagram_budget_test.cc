// Size budgets of the drawings (issues 13 item 11 and 17): the data-flow view without label
// nodes above DiagramOptions::flow_label_limit, the routes view trimmed to max_drawn routes,
// and the note drawn in place of a diagram over kRenderElementBudget. Each says what it left out.

#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"
#include "report/diagram.h"
#include "report/diagram_budget.h"
#include "report/render.h"
#include "report/routes_diagram.h"
#include "risk/analysis.h"
#include "unit/golden.h"

namespace icsrisk::report {
namespace {

class DiagramBudgetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    profile_ = *model::load_profile(model::builtin_profile_file(), diags_);
    model_ = *model::load_model(model::builtin_example_file(), diags_);
    model::link_model(model_, profile_, diags_);
    ASSERT_FALSE(diags_.has_errors());
  }
  core::Diagnostics diags_;
  model::Profile profile_;
  model::Model model_;
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST_F(DiagramBudgetTest, DataflowAboveTheLabelLimitDrawsPlainEdgesAndSaysSo) {
  DiagramOptions o;
  o.lang = model::Lang::kEn;
  const std::string labelled = diagram_dot(View::kDataflow, model_, profile_, o);
  o.flow_label_limit = 1;
  const std::string plain = diagram_dot(View::kDataflow, model_, profile_, o);
  const std::size_t flows = model_.flows.size();
  ASSERT_GT(flows, 1u);
  EXPECT_EQ(count(labelled, "\"f:"), 3 * flows);  // the label node and its two edges
  EXPECT_EQ(count(plain, "\"f:"), 0u);
  EXPECT_NE(plain.find(fmt::format("Flow labels left out ({} flows, over 1)", flows)),
            std::string::npos);
  EXPECT_NE(plain.find(fmt::format("tooltip=\"{}: ", model_.flows[0].id)), std::string::npos);
  auto plain_size = dot_elements(plain);
  auto labelled_size = dot_elements(labelled);
  ASSERT_TRUE(plain_size.ok() && labelled_size.ok());
  EXPECT_EQ(*labelled_size - *plain_size, 2 * flows);  // one node and one edge fewer per flow
  EXPECT_EQ(labelled.find("Flow labels left out"), std::string::npos);
}

TEST_F(DiagramBudgetTest, RoutesViewDrawsAtMostMaxDrawnRoutesAndCountsTheRest) {
  const risk::Results results = risk::analyze(model_, profile_);
  const risk::ScenarioRisk* row = nullptr;
  for (const risk::ScenarioRisk& s : results.scenario_risks)
    if (!row || s.routes.size() > row->routes.size()) row = &s;
  ASSERT_NE(row, nullptr);
  ASSERT_GT(row->routes.size(), 2u);
  RoutesDiagramOptions o;
  o.diagram.lang = model::Lang::kEn;
  o.max_routes = 1;  // a larger max_routes raises the cap to it
  const std::string whole = routes_dot(model_, profile_, *row, o);
  const std::size_t drawn = count(whole, "<B>R");
  ASSERT_GT(drawn, 2u);
  o.max_drawn = 2;
  const std::string trimmed = routes_dot(model_, profile_, *row, o);
  EXPECT_EQ(count(trimmed, "<B>R"), 2u);
  EXPECT_NE(trimmed.find(fmt::format("{} further routes", drawn - 2)), std::string::npos);
  EXPECT_NE(trimmed.find("at most 2 are drawn, worst first"), std::string::npos);
  EXPECT_EQ(whole.find("further routes"), std::string::npos);
}

TEST(DiagramBudgetNoteTest, TheNoteParsesNamesTheDiagramAsTextAndTheFigures) {
  const std::string dot = budget_note_dot("routes-<b>\"x\\", 12345, 12000, model::Lang::kEn);
  auto n = dot_elements(dot);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 1u);
  EXPECT_NE(dot.find("its 12345 nodes and edges are over the drawing budget of 12000"),
            std::string::npos);
  auto svg = render_dot(dot, ImageFormat::kSvg);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_NE(svg->find("routes&#45;&lt;b&gt;"), std::string::npos);
  EXPECT_NE(budget_note_dot("system", 1, 0, model::Lang::kJa).find("描画の上限 0"),
            std::string::npos);
}

TEST(DiagramBudgetNoteTest, BudgetBoundaryIsInclusive) {
  EXPECT_TRUE(within_budget(kRenderElementBudget));
  EXPECT_FALSE(within_budget(kRenderElementBudget + 1));
}

}  // namespace
}  // namespace icsrisk::report
