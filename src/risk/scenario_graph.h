#pragma once
// Internal to src/risk: the attacker's reachability graph of method.md §7 with step levels, and
// the steps themselves. Used by scenario_analysis.cc (exact scenario risk, first route) and
// scenario_routes.cc (the listed routes).
//
// Construction (why there are no O(n²) segment cliques): a segment channel u → v exists for
// every pair of assets sharing a segment, but its countermeasures depend only on the
// destination v (those protecting v against the lateral method). So each segment becomes a hub
// node: u → hub(s) costs nothing for every segment s of u, and hub(s) → v costs v's
// segment-step level. A flow channel u → v is a direct edge at its own level (v's measures plus
// those on the flow and on each filtering device it crosses). A path u → hub → v is the step
// u → v through the segment channel; the minimum over parallel channels (the step takes the
// weakest, §7) falls out of any min-max or shortest-path search over this graph. The graph has
// O(A + C + F) edges for A assets, C connections and F flows.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/topology.h"
#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"
#include "risk/results.h"

namespace icsrisk::risk::detail {

/// "No step" / "not reachable": above every countermeasure level (1..3).
inline constexpr int kUnreached = 4;

struct FlowEdge {
  std::size_t other = kNone;  ///< the other end of the flow (receiver in out, sender in in)
  std::size_t flow = kNone;
  int level = kUnreached;  ///< level of the lateral step through this flow channel
};

/// The channel of a step (method.md §7), as far as it decides the measures in force on the step
/// besides those protecting its destination. A segment channel, and the final attack on the
/// target itself, are the empty channel.
struct Channel {
  std::size_t flow = kNone;           ///< a flow channel: the flow used
  std::size_t entry_network = kNone;  ///< an entry step from a network entry point: its network
};

/// A step's weakest channel and its level.
struct Weakest {
  Channel channel;
  int level = kUnreached;
};

/// The lateral graph with the levels of one counting mode (implemented measures only, or
/// planned counted as implemented).
class ReachGraph {
 public:
  ReachGraph(const model::Model& model, const model::Profile& profile, const Coverage& coverage,
             const graph::Topology& topology, bool planned);

  const model::Model& model() const { return m_; }
  const model::Profile& profile() const { return p_; }
  const Coverage& coverage() const { return c_; }
  const graph::Topology& topology() const { return t_; }
  bool planned() const { return planned_; }

  /// Level of a lateral step into `v` through a segment channel.
  int segment_level(std::size_t v) const { return seg_level_[v]; }
  /// Routable flows sent by / received by an asset, in flow order (self-flows excluded).
  std::span<const FlowEdge> out(std::size_t a) const {
    return {out_.data() + out_start_[a], out_start_[a + 1] - out_start_[a]};
  }
  std::span<const FlowEdge> in(std::size_t a) const {
    return {in_.data() + in_start_[a], in_start_[a + 1] - in_start_[a]};
  }
  /// The level of a step into `v` with threat `method` through `channel` — the one step-level
  /// rule of method.md §7: §5 over the measures protecting v against the method, plus on a flow
  /// channel those declared on the flow and on each filtering device it crosses, plus on an
  /// entry step from a network those declared on that network. With `measures`, the counted
  /// measures are appended (profile indices, catalogue order, no repeats).
  int step_level(std::size_t v, std::size_t method, const Channel& channel,
                 std::vector<std::size_t>* measures = nullptr) const;
  /// The weakest channel of a step u → v with `method` (method.md §7: a step takes its lowest
  /// level; ties go to the segment channel, then to the lowest flow index): the routable flows
  /// u → v, and the segment channel when `segment` and u, v share a segment. The one
  /// weakest-channel rule; level kUnreached when there is no channel. O(flows sent by u).
  Weakest weakest_channel(std::size_t u, std::size_t v, std::size_t method, bool segment) const;
  /// The lateral steps from `u`, one per destination at its weakest channel's level (the rule
  /// of weakest_channel on the cached levels), in ascending destination index; into `out`.
  /// Returns the number of channels examined (the work done).
  std::size_t lateral_steps_from(std::size_t u,
                                 std::vector<std::pair<std::size_t, int>>& out) const;
  /// Level of the entry step of entry `e` into asset `v` (v reachable by that entry).
  int entry_level(std::size_t e, std::size_t v) const;
  /// Threat index of an entry's vector method (kNone when unknown).
  std::size_t entry_method(std::size_t e) const;
  std::size_t lateral_method() const { return lateral_; }
  /// Ascending rank of each asset by id (byte-wise), for "ties by ids".
  std::size_t rank(std::size_t a) const { return rank_[a]; }

 private:
  const model::Model& m_;
  const model::Profile& p_;
  const Coverage& c_;
  const graph::Topology& t_;
  bool planned_;
  std::size_t lateral_ = kNone;
  std::vector<int> seg_level_;
  std::vector<std::size_t> out_start_, in_start_, rank_;
  std::vector<FlowEdge> out_, in_;
};

/// The final steps of one scenario: per asset, the level of its weakest final step to the
/// target (kUnreached when it is no attack base or has no routable flow to the target). With
/// access="segment", every asset sharing a segment with the target is a base as well, and each
/// base's final step may take the segment channel (method.md §7 "Segment access").
struct FinalSteps {
  std::size_t target = kNone;
  std::size_t method = kNone;
  std::vector<int> level;
  std::vector<std::size_t> flow;  ///< the flow of the weakest final step (lowest index on ties)
  /// The final step on the target itself, after an entry step onto it (method.md §7 "Attacks at
  /// the target"): step_level(target, method, Channel{}); kUnreached without target or method.
  int self_level = kUnreached;
};

FinalSteps final_steps(const ReachGraph& g, const model::Scenario& scenario);

/// The Step records (weakest channel, its flow, crossed devices and counted measures).
Step entry_step(const ReachGraph& g, std::size_t entry, std::size_t v);
Step lateral_step(const ReachGraph& g, std::size_t u, std::size_t v);
Step final_step(const ReachGraph& g, const FinalSteps& f, std::size_t base);

/// The assets an entry step of entry `e` can reach (excluding `target`), ascending.
std::vector<std::size_t> entry_assets(const ReachGraph& g, std::size_t e, std::size_t target);

/// Whether an entry step of entry `e` can land on asset `v` (method.md §7 step 1): an asset entry
/// on v itself, or a network entry whose segment holds v. The target is not excluded: an entry
/// step may land on it ("Attacks at the target"). O(segments of v).
bool entry_reaches(const ReachGraph& g, std::size_t e, std::size_t v);

/// The level of a route from its steps' levels (method.md §7 "Route values": the route takes the
/// most mature countermeasure level among its steps): `route_level(so_far, step)` extends a
/// route's level by one step. Every search and the route builder combine levels with this.
inline int route_level(int so_far, int step_level) {
  return std::max(so_far, step_level);
}

/// A route as the analyses handle it before it becomes a results Route.
struct RawRoute {
  std::size_t entry = kNone;
  /// first = entry-step destination, last = attack base; or just the target, for an attack at
  /// the target (entry step onto it, then the final step on itself)
  std::vector<std::size_t> assets;
  int level = kUnreached;
  int vulnerability = 0;
  Risk risk = Risk::kE;
  std::size_t hops() const { return assets.size() + 1; }
};

/// The listing order (method.md §7): risk (worst first), vulnerability (higher first), hops
/// (fewer first), entry id, then the asset id sequence.
bool route_before(const ReachGraph& g, const RawRoute& a, const RawRoute& b);

/// The results Route of a raw one (steps with their channels and measures).
Route to_route(const ReachGraph& g, const FinalSteps& f, const RawRoute& r);

}  // namespace icsrisk::risk::detail
