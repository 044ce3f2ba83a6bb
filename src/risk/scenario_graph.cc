// The reachability graph and the steps of method.md §7 (see scenario_graph.h).

#include "risk/scenario_graph.h"

#include <algorithm>
#include <numeric>

namespace icsrisk::risk::detail {

ReachGraph::ReachGraph(const model::Model& model, const model::Profile& profile,
                       const Coverage& coverage, const graph::Topology& topology, bool planned)
    : m_(model), p_(profile), c_(coverage), t_(topology), planned_(planned) {
  const std::size_t n = m_.assets.size();
  lateral_ = p_.find_threat(p_.lateral_method);
  seg_level_.assign(n, kUnreached);
  if (lateral_ != kNone)
    for (std::size_t v = 0; v < n; ++v)
      seg_level_[v] = countermeasure_level(functions(c_.asset(v), lateral_));

  out_start_.assign(n + 1, 0);
  in_start_.assign(n + 1, 0);
  std::vector<std::size_t> usable;
  for (std::size_t f = 0; f < m_.flows.size(); ++f) {
    if (lateral_ == kNone || !t_.route(f).routable()) continue;
    usable.push_back(f);
    ++out_start_[m_.flows[f].from_index + 1];
    ++in_start_[m_.flows[f].to_index + 1];
  }
  std::partial_sum(out_start_.begin(), out_start_.end(), out_start_.begin());
  std::partial_sum(in_start_.begin(), in_start_.end(), in_start_.begin());
  out_.resize(usable.size());
  in_.resize(usable.size());
  std::vector<std::size_t> o(out_start_.begin(), out_start_.end() - 1);
  std::vector<std::size_t> i(in_start_.begin(), in_start_.end() - 1);
  for (std::size_t f : usable) {
    const model::Flow& flow = m_.flows[f];
    std::uint8_t fn = functions(c_.asset(flow.to_index), lateral_) | channel_functions(f, lateral_);
    int level = countermeasure_level(fn);
    out_[o[flow.from_index]++] = {flow.to_index, f, level};
    in_[i[flow.to_index]++] = {flow.from_index, f, level};
  }

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return m_.assets[a].id < m_.assets[b].id; });
  rank_.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r)
    rank_[order[r]] = r;
}

std::uint8_t ReachGraph::functions(const std::vector<Applied>& applied, std::size_t threat) const {
  std::vector<std::size_t> scratch;
  return select_countering(p_, applied, threat, planned_, scratch);
}

std::uint8_t ReachGraph::channel_functions(std::size_t f, std::size_t threat) const {
  std::uint8_t fn = functions(c_.on_flow(f), threat);
  for (std::size_t d : t_.route(f).via)
    fn |= functions(c_.on_asset(d), threat);
  return fn;
}

std::size_t ReachGraph::entry_method(std::size_t e) const {
  const model::Entry& entry = m_.entries[e];
  if (entry.vector_index == kNone) return kNone;
  return p_.find_threat(p_.vectors[entry.vector_index].method);
}

int ReachGraph::entry_level(std::size_t e, std::size_t v) const {
  std::size_t method = entry_method(e);
  std::uint8_t fn = functions(c_.asset(v), method);
  const model::Entry& entry = m_.entries[e];
  if (entry.network_index != kNone) fn |= functions(c_.on_network(entry.network_index), method);
  return countermeasure_level(fn);
}

std::vector<std::size_t> entry_assets(const ReachGraph& g, std::size_t e, std::size_t target) {
  const model::Entry& entry = g.model().entries[e];
  std::vector<std::size_t> out;
  if (g.entry_method(e) == kNone) return out;
  if (entry.asset_index != kNone) {
    if (entry.asset_index != target) out.push_back(entry.asset_index);
  } else if (entry.network_index != kNone) {
    std::size_t s = g.topology().segment_of_network(entry.network_index);
    if (s == kNone) return out;
    for (std::size_t v : g.topology().members(s))
      if (v != target) out.push_back(v);
  }
  return out;
}

FinalSteps final_steps(const ReachGraph& g, const model::Scenario& sc) {
  FinalSteps f;
  f.target = sc.target_index;
  f.method = sc.attack_index;
  f.level.assign(g.model().assets.size(), kUnreached);
  f.flow.assign(g.model().assets.size(), kNone);
  if (f.target == kNone || f.method == kNone) return f;
  std::vector<bool> is_base(g.model().assets.size(), sc.base_indices.empty());
  for (std::size_t b : sc.base_indices)
    is_base[b] = true;
  std::uint8_t target_fn = g.functions(g.coverage().asset(f.target), f.method);
  for (const FlowEdge& e : g.in(f.target)) {
    if (!is_base[e.other]) continue;
    int level = countermeasure_level(target_fn | g.channel_functions(e.flow, f.method));
    if (level < f.level[e.other]) {  // in flow order: the lowest index wins ties
      f.level[e.other] = level;
      f.flow[e.other] = e.flow;
    }
  }
  return f;
}

int lateral_level(const ReachGraph& g, std::size_t u, std::size_t v) {
  int best = g.topology().share_segment(u, v) ? g.segment_level(v) : kUnreached;
  for (const FlowEdge& e : g.out(u))
    if (e.other == v) best = std::min(best, e.level);
  return best;
}

namespace {

/// Fills a step's measures and level from the measures in force on it.
void count(const ReachGraph& g, Step& s, const std::vector<Applied>& applied) {
  s.countermeasures.clear();
  s.countermeasure_level = countermeasure_level(
      select_countering(g.profile(), applied, s.method, g.planned(), s.countermeasures));
}

std::vector<Applied> channel_applied(const ReachGraph& g, std::size_t v, std::size_t f) {
  std::vector<Applied> applied = g.coverage().asset(v);
  if (f == kNone) return applied;
  merge_applied(applied, g.coverage().on_flow(f));
  for (std::size_t d : g.topology().route(f).via)
    merge_applied(applied, g.coverage().on_asset(d));
  return applied;
}

}  // namespace

Step entry_step(const ReachGraph& g, std::size_t entry, std::size_t v) {
  Step s;
  s.to = v;
  s.method = g.entry_method(entry);
  std::vector<Applied> applied = g.coverage().asset(v);
  std::size_t n = g.model().entries[entry].network_index;
  if (n != kNone) merge_applied(applied, g.coverage().on_network(n));
  count(g, s, applied);
  return s;
}

Step lateral_step(const ReachGraph& g, std::size_t u, std::size_t v) {
  Step s;
  s.from = u;
  s.to = v;
  s.method = g.lateral_method();
  // The weakest channel; ties: the segment channel first, then the lowest flow index.
  int best = g.topology().share_segment(u, v) ? g.segment_level(v) : kUnreached;
  std::size_t flow = kNone;
  for (const FlowEdge& e : g.out(u))
    if (e.other == v && e.level < best) {
      best = e.level;
      flow = e.flow;
    }
  s.flow = flow;
  if (flow != kNone) s.via = g.topology().route(flow).via;
  count(g, s, channel_applied(g, v, flow));
  return s;
}

Step final_step(const ReachGraph& g, const FinalSteps& f, std::size_t base) {
  Step s;
  s.from = base;
  s.to = f.target;
  s.method = f.method;
  s.flow = f.flow[base];
  if (s.flow != kNone) s.via = g.topology().route(s.flow).via;
  count(g, s, channel_applied(g, f.target, s.flow));
  return s;
}

bool route_before(const ReachGraph& g, const RawRoute& a, const RawRoute& b) {
  if (a.risk != b.risk) return a.risk < b.risk;  // 'A' is the highest risk
  if (a.vulnerability != b.vulnerability) return a.vulnerability > b.vulnerability;
  if (a.hops() != b.hops()) return a.hops() < b.hops();
  if (a.entry != b.entry) return g.model().entries[a.entry].id < g.model().entries[b.entry].id;
  return std::lexicographical_compare(
      a.assets.begin(), a.assets.end(), b.assets.begin(), b.assets.end(),
      [&](std::size_t x, std::size_t y) { return g.rank(x) < g.rank(y); });
}

Route to_route(const ReachGraph& g, const FinalSteps& f, const RawRoute& r) {
  Route out;
  out.entry = r.entry;
  out.threat_level = g.model().entries[r.entry].threat_level;
  out.countermeasure_level = r.level;
  out.vulnerability_level = r.vulnerability;
  out.risk = r.risk;
  out.steps.push_back(entry_step(g, r.entry, r.assets.front()));
  for (std::size_t i = 1; i < r.assets.size(); ++i)
    out.steps.push_back(lateral_step(g, r.assets[i - 1], r.assets[i]));
  out.steps.push_back(final_step(g, f, r.assets.back()));
  return out;
}

}  // namespace icsrisk::risk::detail
