// The DOT writer: escaping, determinism, and that cgraph reads back exactly what we meant.

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "report/dot.h"

namespace icsrisk::report::dot {
namespace {

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr parse(const std::string& text) {
  agseterrf([](char*) { return 0; });  // a parse failure shows as nullptr, not as text
  GraphPtr g(agmemread(text.c_str()));
  agseterrf(nullptr);
  return g;
}

int count_nodes(Agraph_t* g) {
  return agnnodes(g);
}
int count_edges(Agraph_t* g) {
  return agnedges(g);
}

std::string label_of(Agraph_t* g, const std::string& id) {
  Agnode_t* n = agnode(g, const_cast<char*>(id.c_str()), 0);
  if (!n) return "<missing node>";
  const char* v = agget(n, const_cast<char*>("label"));
  return v ? v : "<no label>";
}

/// Undoes esc_string(): what Graphviz shows for an escString label.
std::string shown(const std::string& esc) {
  std::string out;
  for (std::size_t i = 0; i < esc.size(); ++i) {
    if (esc[i] == '\\' && i + 1 < esc.size()) {
      char c = esc[++i];
      out += c == 'n' ? '\n' : c;
    } else {
      out += esc[i];
    }
  }
  return out;
}

const std::vector<std::string> kHostile = {
    "\"];\nX -> Y [",
    "<script>alert(1)</script>",
    "back\\slash\\",
    "\\N \\G \\\" \\l",
    "esc\x1b[31m bell\x07 del\x7f",
    "} subgraph { // /* # ",
    "invalid \xff\xfe utf8 \xe3\x81",
    "quote\"inside",
    "制御サーバ\"];",
};

TEST(DotEscapeTest, EscStringDoublesBackslashesAndBreaksLines) {
  EXPECT_EQ(esc_string("a\\b\nc"), "a\\\\b\\nc");
  EXPECT_EQ(esc_string("\\N"), "\\\\N");
  EXPECT_EQ(esc_string("日本語"), "日本語");
}

TEST(DotEscapeTest, SanitizeReplacesControlCharactersAndInvalidUtf8) {
  EXPECT_EQ(sanitize("a\tb\r\nc"), "a b\nc");
  EXPECT_EQ(sanitize("x\x01y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(sanitize("\xff"), "\xEF\xBF\xBD");
  EXPECT_EQ(sanitize("\xe3\x81"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence
  EXPECT_EQ(sanitize("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(sanitize("ネットワーク"), "ネットワーク");
}

TEST(DotEscapeTest, HtmlEscapeEscapesMarkupCharacters) {
  EXPECT_EQ(html_escape("<b>&\"'</b>\n"), "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; ");
}

TEST(DotEscapeTest, QuoteClosesTheStringWhateverTheBackslashes) {
  EXPECT_EQ(quote("plain"), "\"plain\"");
  EXPECT_EQ(quote("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(quote("even\\\\"), "\"even\\\\\"");
  EXPECT_EQ(quote("odd\\"), "\"odd\\\\\"");
  EXPECT_EQ(quote("odd\\\"q"), "\"odd\\\\\\\"q\"");
}

TEST(DotWriterTest, WritesNestedSubgraphsInCallOrder) {
  Writer w("g");
  w.defaults("node", {attr("shape", "box")});
  w.open_subgraph("cluster_1", {text("label", "Zone")});
  w.node("a", {text("label", "A")});
  w.close_subgraph();
  w.edge("a", "b", {attr("dir", "none")});
  EXPECT_EQ(w.finish(),
            "digraph \"g\" {\n"
            "  node [shape=\"box\"];\n"
            "  subgraph \"cluster_1\" {\n"
            "    label=\"Zone\";\n"
            "    \"a\" [label=\"A\"];\n"
            "  }\n"
            "  \"a\" -> \"b\" [dir=\"none\"];\n"
            "}\n");
}

TEST(DotWriterTest, FinishClosesOpenSubgraphsAndUndirectedGraphsUseDashes) {
  Writer w("u", false);
  w.open_subgraph("s");
  w.edge("x", "y");
  std::string out = w.finish();
  EXPECT_NE(out.find("\"x\" -- \"y\";"), std::string::npos);
  GraphPtr g = parse(out);
  ASSERT_TRUE(g);
  EXPECT_EQ(count_edges(g.get()), 1);
}

TEST(DotWriterTest, HostileIdsAndLabelsParseIntoExactlyTheIntendedGraph) {
  Writer w("hostile \"graph\"");
  w.open_subgraph("cluster_" + kHostile[0], {text("label", kHostile[1])});
  for (std::size_t i = 0; i < kHostile.size(); ++i)
    w.node("n" + std::to_string(i), {text("label", kHostile[i]), text("tooltip", kHostile[i])});
  w.close_subgraph();
  for (std::size_t i = 0; i < kHostile.size(); ++i)
    w.node(kHostile[i], {text("label", "id " + std::to_string(i))});
  for (std::size_t i = 0; i + 1 < kHostile.size(); ++i)
    w.edge("n" + std::to_string(i), "n" + std::to_string(i + 1), {text("label", kHostile[i])});
  std::string out = w.finish();
  EXPECT_EQ(out.find('\r'), std::string::npos);

  GraphPtr g = parse(out);
  ASSERT_TRUE(g) << out;
  EXPECT_EQ(count_nodes(g.get()), static_cast<int>(2 * kHostile.size()));
  EXPECT_EQ(count_edges(g.get()), static_cast<int>(kHostile.size() - 1));
  EXPECT_EQ(agnnodes(agfstsubg(g.get())), static_cast<int>(kHostile.size()));
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    std::string label = label_of(g.get(), "n" + std::to_string(i));
    EXPECT_EQ(label, esc_string(kHostile[i])) << i;
    EXPECT_EQ(shown(label), sanitize(kHostile[i])) << i;
  }
  // Ids come back exactly unless they hold a line break (a space in an id) or an odd
  // backslash run before a quote or at the end.
  EXPECT_EQ(label_of(g.get(), "\"]; X -> Y ["), "id 0");
  EXPECT_EQ(label_of(g.get(), kHostile[1]), "id 1");
  EXPECT_EQ(label_of(g.get(), kHostile[7]), "id 7");
  EXPECT_EQ(label_of(g.get(), kHostile[8]), "id 8");
}

TEST(DotWriterTest, HtmlLabelWithEscapedHostileTextStaysOneNode) {
  Writer w("g");
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    w.node("n" + std::to_string(i),
           {html("label", html_escape(kHostile[i]) + "<BR/><FONT POINT-SIZE=\"9\">t</FONT>")});
  }
  GraphPtr g = parse(w.finish());
  ASSERT_TRUE(g);
  EXPECT_EQ(count_nodes(g.get()), static_cast<int>(kHostile.size()));
  Agnode_t* n = agnode(g.get(), const_cast<char*>("n1"), 0);
  ASSERT_NE(n, nullptr);
  char* label = agget(n, const_cast<char*>("label"));
  EXPECT_TRUE(aghtmlstr(label));
  EXPECT_EQ(std::string(label),
            "&lt;script&gt;alert(1)&lt;/script&gt;<BR/><FONT POINT-SIZE=\"9\">t</FONT>");
}

}  // namespace
}  // namespace icsrisk::report::dot
