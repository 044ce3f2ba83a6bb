// The reachability graph and the steps of method.md §7 (see scenario_graph.h).

#include "risk/scenario_graph.h"

#include <algorithm>
#include <cassert>
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
      seg_level_[v] = step_level(v, lateral_, {});

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
    int level = step_level(flow.to_index, lateral_, {.flow = f});
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

int ReachGraph::step_level(std::size_t v, std::size_t method, const Channel& channel,
                           std::vector<std::size_t>* measures) const {
  const Countering& counting = c_.countering();
  if (!measures) {
    // The union of the scopes' functions is the functions of their union: no merged list.
    std::uint8_t fn = counting.select(c_.asset(v), method, planned_);
    if (channel.flow != kNone) {
      fn |= counting.select(c_.on_flow(channel.flow), method, planned_);
      for (std::size_t d : t_.route(channel.flow).via)
        fn |= counting.select(c_.on_asset(d), method, planned_);
    }
    if (channel.entry_network != kNone)
      fn |= counting.select(c_.on_network(channel.entry_network), method, planned_);
    return countermeasure_level(fn);
  }
  std::vector<Applied> applied = c_.asset(v);
  if (channel.flow != kNone) {
    merge_applied(applied, c_.on_flow(channel.flow));
    for (std::size_t d : t_.route(channel.flow).via)
      merge_applied(applied, c_.on_asset(d));
  }
  if (channel.entry_network != kNone) merge_applied(applied, c_.on_network(channel.entry_network));
  return countermeasure_level(counting.select(applied, method, planned_, measures));
}

Weakest ReachGraph::weakest_channel(std::size_t u, std::size_t v, std::size_t method,
                                    bool segment) const {
  Weakest best;
  if (segment && t_.share_segment(u, v)) best.level = step_level(v, method, {});
  for (const FlowEdge& e : out(u)) {  // in flow order: the lowest index wins ties
    if (e.other != v) continue;
    int level = method == lateral_ ? e.level : step_level(v, method, {.flow = e.flow});
    if (level < best.level) best = {{.flow = e.flow}, level};
  }
  return best;
}

std::size_t ReachGraph::lateral_steps_from(
    std::size_t u, std::vector<std::pair<std::size_t, int>>& out_steps) const {
  out_steps.clear();
  for (std::size_t s : t_.segments_of(u))
    for (std::size_t y : t_.members(s))
      if (y != u) out_steps.emplace_back(y, seg_level_[y]);
  for (const FlowEdge& e : out(u))
    out_steps.emplace_back(e.other, e.level);
  const std::size_t channels = out_steps.size();
  // Sorted by destination, then level: the first of each destination is its weakest channel.
  std::sort(out_steps.begin(), out_steps.end());
  out_steps.erase(std::unique(out_steps.begin(), out_steps.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  out_steps.end());
  return channels;
}

std::size_t ReachGraph::entry_method(std::size_t e) const {
  const model::Entry& entry = m_.entries[e];
  if (entry.vector_index == kNone) return kNone;
  return p_.find_threat(p_.vectors[entry.vector_index].method);
}

int ReachGraph::entry_level(std::size_t e, std::size_t v) const {
  return step_level(v, entry_method(e), {.entry_network = m_.entries[e].network_index});
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

bool entry_reaches(const ReachGraph& g, std::size_t e, std::size_t v) {
  const model::Entry& entry = g.model().entries[e];
  if (entry.asset_index != kNone) return entry.asset_index == v;
  if (entry.network_index == kNone) return false;
  std::size_t s = g.topology().segment_of_network(entry.network_index);
  std::span<const std::size_t> segs = g.topology().segments_of(v);
  return s != kNone && std::binary_search(segs.begin(), segs.end(), s);
}

FinalSteps final_steps(const ReachGraph& g, const model::Scenario& sc) {
  FinalSteps f;
  f.target = sc.target_index;
  f.method = sc.attack_index;
  f.level.assign(g.model().assets.size(), kUnreached);
  f.flow.assign(g.model().assets.size(), kNone);
  if (f.target == kNone || f.method == kNone) return f;
  f.self_level = g.step_level(f.target, f.method, {});
  // Segment access (§7): every asset sharing a segment with the target is a base too, and a
  // final step may also take the segment channel.
  const bool segment = sc.access == model::Access::kSegment;
  std::vector<bool> is_base(g.model().assets.size(), sc.base_indices.empty());
  for (std::size_t b : sc.base_indices)
    is_base[b] = true;
  auto add_base = [&](std::size_t b) {
    if (b == f.target || f.level[b] < kUnreached) return;  // each base once
    Weakest w = g.weakest_channel(b, f.target, f.method, segment);
    f.level[b] = w.level;
    f.flow[b] = w.channel.flow;
  };
  for (const FlowEdge& e : g.in(f.target))
    if (is_base[e.other]) add_base(e.other);
  if (segment)
    for (std::size_t s : g.topology().segments_of(f.target))
      for (std::size_t b : g.topology().members(s))
        add_base(b);
  return f;
}

Step entry_step(const ReachGraph& g, std::size_t entry, std::size_t v) {
  Step s;
  s.to = v;
  s.method = g.entry_method(entry);
  s.countermeasure_level = g.step_level(
      v, s.method, {.entry_network = g.model().entries[entry].network_index}, &s.countermeasures);
  return s;
}

namespace {

/// A step through `channel`, with its crossed devices, counted measures and level.
Step channel_step(const ReachGraph& g, std::size_t u, std::size_t v, std::size_t method,
                  const Channel& channel) {
  Step s;
  s.from = u;
  s.to = v;
  s.method = method;
  s.flow = channel.flow;
  if (s.flow != kNone) s.via = g.topology().route(s.flow).via;
  s.countermeasure_level = g.step_level(v, method, channel, &s.countermeasures);
  return s;
}

}  // namespace

Step lateral_step(const ReachGraph& g, std::size_t u, std::size_t v) {
  Weakest w = g.weakest_channel(u, v, g.lateral_method(), /*segment=*/true);
  return channel_step(g, u, v, g.lateral_method(), w.channel);
}

Step final_step(const ReachGraph& g, const FinalSteps& f, std::size_t base) {
  return channel_step(g, base, f.target, f.method, {.flow = f.flow[base]});
}

bool route_before(const ReachGraph& g, const RawRoute& a, const RawRoute& b) {
  if (a.risk != b.risk) return worse_than(a.risk, b.risk);
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
  out.steps.push_back(entry_step(g, r.entry, r.assets.front()));
  for (std::size_t i = 1; i < r.assets.size(); ++i)
    out.steps.push_back(lateral_step(g, r.assets[i - 1], r.assets[i]));
  out.steps.push_back(final_step(g, f, r.assets.back()));
  int level = 1;
  for (const Step& s : out.steps)
    level = route_level(level, s.countermeasure_level);
  assert(level == r.level && "the search's route level is its steps' (method.md §7)");
  out.countermeasure_level = level;
  out.vulnerability_level = r.vulnerability;
  out.risk = r.risk;
  return out;
}

}  // namespace icsrisk::risk::detail
