// Fuzz target: the attack-tree loader (against the built-in profile), then every evaluation
// on the trees it accepts. The streaming reader may accept only what the full reader accepts
// without a word (it aborts otherwise, so the fuzzer reports the input).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "attacktree/defence.h"
#include "attacktree/loader.h"
#include "attacktree/stream_reader.h"
#include "attacktree/summary.h"
#include "core/diagnostics.h"
#include "model/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  static const auto profile = [] {
    core::Diagnostics d;
    return model::load_profile(model::builtin_profile_file(), d);
  }();
  core::SourceFile file("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  attacktree::LoadContext context{profile ? &*profile : nullptr, nullptr};
  auto tree = attacktree::load_tree(file, diags, context);
  (void)diags.render();
  if (attacktree::stream_tree(file, context)) {
    core::Diagnostics full;
    if (!attacktree::load_tree_dom(file, full, context) || !full.all().empty()) std::abort();
  }
  if (tree) {
    attacktree::EvalContext ctx;
    ctx.profile = context.profile;
    attacktree::BddOptions small;
    small.max_set_nodes = 100000;
    small.max_seconds = 2;
    small.max_bdd_nodes = 100000;
    std::vector<attacktree::Domain> all(std::begin(attacktree::kAllDomains),
                                        std::end(attacktree::kAllDomains));
    small.rank = {attacktree::Rank::kProbability, attacktree::Rank::kCost, attacktree::Rank::kTime,
                  attacktree::Rank::kPareto};
    small.max_rank_work = 1000000;
    attacktree::Tree defended = attacktree::with_measures_in_force(*tree, true);
    (void)attacktree::render_evaluation(defended,
                                        attacktree::evaluate_tree(defended, all, ctx, small));
    (void)attacktree::render_measures(
        attacktree::Domain::kCost,
        attacktree::rank_measures(*tree, attacktree::Domain::kCost, true, ctx, small));
  }
  return 0;
}
