// The streaming reader of attack-tree files: expat's SAX interface, one pass, no DOM. It
// accepts only what the full reader (loader.cc) would accept without a word, and gives up
// (returns nullopt, says nothing) at the first doubt, so that every diagnostic keeps coming
// from one place. expat, like pugixml, never resolves external entities; a DOCTYPE makes this
// reader give up before any entity is declared.

#include "attacktree/stream_reader.h"

#include <expat.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attacktree/reader_parts.h"
#include "attacktree/stream_parts.h"
#include "core/text.h"
#include "xml/reader.h"

namespace icsrisk::attacktree {

namespace {

enum class Frame { kRoot, kShared, kGate, kEvent, kDescription, kRef, kMeasure };

struct Open {
  Frame frame;
  std::size_t node = kNone;  ///< the node of a gate or event; the owner of a description
  std::size_t depth = 0;     ///< nesting depth of a node, as the full reader counts it
};

struct Ref {
  std::size_t parent, slot;
  std::string target;
};

class StreamReader {
 public:
  static constexpr std::size_t kSlice = std::size_t{1} << 20;

  StreamReader(const core::SourceFile& file, const LoadContext& context)
      : file_(file), context_(context) {}

  std::optional<Tree> read() {
    const std::string& text = file_.text();
    if (core::utf8_error_offset(text) != std::string::npos) return std::nullopt;
    std::size_t bound = node_bound(text);
    tree_.nodes.reserve(bound);
    tree_.id_index.reserve(bound);  // a rehash would hold the old and the new table at once
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (p == nullptr) return std::nullopt;
    parser_ = p;
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &StreamReader::on_start, &StreamReader::on_end);
    XML_SetCharacterDataHandler(p, &StreamReader::on_text);
    XML_SetCommentHandler(p, &StreamReader::on_comment);
    XML_SetProcessingInstructionHandler(p, &StreamReader::on_pi);
    XML_SetStartCdataSectionHandler(p, &StreamReader::on_cdata);
    XML_SetStartDoctypeDeclHandler(p, &StreamReader::on_doctype);
    bool ok = true;
    // In slices: given the whole text at once, expat would copy it into its own buffer.
    for (std::size_t at = 0; ok && !failed_ && at < text.size(); at += kSlice) {
      std::size_t n = std::min(kSlice, text.size() - at);
      ok = XML_Parse(p, text.data() + at, static_cast<int>(n), XML_FALSE) == XML_STATUS_OK;
    }
    ok = ok && !failed_ && XML_Parse(p, nullptr, 0, XML_TRUE) == XML_STATUS_OK;
    XML_ParserFree(p);
    if (!ok || failed_ || !finish()) return std::nullopt;
    return std::move(tree_);
  }

 private:
  static StreamReader& self(void* data) { return *static_cast<StreamReader*>(data); }
  static void on_start(void* d, const char* name, const char** atts) { self(d).start(name, atts); }
  static void on_end(void* d, const char*) { self(d).end(); }
  static void on_text(void* d, const char* s, int len) {
    self(d).text(std::string_view(s, static_cast<std::size_t>(len)));
  }
  static void on_comment(void* d, const char*) { self(d).not_in_description(); }
  static void on_pi(void* d, const char*, const char*) { self(d).not_in_description(); }
  static void on_cdata(void* d) { self(d).give_up(); }
  static void on_doctype(void* d, const char*, const char*, const char*, int) { self(d).give_up(); }

  void give_up() {
    if (!failed_) XML_StopParser(parser_, XML_FALSE);
    failed_ = true;
  }

  void not_in_description() {
    if (!open_.empty() && open_.back().frame == Frame::kDescription) give_up();
  }

  Loc here() const {
    return Loc{&file_, static_cast<std::size_t>(XML_GetCurrentByteIndex(parser_))};
  }

  void start(std::string_view name, const char** atts) {
    if (failed_) return;
    if (open_.empty()) return root(name, atts);
    Open parent = open_.back();
    bool node = name == "or" || name == "and" || name == "sand" || name == "step" || name == "leaf";
    if (parent.frame == Frame::kRoot) {
      if (name == "description") return describe(kNone, atts);
      if (name == "shared" && *atts == nullptr) return open_.push_back({Frame::kShared});
      if (!node || tree_.root != kNone) return give_up();
      tree_.root = read_node(name, atts, 1);
    } else if (parent.frame == Frame::kShared) {
      if (!node) return give_up();
      shared_.push_back(read_node(name, atts, 2));
    } else if (parent.frame == Frame::kGate) {
      if (name == "description") return describe(parent.node, atts);
      if (name == "ref") return ref(parent.node, atts);
      if (name == "countermeasure") return measure(parent.node, atts);
      if (!node) return give_up();
      std::size_t child = read_node(name, atts, parent.depth + 1);
      if (!failed_) tree_.nodes[parent.node].add_child(child);
    } else if (parent.frame == Frame::kEvent && name == "description") {
      describe(parent.node, atts);
    } else if (parent.frame == Frame::kEvent && name == "countermeasure") {
      measure(parent.node, atts);
    } else {
      give_up();
    }
  }

  void root(std::string_view name, const char** atts) {
    std::array<const char*, 3> v;
    if (name != "attack-tree" ||
        !take(atts, std::array<std::string_view, 3>{"id", "scenario", "name"}, v) || !v[0] ||
        !core::is_valid_id(v[0]) || (v[1] && !*v[1]))
      return give_up();
    tree_.loc = here();
    tree_.id = v[0];
    tree_.scenario = v[1] ? v[1] : "";
    tree_.name = v[2] ? v[2] : tree_.id;
    if (!tree_.scenario.empty() && !scenario_known()) return give_up();
    open_.push_back({Frame::kRoot});
  }

  void describe(std::size_t node, const char** atts) {
    if (*atts != nullptr) return give_up();  // the full reader ignores attributes there
    description_.clear();
    open_.push_back({Frame::kDescription, node});
  }

  void ref(std::size_t parent, const char** atts) {
    std::array<const char*, 1> v;
    if (!take(atts, std::array<std::string_view, 1>{"node"}, v) || !v[0] || !*v[0])
      return give_up();
    Node& g = tree_.nodes[parent];
    refs_.push_back({parent, g.children.size(), v[0]});
    g.add_child(kNone, here());
    open_.push_back({Frame::kRef});
  }

  std::size_t read_node(std::string_view name, const char** atts, std::size_t depth) {
    std::size_t index = tree_.nodes.size();
    if (depth > kMaxDepth) {
      give_up();
      return index;
    }
    Node& n = tree_.nodes.emplace_back();
    n.loc = here();
    bool ok = name == "step"   ? read_step(n, atts)
              : name == "leaf" ? read_leaf(n, atts)
                               : read_gate(n, name, atts);
    if (!ok || (!n.id.empty() && !tree_.id_index.emplace(n.id, index).second)) {
      give_up();
      return index;
    }
    open_.push_back({is_gate(n.kind) ? Frame::kGate : Frame::kEvent, index, depth});
    return index;
  }

  bool read_gate(Node& g, std::string_view name, const char** atts) {
    std::array<const char*, 2> v;
    if (!take(atts, std::array<std::string_view, 2>{"id", "name"}, v)) return false;
    if (open_.back().frame == Frame::kShared && !v[0]) return false;
    g.kind = name == "or" ? NodeKind::kOr : name == "and" ? NodeKind::kAnd : NodeKind::kSand;
    if (v[0] && !core::is_valid_id(v[0])) return false;
    g.id = v[0] ? v[0] : "";
    g.set_name(v[1] ? std::string_view(v[1]) : std::string_view(g.id));
    return true;
  }

  /// id, name and the four numbers of a basic event (`v` in the order of kEventAttributes).
  bool read_event(Node& x, const std::array<const char*, 6>& v) {
    if (!v[0] || !core::is_valid_id(v[0])) return false;
    x.id = v[0];
    x.set_name(v[1] ? std::string_view(v[1]) : std::string_view(x.id));
    Quantity* fields[] = {&x.probability, &x.cost, &x.time, &x.skill};
    for (std::size_t k = 0; k < 4; ++k) {
      if (!v[2 + k]) continue;
      *fields[k] = parse_number(v[2 + k], k == 0 ? 1.0 : HUGE_VAL);
      if (!*fields[k]) return false;
    }
    return true;
  }

  bool read_leaf(Node& x, const char** atts) {
    std::array<const char*, 7> v;
    if (!take(atts,
              std::array<std::string_view, 7>{"id", "name", "probability", "cost", "time", "skill",
                                              "level"},
              v))
      return false;
    x.kind = NodeKind::kLeaf;
    if (!read_event(x, {v[0], v[1], v[2], v[3], v[4], v[5]})) return false;
    if (!v[6]) return true;
    long long level = 0;
    if (!core::parse_int(v[6], level) || level < 1 || level > 3) return false;
    x.level = static_cast<int>(level);
    return true;
  }

  bool read_step(Node& x, const char** atts) {
    std::array<const char*, 9> v;
    if (!take(atts,
              std::array<std::string_view, 9>{"id", "name", "from", "to", "method", "probability",
                                              "cost", "time", "skill"},
              v))
      return false;
    x.kind = NodeKind::kStep;
    if (!read_event(x, {v[0], v[1], v[5], v[6], v[7], v[8]})) return false;
    for (std::size_t k = 2; k < 5; ++k)
      if (!v[k] || !*v[k]) return false;
    NodeExtra& more = x.edit_extra();
    more.from = v[2];
    more.to = v[3];
    more.method = v[4];
    return step_known(more);
  }

  void measure(std::size_t node, const char** atts) {
    TreeCountermeasure m;
    m.loc = here();
    if (!read_stream_measure(atts, context_.profile, m) ||
        (is_gate(tree_.nodes[node].kind) && m.has_effect()))
      return give_up();
    tree_.nodes[node].edit_extra().countermeasures.push_back(std::move(m));
    open_.push_back({Frame::kMeasure});
  }

  /// What the full reader checks of a step against the context (loader.cc, check_step).
  bool step_known(const NodeExtra& x) const {
    if (x.to == kAttacker) return false;
    if (const model::Profile* p = context_.profile; p && p->find_threat(x.method) == kNone)
      return false;
    const model::Model* m = context_.model;
    if (!m) return true;
    return (x.from == kAttacker || m->asset_index.contains(x.from)) &&
           m->asset_index.contains(x.to);
  }

  bool scenario_known() const {
    const model::Model* m = context_.model;
    if (!m) return true;
    for (const model::Impact& i : m->impacts)
      for (const model::Scenario& s : i.scenarios)
        if (s.id == tree_.scenario) return true;
    return false;
  }

  void text(std::string_view s) {
    if (failed_) return;
    if (!open_.empty() && open_.back().frame == Frame::kDescription)
      description_ += s;
    else if (!is_blank(s))
      give_up();
  }

  void end() {
    if (failed_) return;
    Open o = open_.back();
    open_.pop_back();
    if (o.frame == Frame::kGate && tree_.nodes[o.node].children.empty()) return give_up();
    if (o.frame != Frame::kDescription) return;
    // pugixml keeps no text of white space only; "&#32;" is not white space to it, though.
    if (!description_.empty() && is_blank(description_)) return give_up();
    if (o.node == kNone)
      tree_.description = description_;
    else
      tree_.nodes[o.node].edit_extra().description = description_;
  }

  /// After the last tag: the checks of the whole tree. False on any problem.
  bool finish() {
    if (tree_.root == kNone) return false;
    for (const Ref& r : refs_) {
      auto it = tree_.id_index.find(r.target);
      if (it == tree_.id_index.end()) return false;
      tree_.nodes[r.parent].children[r.slot] = it->second;
    }
    std::vector<std::size_t> last_parent(tree_.nodes.size(), kNone);
    for (std::size_t g = 0; g < tree_.nodes.size(); ++g)
      for (std::size_t c : tree_.nodes[g].children)
        if (std::exchange(last_parent[c], g) == g) return false;  // a repeated child
    if (!order_nodes(tree_).empty()) return false;                // a cycle
    std::vector<bool> reached(tree_.nodes.size(), false);
    for (std::size_t n : tree_.order)
      reached[n] = true;
    return std::all_of(shared_.begin(), shared_.end(), [&](std::size_t n) { return reached[n]; });
  }

  const core::SourceFile& file_;
  const LoadContext& context_;
  XML_Parser parser_ = nullptr;
  bool failed_ = false;
  Tree tree_;
  std::vector<Open> open_;
  std::vector<Ref> refs_;
  std::vector<std::size_t> shared_;
  std::string description_;
};

}  // namespace

std::optional<Tree> stream_tree(const core::SourceFile& file, const LoadContext& context) {
  return StreamReader(file, context).read();
}

}  // namespace icsrisk::attacktree
