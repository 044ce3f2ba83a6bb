// The streaming reader (stream_reader.h) against the full reader (load_tree_dom): the same tree
// in every field, positions included, wherever the streaming reader accepts a file — every tree
// file of the repository, random trees, hostile text — and load_tree's diagnostics byte for byte
// those of the full reader on invalid files (issue 12, item 7).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "attacktree/generate.h"
#include "attacktree/loader.h"
#include "attacktree/stream_reader.h"
#include "attacktree_brute.h"
#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"

namespace icsrisk::attacktree {
namespace {

#define EXPECT_SAME_LOC(a, b)         \
  EXPECT_EQ((a).file, (b).file) << w; \
  EXPECT_EQ((a).offset, (b).offset) << w

void expect_same_node(const Node& a, const Node& b, const std::string& w) {
  EXPECT_EQ(a.kind, b.kind) << w;
  EXPECT_EQ(a.level, b.level) << w;
  EXPECT_EQ(a.id, b.id) << w;
  EXPECT_EQ(a.name(), b.name()) << w;
  EXPECT_EQ(a.description(), b.description()) << w;
  EXPECT_EQ(a.children, b.children) << w;
  for (std::size_t k = 0; k < a.children.size(); ++k) {
    EXPECT_SAME_LOC(a.child_ref(k), b.child_ref(k));
  }
  EXPECT_EQ(a.from(), b.from()) << w;
  EXPECT_EQ(a.to(), b.to()) << w;
  EXPECT_EQ(a.method(), b.method()) << w;
  EXPECT_EQ(std::optional<double>(a.probability), std::optional<double>(b.probability)) << w;
  EXPECT_EQ(std::optional<double>(a.cost), std::optional<double>(b.cost)) << w;
  EXPECT_EQ(std::optional<double>(a.time), std::optional<double>(b.time)) << w;
  EXPECT_EQ(std::optional<double>(a.skill), std::optional<double>(b.skill)) << w;
  EXPECT_SAME_LOC(a.loc, b.loc);
  ASSERT_EQ(a.countermeasures().size(), b.countermeasures().size()) << w;
  for (std::size_t k = 0; k < a.countermeasures().size(); ++k) {
    const TreeCountermeasure &x = a.countermeasures()[k], &y = b.countermeasures()[k];
    EXPECT_EQ(x.ref, y.ref) << w;
    EXPECT_EQ(x.function, y.function) << w;
    EXPECT_EQ(x.stages, y.stages) << w;
    EXPECT_EQ(x.status, y.status) << w;
    EXPECT_EQ(x.measure, y.measure) << w;
    EXPECT_EQ(x.cost, y.cost) << w;
    EXPECT_EQ(x.blocks, y.blocks) << w;
    EXPECT_EQ(x.probability_factor, y.probability_factor) << w;
    EXPECT_EQ(x.adds_cost, y.adds_cost) << w;
    EXPECT_EQ(x.adds_time, y.adds_time) << w;
    EXPECT_SAME_LOC(x.loc, y.loc);
  }
}

void expect_same(const Tree& a, const Tree& b, const std::string& w) {
  EXPECT_EQ(a.id, b.id) << w;
  EXPECT_EQ(a.scenario, b.scenario) << w;
  EXPECT_EQ(a.name, b.name) << w;
  EXPECT_EQ(a.description, b.description) << w;
  EXPECT_EQ(a.root, b.root) << w;
  EXPECT_SAME_LOC(a.loc, b.loc);
  EXPECT_EQ(a.order, b.order) << w;
  EXPECT_EQ(a.id_index.size(), b.id_index.size()) << w;
  ASSERT_EQ(a.nodes.size(), b.nodes.size()) << w;
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    expect_same_node(a.nodes[i], b.nodes[i], w + ", node " + std::to_string(i));
    if (!a.nodes[i].id.empty()) {
      EXPECT_EQ(b.find(a.nodes[i].id), i) << w;
    }
  }
}

/// What the two readers make of one text. Returns whether the streaming reader accepted it.
bool check_both_ways(const std::string& name, const std::string& text,
                     const LoadContext& context = {}) {
  core::SourceFile file(name, text);
  core::Diagnostics full_diags, diags;
  std::optional<Tree> full = load_tree_dom(file, full_diags, context);
  std::optional<Tree> t = load_tree(file, diags, context);
  EXPECT_EQ(diags.render(), full_diags.render()) << name;
  EXPECT_EQ(t.has_value(), full.has_value()) << name;
  std::optional<Tree> streamed = stream_tree(file, context);
  if (!full_diags.all().empty()) {
    EXPECT_FALSE(streamed) << name << ": accepted a file the full reader says something about";
    return false;
  }
  if (!streamed) return false;
  expect_same(*streamed, *full, name);
  if (t) expect_same(*t, *full, name + " (load_tree)");
  return true;
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const model::Profile& profile() {
  static const model::Profile p = [] {
    core::Diagnostics d;
    return *model::load_profile(model::builtin_profile_file(), d);
  }();
  return p;
}

/// A model of the repository, linked against the built-in profile (asset ids, scenarios).
model::Model linked_model(const std::string& relative) {
  static std::vector<std::unique_ptr<core::SourceFile>> files;  // the model's positions
  files.push_back(std::make_unique<core::SourceFile>(
      relative, read_text(std::filesystem::path(ICSRISK_SOURCE_DIR) / relative)));
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(*files.back(), d);
  EXPECT_TRUE(m) << d.render();
  model::link_model(*m, profile(), d);
  return std::move(*m);
}

TEST(AttackTreeStreamTest, EveryTreeFileOfTheRepositoryReadsTheSameBothWays) {
  const model::Model small = linked_model("models/small-plant.xml");
  const model::Model plant = linked_model("models/model-plant.xml");
  namespace fs = std::filesystem;
  const fs::path root(ICSRISK_SOURCE_DIR);
  std::size_t files = 0, streamed = 0;
  for (const char* dir : {"attack-trees", "tests", "reports", "models", "docs"}) {
    if (!fs::exists(root / dir)) continue;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(root / dir)) {
      if (!e.is_regular_file() || e.file_size() > 4'000'000) continue;
      std::string text = read_text(e.path());
      if (text.find("<attack-tree") == std::string::npos) continue;
      ++files;
      std::string name = fs::relative(e.path(), root).string();
      streamed += check_both_ways(name, text) ? 1 : 0;
      streamed += check_both_ways(name + " (profile)", text, {&profile()}) ? 1 : 0;
      streamed += check_both_ways(name + " (small plant)", text, {&profile(), &small}) ? 1 : 0;
      streamed += check_both_ways(name + " (model plant)", text, {&profile(), &plant}) ? 1 : 0;
    }
  }
  EXPECT_GE(files, 30u);
  EXPECT_GE(streamed, 30u);
  std::cout << files << " tree files; the streaming reader accepted " << streamed << " of "
            << 4 * files << " readings\n";
}

/// A countermeasure with every attribute in turn: in the built-in profile or not, with or
/// without an effect (never on a gate).
TreeCountermeasure measure(bool on_gate, std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 5);
  TreeCountermeasure m;
  m.ref = pick(rng) < 3 ? "ips" : "own-measure";
  m.function = pick(rng) < 3 ? model::Function::kDetect : model::Function::kMitigate;
  m.stages = static_cast<std::uint8_t>(pick(rng) % 3);
  m.status = pick(rng) < 3 ? model::Status::kPlanned : model::Status::kImplemented;
  if (pick(rng) < 3) m.cost = pick(rng) * 1.5;
  if (on_gate) return m;
  int effect = pick(rng);
  m.blocks = effect == 0;
  if (effect == 1) m.probability_factor = 0.25;
  if (effect == 2) m.adds_cost = 7;
  if (effect == 3) m.adds_time = 2.5;
  return m;
}

/// A random DAG with the attributes and text the streaming reader takes: names and
/// descriptions of hostile text, levels, steps.
Tree decorated_dag(std::mt19937& rng) {
  const char* texts[] = {"plain",   "<script>\"&'</script>", "日本語 → PLC", "a\tb",
                         "x&amp;y", " lead and trail ",      "]]>",          "--><!--"};
  std::uniform_int_distribution<std::size_t> text(0, std::size(texts) - 1), coin(0, 3);
  Tree t = testing::random_dag(rng);
  t.id = "t1";
  t.name = texts[text(rng)];
  if (coin(rng) == 0) t.description = texts[text(rng)];
  for (Node& n : t.nodes) {
    if (coin(rng) == 0) n.edit_extra().countermeasures.push_back(measure(is_gate(n.kind), rng));
    if (coin(rng) == 0) n.set_name(texts[text(rng)]);
    if (coin(rng) == 0) n.edit_extra().description = texts[text(rng)];
    if (n.kind == NodeKind::kLeaf && coin(rng) == 0) n.level = static_cast<int>(1 + coin(rng) % 3);
    if (n.kind == NodeKind::kLeaf && coin(rng) == 1) {
      n.kind = NodeKind::kStep;
      n.level.reset();
      n.edit_extra().from = kAttacker;
      n.edit_extra().to = "plc-1";
      n.edit_extra().method = "unauthorized-access";
    }
  }
  return t;
}

/// The file as an editor on another system might save it: CRLF line ends, a byte order mark.
std::string resaved(std::string text, std::size_t how) {
  if (how % 2 == 1) {
    std::string crlf;
    for (char c : text)
      crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    text = crlf;
  }
  if (how >= 2) text = "\xEF\xBB\xBF" + text;
  return text;
}

TEST(AttackTreeStreamTest, RandomTreesWithHostileTextReadTheSameBothWays) {
  std::mt19937 rng(20261130);
  std::size_t valid = 0, streamed = 0;
  for (int i = 0; i < 400; ++i) {
    Tree t = decorated_dag(rng);
    std::string text = resaved(write_tree(t), static_cast<std::size_t>(i % 4));
    core::SourceFile file("r.xml", text);
    core::Diagnostics d;
    valid += load_tree_dom(file, d).has_value() && d.all().empty() ? 1 : 0;
    streamed += check_both_ways("random " + std::to_string(i), text) ? 1 : 0;
    check_both_ways("random with the profile " + std::to_string(i), text, {&profile()});
  }
  EXPECT_GT(valid, 100u);
  EXPECT_EQ(streamed, valid);  // every valid one
}

/// One random edit of a valid file, of the kinds that make it invalid or unusual.
std::string mutated(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> at(0, text.size() - 1), kind(0, 6);
  std::size_t i = at(rng);
  const char* inserts[] = {"<xor/>",       "<!-- c -->", "<![CDATA[x]]>", "<?pi x?>",
                           " bogus=\"1\"", "&#0;",       "&undefined;"};
  switch (kind(rng)) {
    case 0:
      return text.erase(i, 1);
    case 1:
      return text.substr(0, i);
    case 2:
      return text.insert(i, inserts[at(rng) % std::size(inserts)]);
    case 3: {
      std::size_t gt = text.find('>', i);
      return gt == std::string::npos ? text
                                     : text.insert(gt + 1, inserts[at(rng) % std::size(inserts)]);
    }
    case 4: {
      std::size_t q = text.find("=\"", i);
      return q == std::string::npos ? text : text.insert(q + 2, "x");
    }
    case 5:
      return "<!DOCTYPE attack-tree>\n" + text;
    default:
      return text.replace(i, 1, 1, static_cast<char>(at(rng) % 128));
  }
}

TEST(AttackTreeStreamTest, InvalidFilesGiveTheFullReadersDiagnostics) {
  std::mt19937 rng(31);
  for (int i = 0; i < 600; ++i) {
    std::string text = resaved(write_tree(decorated_dag(rng)), static_cast<std::size_t>(i % 4));
    check_both_ways("mutant " + std::to_string(i), mutated(text, rng));
  }
}

TEST(AttackTreeStreamTest, TextTheReadersCouldTakeDifferentlyReadsTheSame) {
  const std::string head = "<attack-tree id=\"t\">\n<or id=\"g\">\n";
  const std::string tail = "</or>\n</attack-tree>\n";
  const std::vector<std::string> bodies = {
      "<leaf id=\"a\"><description>  </description></leaf>",
      "<leaf id=\"a\"><description>&#32;</description></leaf>",
      "<leaf id=\"a\"><description> x\r\ny\rz </description></leaf>",
      "<leaf id=\"a\"><description>a<!-- c -->b</description></leaf>",
      "<leaf id=\"a\"><description><![CDATA[<b>]]></description></leaf>",
      "<leaf id=\"a\" name=\"a&#10;b&#9;c\r\nd\te\"/>",
      "<leaf id=\"a\" name=\"&lt;&amp;&gt;&quot;&apos;&#x65E5;\"/>",
      "<leaf id=\"a\" probability=\"+0.5\" cost=\"1e3\" time=\"0x1\"/>",
      "<leaf id=\"a\" level=\"03\"/>",
      "<leaf id=\"a\" xmlns:x=\"u\" x:y=\"1\" xsi:type=\"t\"/>",
      "<leaf id=\"a\"/><leaf id=\"b\"><description/></leaf>",
      "<leaf id=\"a\">text</leaf>",
      "<leaf id=\"a\"/>\x01",
      "<leaf id=\"a\"/><ref node=\"a\"/>",
      "<leaf id=\"a\"><description>&#xFFFE;&#xFFFF;</description></leaf>",
      "<leaf id=\"a\"><description>&#xD800;</description></leaf>",
      "<leaf id=\"a\"><description>&#x110000;&#0;</description></leaf>",
      "<leaf id=\"a\"><description>&#x10FFFF;&#1;\xEF\xBF\xBE</description></leaf>",
      "<leaf id=\"a\" name=\"" + std::string(2001, 'n') + "\"/>",
      "<leaf id=\"a\" name=\"" + std::string(1000, 'n') + "日本\"/>",
  };
  for (const std::string& body : bodies)
    check_both_ways(body.substr(0, 60), head + body + "\n" + tail);
  for (const std::string& whole :
       {std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n") + head +
            "<leaf id=\"a\" name=\"caf\xC3\xA9\"/>" + tail,
        "\xEF\xBB\xBF<!-- c -->\n" + head + "<leaf id=\"a\"/>" + tail,
        head + "<leaf id=\"a\"/>" + tail + "<!-- after -->\n",
        head + "<leaf id=\"a\"/>" + tail + "<second/>\n"})
    check_both_ways(whole.substr(0, 60), whole);
}

TEST(AttackTreeStreamTest, NodeStaysSmall) {
  // 128 bytes on x86-64 (README, "Limitations"): 10⁶ nodes in 128 MB. A field added to Node
  // instead of NodeExtra shows here.
  EXPECT_LE(sizeof(Node), 128u);
}

}  // namespace
}  // namespace icsrisk::attacktree
