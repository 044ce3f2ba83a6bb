// Fuzz target: reading results.json back (icsrisk diff, analyze --baseline).
#include <cstdint>
#include <string>

#include "core/diagnostics.h"
#include "diff/snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  core::SourceFile file("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto s = diff::read_results_json(file, diags);
  if (s)
    for (const diff::ScenarioRow& sc : s->scenarios)
      for (const diff::RouteKey& r : sc.routes)
        (void)r.text();
  (void)diags.render();
  return 0;
}
