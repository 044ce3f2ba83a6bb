#pragma once
// Attack trees built in memory for tests, and the Boolean function they stand for.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "attacktree/tree.h"

namespace icsrisk::attacktree::testing {

inline std::string fmt_id(int i) {
  std::string s = std::to_string(i);
  return "e" + std::string(4 - s.size(), '0') + s;
}

/// Builds trees in memory: events first, then gates over earlier nodes (so it is acyclic).
class Builder {
 public:
  std::size_t event(const std::string& id, std::optional<double> p = std::nullopt) {
    Node n;
    n.kind = NodeKind::kLeaf;
    n.id = id;
    n.probability = p;
    t_.nodes.push_back(n);
    return t_.nodes.size() - 1;
  }
  std::size_t gate(NodeKind k, std::vector<std::size_t> children) {
    Node n;
    n.kind = k;
    n.id = "g" + std::to_string(t_.nodes.size());
    n.children = std::move(children);
    t_.nodes.push_back(n);
    return t_.nodes.size() - 1;
  }
  Node& last() { return t_.nodes.back(); }
  Tree done(std::size_t root) {
    t_.root = root;
    EXPECT_TRUE(order_nodes(t_).empty());
    return std::move(t_);
  }

 private:
  Tree t_;
};

/// The tree's Boolean function under an assignment of its basic events.
inline bool holds(const Tree& t, const std::vector<bool>& on) {
  std::vector<bool> v(t.nodes.size(), false);
  for (std::size_t n : t.order) {
    const Node& node = t.nodes[n];
    if (!is_gate(node.kind)) {
      v[n] = on[n];
      continue;
    }
    bool is_or = node.kind == NodeKind::kOr;
    bool acc = !is_or;
    for (std::size_t c : node.children)
      acc = is_or ? (acc || v[c]) : (acc && v[c]);
    v[n] = acc;
  }
  return v[t.root];
}

}  // namespace icsrisk::attacktree::testing
