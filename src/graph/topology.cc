// Segments (method.md §7): connected components of the graph whose vertices are networks and
// whose edges are the non-filtering network devices joining them; and the strongly connected
// components of the routing graph. Boost.Graph stays in this file.

#include "graph/topology.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>

#include "graph/routing_graph.h"

namespace icsrisk::graph {

namespace {

bool is_network_device(const model::Model& m, const model::Profile& p, std::size_t a) {
  std::size_t t = m.assets[a].type_index;
  return t != kNone && p.asset_types[t].category == model::Category::kNetworkDevice;
}

}  // namespace

Topology::Topology(const model::Model& model, const model::Profile& profile)
    : Segments(model, profile) {
  route_flows(model, profile);
}

Segments::Segments(const model::Model& m, const model::Profile& p) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph g(m.networks.size());
  filtering_.assign(m.assets.size(), false);
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    if (!is_network_device(m, p, a)) continue;
    if (p.asset_types[m.assets[a].type_index].filtering != model::Filtering::kNo) {
      filtering_[a] = true;
      continue;
    }
    std::size_t first = kNone;
    for (const model::Connection& c : m.assets[a].connects) {
      if (c.network_index == kNone) continue;
      if (first == kNone)
        first = c.network_index;
      else
        boost::add_edge(first, c.network_index, g);
    }
  }
  network_segment_.assign(m.networks.size(), 0);
  segment_count_ = m.networks.empty() ? 0 : boost::connected_components(g, network_segment_.data());

  // Asset → segments (ascending, unique), and segment → assets (ascending), as CSR arrays.
  asset_seg_start_.assign(m.assets.size() + 1, 0);
  std::vector<std::size_t> scratch;
  for (std::size_t a = 0; a < m.assets.size(); ++a) {
    scratch.clear();
    for (const model::Connection& c : m.assets[a].connects)
      if (c.network_index != kNone) scratch.push_back(network_segment_[c.network_index]);
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    asset_seg_.insert(asset_seg_.end(), scratch.begin(), scratch.end());
    asset_seg_start_[a + 1] = asset_seg_.size();
  }
  seg_asset_start_.assign(segment_count_ + 1, 0);
  for (std::size_t s : asset_seg_)
    ++seg_asset_start_[s + 1];
  for (std::size_t s = 0; s < segment_count_; ++s)
    seg_asset_start_[s + 1] += seg_asset_start_[s];
  seg_asset_.resize(asset_seg_.size());
  std::vector<std::size_t> fill(seg_asset_start_.begin(), seg_asset_start_.end() - 1);
  for (std::size_t a = 0; a < m.assets.size(); ++a)
    for (std::size_t s : segments_of(a))
      seg_asset_[fill[s]++] = a;
}

bool Segments::share_segment(std::size_t a, std::size_t b) const {
  std::span<const std::size_t> x = segments_of(a), y = segments_of(b);
  auto i = x.begin(), j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (*i == *j) return true;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return false;
}

namespace {

void report(const model::Model& m, std::size_t f, std::size_t blocker, core::Diagnostics& diags) {
  const model::Flow& flow = m.flows[f];
  diags.warning(flow.loc,
                fmt::format("flow '{}' cannot be routed from '{}' to '{}' (one-way gateway '{}' "
                            "passes only upstream → downstream); it gives an attacker no channel",
                            flow.id, flow.from, flow.to, m.assets[blocker].id));
}

}  // namespace

void report_unroutable_flows(const model::Model& m, const Topology& t, core::Diagnostics& diags) {
  for (std::size_t f = 0; f < m.flows.size(); ++f)
    if (t.route(f).status == FlowRoute::Status::kWrongWay) report(m, f, t.route(f).blocker, diags);
}

void report_unroutable_flows(const model::Model& m, const model::Profile& p,
                             core::Diagnostics& diags) {
  for (const WrongWayFlow& w : wrong_way_flows(m, p, Segments(m, p)))
    report(m, w.flow, w.blocker, diags);
}

namespace detail {

std::vector<std::size_t> strong_components(const std::vector<std::vector<std::size_t>>& out,
                                           std::size_t& count) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph g(out.size());
  for (std::size_t x = 0; x < out.size(); ++x)
    for (std::size_t y : out[x])
      boost::add_edge(x, y, g);
  std::vector<std::size_t> component(out.size());
  count = out.empty() ? 0 : boost::strong_components(g, component.data());
  return component;
}

}  // namespace detail

}  // namespace icsrisk::graph
