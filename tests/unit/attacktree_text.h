#pragma once
// Loading an attack tree from text in a test, keeping its source file alive and its
// diagnostics rendered (sorted) for the assertions.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attacktree/loader.h"
#include "core/diagnostics.h"
#include "core/source.h"

namespace icsrisk::attacktree {

struct LoadedText {
  std::optional<Tree> tree;
  std::string diagnostics;
};

/// Loads `text` as the tree file t.xml (no profile, no model).
inline LoadedText load_text(const std::string& text) {
  static std::vector<std::unique_ptr<core::SourceFile>> files;  // outlive the trees
  files.push_back(std::make_unique<core::SourceFile>("t.xml", text));
  core::Diagnostics diags;
  LoadedText out;
  out.tree = load_tree(*files.back(), diags);
  diags.sort();
  out.diagnostics = diags.render();
  return out;
}

}  // namespace icsrisk::attacktree
