// icsrisk_xmlparse FILE: reads FILE and parses it with pugixml alone (the flags of
// src/xml/reader.cc), the baseline run-scale.sh compares `icsrisk validate` with.
// Exit 0 when the text is well-formed XML, 1 when not, 4 when the file cannot be read.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <pugixml.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: icsrisk_xmlparse FILE\n");
    return 2;
  }
  // Read as src/cli/io.cc reads a model, so both sides of the comparison pay the same.
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::perror(argv[1]);
    return 4;
  }
  std::string text;
  std::error_code ec;
  std::uintmax_t size = std::filesystem::file_size(argv[1], ec);
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0)
    text.append(block, static_cast<std::size_t>(in.gcount()));
  pugi::xml_document doc;
  pugi::xml_parse_result r =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    std::fprintf(stderr, "%s: offset %td: %s\n", argv[1], r.offset, r.description());
    return 1;
  }
  std::size_t elements = 0;
  struct Counter : pugi::xml_tree_walker {
    std::size_t* n;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_element) ++*n;
      return true;
    }
  } walker;
  walker.n = &elements;
  doc.traverse(walker);
  std::printf("%s: %zu elements\n", argv[1], elements);
  return 0;
}
