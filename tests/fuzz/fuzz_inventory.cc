// Fuzz target: inventory CSV import (encoding detection, CSV reading, cell checks, model text)
// against the built-in profile; the model text it writes must be a model file the loader reads.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "interchange/encoding.h"
#include "interchange/inventory.h"
#include "model/loader.h"
#include "model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  static const auto profile = [] {
    core::Diagnostics d;
    return model::load_profile(model::builtin_profile_file(), d);
  }();
  interchange::Decoded text =
      interchange::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
  if (text.error_offset != std::string_view::npos) return 0;
  core::SourceFile file("assets.csv", std::move(text.text));
  core::Diagnostics diags;
  interchange::Inventory inv;
  interchange::read_table(file, interchange::Table::kAssets, inv, diags);
  std::optional<std::string> xml = interchange::inventory_to_model(inv, *profile, "p", diags);
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
