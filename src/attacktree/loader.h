#pragma once
// Loading attack-tree files (design.md "Attack-tree file (XML)").

#include <optional>

#include "attacktree/tree.h"
#include "core/diagnostics.h"
#include "core/source.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::attacktree {

/// What a tree is checked against. Both are optional: without a profile, methods are not
/// checked and every countermeasure needs its `function`; without a model, step assets and the
/// scenario are not checked.
struct LoadContext {
  const model::Profile* profile = nullptr;
  const model::Model* model = nullptr;  ///< a linked model
};

/// Parses an attack-tree file. Every problem goes to `diags` with its position: malformed
/// values (probability outside 0–1, negative cost/time/skill, level outside 1–3), duplicate ids
/// (with a note at the first), dangling <ref>s (with "did you mean"), cycles through <ref>s
/// (with the cycle's path), gates without children, unknown methods (with a profile), unknown
/// assets and scenarios (with a model); unknown attributes and elements are warnings. Returns
/// the tree, with `order` filled, only when the file has no errors. Linear in the file size;
/// elements nested deeper than kMaxDepth are an error (no unbounded recursion). Reads the file
/// with the streaming reader (stream_reader.h) and, when that gives up, with load_tree_dom.
std::optional<Tree> load_tree(const core::SourceFile& file, core::Diagnostics& diags,
                              const LoadContext& context = {});

/// load_tree by way of a pugixml document: every check and every diagnostic. About three times
/// the memory of the streaming reader (the document, and a copy of the text).
std::optional<Tree> load_tree_dom(const core::SourceFile& file, core::Diagnostics& diags,
                                  const LoadContext& context = {});

inline constexpr std::size_t kMaxDepth = 500;

}  // namespace icsrisk::attacktree
