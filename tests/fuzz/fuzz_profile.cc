// Fuzz target: the profile loader and its checks.
#include <cstdint>
#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  core::SourceFile file("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto p = model::load_profile(file, diags);
  if (p) {
    for (const auto& t : p->threats)
      for (const auto& a : p->asset_types)
        (void)p->applies_to_asset(t, a);
  }
  (void)diags.render();
  return 0;
}
