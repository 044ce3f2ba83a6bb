#pragma once
// Bottom-up evaluation of attack trees in the domains of method.md §8.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attacktree/tree.h"
#include "model/profile.h"
#include "risk/scenario_steps.h"

namespace icsrisk::attacktree {

enum class Domain { kIpa, kProbability, kCost, kTime, kSkill };
inline constexpr Domain kAllDomains[] = {Domain::kIpa, Domain::kProbability, Domain::kCost,
                                         Domain::kTime, Domain::kSkill};

/// "ipa", "probability", "cost", "time", "skill".
const char* domain_name(Domain d);
/// The domain of a name above, or nullopt.
std::optional<Domain> parse_domain(std::string_view name);

/// The countermeasure level (1–3) of a step (from, to, method) in a model, as the
/// business-impact analysis computes it (method.md §7), or nullopt when the model has no such
/// step. `from` is kAttacker for an entry step.
using StepLevelFn = std::function<std::optional<int>(const std::string& from, const std::string& to,
                                                     const std::string& method)>;

/// A StepLevelFn backed by the model's per-step query (risk/scenario_steps.h), within scenario
/// `scenario` when it is not empty (its final step follows the final-step rule). `levels` must
/// outlive the function.
StepLevelFn model_step_levels(const risk::StepLevels& levels, std::string scenario = {},
                              bool include_planned = false);

struct EvalContext {
  /// Gives the stage of a step's method (which tree countermeasures count, §5). Optional.
  const model::Profile* profile = nullptr;
  /// When set (a model is given), a step's IPA level is the model's, and the tree's
  /// countermeasures do not change it.
  StepLevelFn step_level;
  /// Count `planned` tree countermeasures as implemented (the "after" value).
  bool include_planned = false;
};

/// The value of one domain at the root, or n/a with the basic events that lack it.
struct DomainValue {
  Domain domain = Domain::kIpa;
  std::optional<double> value;       ///< nullopt: n/a
  std::vector<std::string> missing;  ///< ids of basic events without a value, in tree order
  /// IPA domain: branches of an OR that are n/a (a step the model has no channel for) and were
  /// skipped, the OR taking the least level of the others; labels in tree order.
  std::vector<std::string> skipped;
};

/// The IPA level of one basic event under the functions inherited from its ancestors' measures
/// (bits 0–2: functions acting in the intrusion stage, bits 3–5: objective stage):
/// - a leaf with `level` takes it;
/// - a step, when `ctx.step_level` is set, takes the model's level;
/// - otherwise the §5 rule over the functions of the implemented measures on the event and
///   inherited: for a step, those acting in its method's stage (any stage when the profile
///   does not know the method); for a leaf, those of either stage.
std::optional<int> event_level(const Tree& t, std::size_t node, std::uint8_t inherited,
                               const EvalContext& ctx);

/// Evaluates one domain bottom-up (method.md §8 table): OR min / AND max / SAND max for the IPA
/// level (an n/a branch of an OR is skipped, and listed in `skipped`, unless all are n/a); OR
/// 1−Π(1−p), AND and SAND Π p for probability; OR min, AND and SAND sum for cost; OR min, AND max,
/// SAND sum for time; OR min, AND and SAND max for skill. A shared node is evaluated once
/// (memoised), so the cost is O(nodes + edges) — except the IPA domain with countermeasures on
/// gates, where a node is evaluated once per distinct set of inherited functions (at most 64). On a
/// DAG the probability is the naive value (see bdd.h for the exact one). Needs `t.order`
/// (order_nodes).
DomainValue evaluate(const Tree& t, Domain d, const EvalContext& ctx = {});

/// The value of every node (indexed like t.nodes; nullopt where n/a or unreachable). In the
/// IPA domain a shared node seen through several paths with different inherited measures
/// gets its lowest level (its weakest path).
std::vector<std::optional<double>> evaluate_nodes(const Tree& t, Domain d,
                                                  const EvalContext& ctx = {});

}  // namespace icsrisk::attacktree
