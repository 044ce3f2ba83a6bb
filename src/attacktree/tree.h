#pragma once
// Attack trees (method.md §8, design.md "Attack-tree file (XML)") as plain data: a DAG of gates
// (or, and, sand) over basic events (steps and free-form leaves). A node is defined once and may
// be the child of several gates (shared sub-trees, written <ref node="…"/> in files).

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source.h"
#include "model/id_index.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::attacktree {

using core::Loc;
using model::kNone;

enum class NodeKind { kOr, kAnd, kSand, kStep, kLeaf };

/// The element name of a kind: "or", "and", "sand", "step", "leaf".
const char* kind_name(NodeKind k);

inline bool is_gate(NodeKind k) {
  return k == NodeKind::kOr || k == NodeKind::kAnd || k == NodeKind::kSand;
}

/// The id that stands for the attacker in a step's `from`.
inline constexpr const char* kAttacker = "attacker";

/// A countermeasure placed on a node of the tree. On a gate it applies to every basic event
/// below that gate (on every path through the gate).
struct TreeCountermeasure {
  std::string ref;
  model::Function function = model::Function::kProtect;
  /// Bit set of model::Stage the measure acts in; 0 means "any stage".
  std::uint8_t stages = 0;
  model::Status status = model::Status::kImplemented;
  std::size_t measure = kNone;  ///< index into Profile::countermeasures, when it names one
  // Attack–defence trees (Kordy et al. 2014; ADTool 2): the defender's cost of the measure, and
  // its effect on the event it stands on (defence.h) while in force.
  std::optional<double> cost;
  bool blocks = false;                         ///< the event becomes impossible
  std::optional<double> probability_factor;    ///< multiplies the event's probability (0–1)
  std::optional<double> adds_cost, adds_time;  ///< added to the attacker's cost / time
  bool has_effect() const { return blocks || probability_factor || adds_cost || adds_time; }
  Loc loc;
};

/// An optional finite number in 8 bytes, where std::optional<double> takes 16: absent is a NaN,
/// which no attribute may hold (reader_parts.h). The interface of std::optional<double> that the
/// code base uses, and a conversion to it; the conversions are implicit, as std::optional's.
class Quantity {
 public:
  Quantity() = default;
  Quantity(double v) : v_(v) {}
  Quantity(std::nullopt_t) {}
  Quantity(std::optional<double> v) : v_(v.value_or(kAbsent)) {}
  operator std::optional<double>() const {
    return has_value() ? std::optional<double>(v_) : std::nullopt;
  }
  bool has_value() const { return !std::isnan(v_); }
  explicit operator bool() const { return has_value(); }
  double& operator*() { return v_; }
  const double& operator*() const { return v_; }
  double value_or(double fallback) const { return has_value() ? v_ : fallback; }
  friend bool operator==(const Quantity& a, const Quantity& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || a.v_ == b.v_);
  }

 private:
  static constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();
  double v_ = kAbsent;
};

/// What few nodes have: a name other than the id, a description, the positions of <ref>s, a
/// step's assets and method, countermeasures. Kept out of Node, so that a node without them
/// costs no memory for them (a 10⁶-node tree loads in 300 MB: README, "Benchmarks").
struct NodeExtra {
  std::optional<std::string> name;  ///< set only when it differs from the id
  std::string description;
  /// Empty, or parallel to Node::children: where the <ref> that made each edge is (unknown for
  /// inline children).
  std::vector<Loc> child_refs;
  // Steps only (method.md §7): source asset id or kAttacker, destination asset id, threat id.
  std::string from, to, method;
  std::vector<TreeCountermeasure> countermeasures;
};

/// The extra record of a node that has none.
inline const NodeExtra kNoExtra{};

struct Node {
  NodeKind kind = NodeKind::kLeaf;
  std::optional<int> level;  ///< a leaf's direct countermeasure level (1–3)
  std::string id;            ///< required on steps and leaves; may be empty on gates
  /// Gates: the children, in order (order matters for sand). Indices into Tree::nodes.
  std::vector<std::size_t> children;
  // Quantitative attributes of basic events (method.md §8).
  Quantity probability, cost, time, skill;
  Loc loc;

  Node() = default;
  Node(const Node& o);
  Node& operator=(const Node& o);
  Node(Node&&) noexcept = default;
  Node& operator=(Node&&) noexcept = default;
  ~Node() = default;

  /// The node's name: the id unless set_name gave another text.
  const std::string& name() const;
  /// Sets the name; kept in the extra record only when it differs from the id.
  void set_name(std::string_view name);
  const std::string& description() const { return extra().description; }
  const std::string& from() const { return extra().from; }
  const std::string& to() const { return extra().to; }
  const std::string& method() const { return extra().method; }
  const std::vector<TreeCountermeasure>& countermeasures() const { return extra().countermeasures; }
  /// Where the <ref> that made edge `k` (to children[k]) is; unknown for inline children.
  Loc child_ref(std::size_t k) const;
  /// Appends `child` to children, with the position of its <ref> when `ref` is known.
  void add_child(std::size_t child, Loc ref = {});

  /// The rarely set fields (an empty record when none is set). O(1), no allocation.
  const NodeExtra& extra() const { return extra_ ? *extra_ : kNoExtra; }
  /// The rarely set fields for writing: allocates the record on first use.
  NodeExtra& edit_extra();

 private:
  std::unique_ptr<NodeExtra> extra_;
};

struct Tree {
  std::string id;
  std::string scenario;
  std::string name;
  std::string description;
  std::vector<Node> nodes;
  std::size_t root = kNone;
  Loc loc;
  /// Every node reachable from the root, children before parents (filled by order_nodes).
  std::vector<std::size_t> order;
  model::IdIndex id_index;  ///< node ids → indices (flat: a 10⁶-node tree loads fast)

  /// The index of the node with that id, or kNone.
  std::size_t find(const std::string& id) const;
  /// A printable name for a node: its id, else "<kind> at index".
  std::string label(std::size_t node) const;
};

/// Fills `t.order` by an iterative depth-first search from the root (no recursion, so deep
/// trees cannot overflow the stack), and `t.id_index` when it is empty (the loader fills it).
/// Returns an empty vector on success, or the nodes of a cycle (first node repeated at the end)
/// when the graph is not acyclic, in which case `order` is left empty. O(nodes + edges).
std::vector<std::size_t> order_nodes(Tree& t);

/// Number of nodes reachable from the root that have more than one parent edge.
std::size_t shared_node_count(const Tree& t);

/// The nodes reachable from the root, in order of first appearance in a depth-first,
/// left-to-right walk (each once, however many parents it has). Empty before order_nodes().
std::vector<std::size_t> preorder(const Tree& t);

/// The basic events (steps and leaves) of preorder(t), in that order. These are the variables
/// of the Boolean function.
std::vector<std::size_t> basic_events(const Tree& t);

}  // namespace icsrisk::attacktree
