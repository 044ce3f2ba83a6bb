// Fuzz target: the AutomationML import with the built-in rules; whatever model text it writes
// must be a model file the loader reads.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "interchange/aml.h"
#include "interchange/inventory.h"
#include "model/loader.h"
#include "model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  static const auto profile = [] {
    core::Diagnostics d;
    return model::load_profile(model::builtin_profile_file(), d);
  }();
  static const std::vector<interchange::AmlRule> rules = interchange::default_aml_rules();
  core::SourceFile file("fuzz.aml", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  interchange::Inventory inv = interchange::aml_inventory(file, rules, diags);
  std::optional<std::string> xml;
  if (!diags.has_errors()) xml = interchange::inventory_to_model(inv, *profile, "p", diags);
  (void)diags.render();
  if (!xml) return 0;
  core::SourceFile out("m.xml", std::move(*xml));
  core::Diagnostics check;
  auto m = model::load_model(out, check);
  if (m) model::link_model(*m, *profile, check);
  // Linking may still find problems (the CLI reports them and writes nothing); the text itself
  // must always be a model file the loader reads.
  if (!m) std::abort();
  return 0;
}
