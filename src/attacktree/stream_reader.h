#pragma once
// The fast path of load_tree (loader.h): an attack-tree file read as a stream of tags with
// expat, building the Tree directly, without a document tree in memory (a 10⁶-node file in
// under 300 MB: README, "Benchmarks").

#include <optional>

#include "attacktree/loader.h"
#include "attacktree/tree.h"
#include "core/source.h"

namespace icsrisk::attacktree {

/// The tree of `file` when the file is well-formed, valid against `context` and of the shapes
/// this reader handles; nullopt otherwise — it reports nothing, the full reader
/// (load_tree_dom) then reads the file and reports every problem. It gives up on anything
/// that would make load_tree_dom say something (an error or a warning), and on what it does
/// not read itself: a DOCTYPE, CDATA sections, comments or processing
/// instructions inside a <description>, text outside one, and a description of white space only.
/// When it returns a tree, that tree equals load_tree_dom's in every field, positions included
/// (tests/unit/attacktree_stream_differential_test.cc). O(file size); memory: the nodes and the id
/// index, no copy of the text.
std::optional<Tree> stream_tree(const core::SourceFile& file, const LoadContext& context = {});

}  // namespace icsrisk::attacktree
