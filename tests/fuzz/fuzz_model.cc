// Fuzz target: the model loader and linker against the built-in profile.
#include <cstdint>
#include <string>

#include "core/diagnostics.h"
#include "model/loader.h"
#include "model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  static const auto profile = [] {
    core::Diagnostics d;
    return model::load_profile(model::builtin_profile_file(), d);
  }();
  core::SourceFile file("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto m = model::load_model(file, diags);
  if (m && profile) model::link_model(*m, *profile, diags);
  (void)diags.render();
  return 0;
}
