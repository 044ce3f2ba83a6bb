#include "attacktree/tree.h"

#include <utility>

#include <fmt/format.h>

namespace icsrisk::attacktree {

const char* kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::kOr:
      return "or";
    case NodeKind::kAnd:
      return "and";
    case NodeKind::kSand:
      return "sand";
    case NodeKind::kStep:
      return "step";
    case NodeKind::kLeaf:
      return "leaf";
  }
  return "leaf";
}

Node::Node(const Node& o)
    : kind(o.kind),
      level(o.level),
      id(o.id),
      children(o.children),
      probability(o.probability),
      cost(o.cost),
      time(o.time),
      skill(o.skill),
      loc(o.loc),
      extra_(o.extra_ ? std::make_unique<NodeExtra>(*o.extra_) : nullptr) {}

Node& Node::operator=(const Node& o) {
  if (this != &o) *this = Node(o);
  return *this;
}

NodeExtra& Node::edit_extra() {
  if (!extra_) extra_ = std::make_unique<NodeExtra>();
  return *extra_;
}

const std::string& Node::name() const {
  return extra_ && extra_->name ? *extra_->name : id;
}

void Node::set_name(std::string_view name) {
  if (name != id)
    edit_extra().name = std::string(name);
  else if (extra_)
    extra_->name.reset();
}

Loc Node::child_ref(std::size_t k) const {
  return extra_ && k < extra_->child_refs.size() ? extra_->child_refs[k] : Loc{};
}

void Node::add_child(std::size_t child, Loc ref) {
  if (ref.known() && (!extra_ || extra_->child_refs.empty()))
    edit_extra().child_refs.resize(children.size());
  children.push_back(child);
  if (extra_ && !extra_->child_refs.empty()) extra_->child_refs.push_back(ref);
}

std::size_t Tree::find(const std::string& node_id) const {
  auto it = id_index.find(node_id);
  return it == id_index.end() ? kNone : it->second;
}

std::string Tree::label(std::size_t node) const {
  const Node& n = nodes[node];
  if (!n.id.empty()) return n.id;
  return fmt::format("<{}> #{}", kind_name(n.kind), node);
}

std::vector<std::size_t> order_nodes(Tree& t) {
  t.order.clear();
  if (t.id_index.empty()) {
    t.id_index.reserve(t.nodes.size());
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
      if (!t.nodes[i].id.empty()) t.id_index.emplace(t.nodes[i].id, i);
  }
  if (t.root == kNone || t.root >= t.nodes.size()) return {};
  enum : std::uint8_t { kWhite, kGrey, kBlack };
  std::vector<std::uint8_t> colour(t.nodes.size(), kWhite);
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // (node, next child)
  stack.emplace_back(t.root, 0);
  colour[t.root] = kGrey;
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const std::vector<std::size_t>& kids = t.nodes[node].children;
    if (next == kids.size()) {
      colour[node] = kBlack;
      t.order.push_back(node);
      stack.pop_back();
      continue;
    }
    std::size_t child = kids[next++];
    if (child >= t.nodes.size()) continue;  // unresolved reference: the loader reported it
    if (colour[child] == kBlack) continue;
    if (colour[child] == kGrey) {
      std::vector<std::size_t> cycle;
      std::size_t i = 0;
      while (stack[i].first != child)
        ++i;
      for (; i < stack.size(); ++i)
        cycle.push_back(stack[i].first);
      cycle.push_back(child);
      t.order.clear();
      return cycle;
    }
    colour[child] = kGrey;
    stack.emplace_back(child, 0);
  }
  return {};
}

std::size_t shared_node_count(const Tree& t) {
  std::vector<std::uint32_t> parents(t.nodes.size(), 0);
  for (std::size_t n : t.order)
    for (std::size_t c : t.nodes[n].children)
      if (c < parents.size()) ++parents[c];
  std::size_t shared = 0;
  for (std::size_t n : t.order)
    shared += parents[n] > 1 ? 1 : 0;
  return shared;
}

std::vector<std::size_t> preorder(const Tree& t) {
  std::vector<std::size_t> out;
  if (t.root == kNone || t.order.empty()) return out;
  std::vector<bool> seen(t.nodes.size(), false);
  std::vector<std::size_t> stack{t.root};
  while (!stack.empty()) {
    std::size_t n = stack.back();
    stack.pop_back();
    if (seen[n]) continue;
    seen[n] = true;
    out.push_back(n);
    const std::vector<std::size_t>& kids = t.nodes[n].children;
    for (auto it = kids.rbegin(); it != kids.rend(); ++it)
      if (*it < t.nodes.size() && !seen[*it]) stack.push_back(*it);
  }
  return out;
}

std::vector<std::size_t> basic_events(const Tree& t) {
  std::vector<std::size_t> out;
  for (std::size_t n : preorder(t))
    if (!is_gate(t.nodes[n].kind)) out.push_back(n);
  return out;
}

}  // namespace icsrisk::attacktree
