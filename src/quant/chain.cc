// The chain of method.md §9 over the §7 step graph, with segment hubs (see chain.h).

#include "quant/chain.h"

#include <algorithm>
#include <utility>

namespace icsrisk::quant::detail {

namespace {

using risk::detail::kUnreached;

/// The steps available at asset `u` (§9): from the target only the final attack on itself;
/// elsewhere the lateral steps (never onto the target) and, at an attack base, the final step.
std::vector<ChainStep> steps_at(const risk::detail::ReachGraph& g,
                                const risk::detail::FinalSteps& f, std::size_t u,
                                std::vector<std::pair<std::size_t, int>>& scratch) {
  std::vector<ChainStep> out;
  if (u == f.target) {
    if (f.self_level < kUnreached) out.push_back({.from = u, .dest = u, .level = f.self_level});
    return out;
  }
  g.lateral_steps_from(u, scratch);
  for (const auto& [v, level] : scratch)
    if (v != f.target && level < kUnreached)
      out.push_back({.from = u, .to = v, .dest = v, .level = level});
  if (f.target != kNone && f.level[u] < kUnreached)
    out.push_back({.from = u, .dest = f.target, .level = f.level[u]});
  return out;
}

/// The entry steps of entry `e`: onto every asset the entry reaches, the target included (§7).
std::vector<ChainStep> entry_steps_of(const risk::detail::ReachGraph& g,
                                      const risk::detail::FinalSteps& f, std::size_t e) {
  std::vector<ChainStep> out;
  if (f.target == kNone || f.method == kNone || g.entry_method(e) == kNone) return out;
  for (std::size_t v : risk::detail::entry_assets(g, e, f.target))
    out.push_back({.entry = e, .to = v, .dest = v, .level = g.entry_level(e, v)});
  if (risk::detail::entry_reaches(g, e, f.target))
    out.push_back(
        {.entry = e, .to = f.target, .dest = f.target, .level = g.entry_level(e, f.target)});
  for (ChainStep& s : out)
    s.weight = 1.0 / static_cast<double>(out.size());
  return out;
}

/// A segment that may get a hub: its destinations and the sums of σ and of s + c over them.
struct HubPlan {
  Hub hub;
  double sigma = 0.0, leave = 0.0;
};

/// The chain under construction and what every asset needs to join it.
class Builder {
 public:
  Builder(const risk::detail::ReachGraph& g, const model::Scenario& sc, const model::QuantParams& q)
      : g_(g), q_(q), f_(risk::detail::final_steps(g, sc)) {}

  Chain build(std::size_t hub_min) {
    const std::size_t n = g_.model().assets.size();
    c_.assets = c_.states = n;
    c_.goal.assign(n, 0.0);
    c_.attempts.assign(n, 0.0);
    c_.weight.assign(n, 0.0);
    const bool scenario_ok = f_.target != kNone && f_.method != kNone;
    if (scenario_ok && hub_min != kNoHubs) plan_hubs(hub_min);
    std::vector<std::pair<std::size_t, int>> scratch;
    for (std::size_t u = 0; u < n; ++u)
      if (!scenario_ok || !join_hub(u)) add_explicit(u, scenario_ok, scratch);
    for (HubPlan& p : plans_)
      if (!p.hub.sources.empty()) add_hub_rows(p);
    for (std::size_t e = 0; e < g_.model().entries.size(); ++e)
      c_.entry_steps.push_back(entry_steps_of(g_, f_, e));
    return std::move(c_);
  }

 private:
  double s_of(int level) const { return level < kUnreached ? q_.s[level] : 0.0; }
  double sc_of(int level) const { return level < kUnreached ? q_.s[level] + q_.c[level] : 0.0; }
  int seg_level(std::size_t v) const { return g_.segment_level(v); }
  bool is_dest(std::size_t v) const { return v != f_.target && seg_level(v) < kUnreached; }

  void plan_hubs(std::size_t hub_min) {
    const graph::Topology& t = g_.topology();
    plan_of_.assign(t.segment_count(), kNone);
    for (std::size_t s = 0; s < t.segment_count(); ++s) {
      HubPlan p;
      p.hub.segment = s;
      for (std::size_t v : t.members(s))
        if (is_dest(v)) {
          p.hub.dests.push_back(v);
          p.sigma += s_of(seg_level(v));
          p.leave += sc_of(seg_level(v));
        }
      if (p.hub.dests.size() < hub_min || p.sigma <= 0.0) continue;
      plan_of_[s] = plans_.size();
      plans_.push_back(std::move(p));
    }
  }

  /// Joins `u` to its segment's hub when it qualifies (chain.h); false: keep it explicit.
  bool join_hub(std::size_t u) {
    const graph::Topology& t = g_.topology();
    const auto segs = t.segments_of(u);
    if (u == f_.target || segs.size() != 1 || plan_of_.empty() || plan_of_[segs[0]] == kNone)
      return false;
    HubPlan& p = plans_[plan_of_[segs[0]]];
    std::vector<ChainStep> extra;  // flow-only and flow-overridden lateral steps
    double extra_leave = 0.0;
    for (const auto& [v, level] : flow_steps(g_, u, f_.target)) {
      const auto vs = t.segments_of(v);
      const bool in_segment = std::binary_search(vs.begin(), vs.end(), segs[0]) && is_dest(v);
      if (in_segment && level >= seg_level(v)) continue;  // the segment channel is the weakest
      if (in_segment && s_of(level) < s_of(seg_level(v))) return false;
      extra.push_back({.from = u, .to = v, .dest = v, .level = level});
      extra_leave += sc_of(level) - (in_segment ? sc_of(seg_level(v)) : 0.0);
    }
    const bool self = is_dest(u);
    const bool final = f_.target != kNone && f_.level[u] < kUnreached;
    std::size_t k = p.hub.dests.size() - (self ? 1 : 0) + (final ? 1 : 0);
    for (const ChainStep& s : extra)
      k += std::binary_search(p.hub.dests.begin(), p.hub.dests.end(), s.to) ? 0 : 1;
    if (final) extra.push_back({.from = u, .dest = f_.target, .level = f_.level[u]});
    const double w = 1.0 / static_cast<double>(k);
    if (p.hub.state == kNone) p.hub.state = c_.states++;
    p.hub.sources.push_back(u);
    c_.attempts[u] = 1.0;
    c_.weight[u] = w;
    double leave = p.leave - (self ? sc_of(seg_level(u)) : 0.0) + extra_leave;
    if (final) leave += sc_of(f_.level[u]);
    c_.a.push_back({u, u, w * leave + (self ? w * s_of(seg_level(u)) : 0.0)});
    c_.a.push_back({u, p.hub.state, -w * p.sigma});
    for (ChainStep& s : extra) {
      s.weight = w;
      const bool over =
          s.to != kNone && std::binary_search(p.hub.dests.begin(), p.hub.dests.end(), s.to);
      if (s.to == kNone)
        c_.goal[u] += w * s_of(s.level);
      else
        c_.a.push_back({u, s.to, -w * (s_of(s.level) - (over ? s_of(seg_level(s.to)) : 0.0))});
      c_.steps.push_back(s);
    }
    return true;
  }

  void add_hub_rows(HubPlan& p) {
    const std::size_t h = p.hub.state;
    c_.a.push_back({h, h, 1.0});
    for (std::size_t v : p.hub.dests)
      c_.a.push_back({h, v, -s_of(seg_level(v)) / p.sigma});
    c_.hubs.push_back(std::move(p.hub));
  }

  /// `u`'s steps one by one, as entries of A = I − Q.
  void add_explicit(std::size_t u, bool scenario_ok,
                    std::vector<std::pair<std::size_t, int>>& scratch) {
    std::vector<ChainStep> here;
    if (scenario_ok) here = steps_at(g_, f_, u, scratch);
    if (here.empty()) {  // a dead end: treated as stopped, no attempt made there
      c_.a.push_back({u, u, 1.0});
      return;
    }
    c_.attempts[u] = 1.0;
    const double w = 1.0 / static_cast<double>(here.size());
    c_.weight[u] = w;
    double leave = 0.0;
    for (ChainStep& s : here) {
      s.weight = w;
      const double sp = q_.s[s.level], cp = q_.c[s.level];
      leave += w * (sp + cp);
      if (s.to == kNone)
        c_.goal[u] += w * sp;
      else
        c_.a.push_back({u, s.to, -w * sp});
      c_.steps.push_back(s);
    }
    c_.a.push_back({u, u, leave});
  }

  const risk::detail::ReachGraph& g_;
  const model::QuantParams& q_;
  risk::detail::FinalSteps f_;
  Chain c_;
  std::vector<HubPlan> plans_;
  std::vector<std::size_t> plan_of_;  ///< per segment: its plan, kNone without hub
};

}  // namespace

std::vector<std::pair<std::size_t, int>> flow_steps(const risk::detail::ReachGraph& g,
                                                    std::size_t u, std::size_t target) {
  std::vector<std::pair<std::size_t, int>> out;
  for (const risk::detail::FlowEdge& e : g.out(u))
    if (e.other != target && e.other != u && e.level < kUnreached)
      out.emplace_back(e.other, e.level);
  std::sort(out.begin(), out.end());  // by destination, then level: the weakest first
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.first == b.first; }),
            out.end());
  return out;
}

Chain build_chain(const risk::detail::ReachGraph& g, const model::Scenario& sc,
                  const model::QuantParams& q, std::size_t hub_min) {
  return Builder(g, sc, q).build(hub_min);
}

}  // namespace icsrisk::quant::detail
