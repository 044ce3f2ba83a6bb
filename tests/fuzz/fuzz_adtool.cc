// Fuzz target: the ADTool 2 importer, then the export of what it accepts, re-imported (an
// accepted tree must export, and its export must import).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "attacktree/adtool.h"
#include "core/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  core::SourceFile file("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto tree = attacktree::import_adtool(file, diags);
  (void)diags.render();
  if (!tree) return 0;
  core::Diagnostics out;
  std::optional<std::string> text = attacktree::export_adtool(*tree, out);
  if (!text) std::abort();
  core::SourceFile again("again.xml", *text);
  if (!attacktree::import_adtool(again, out)) std::abort();
  return 0;
}
