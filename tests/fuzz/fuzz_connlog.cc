// Fuzz target: Zeek conn.log reading and the comparison with the bundled example plant; the
// model text with observed flows added must be a model file the loader reads.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "interchange/traffic.h"
#include "model/loader.h"
#include "model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace icsrisk;
  static const auto profile = [] {
    core::Diagnostics d;
    return model::load_profile(model::builtin_profile_file(), d);
  }();
  static const auto plant = [] {
    core::Diagnostics d;
    auto m = model::load_model(model::builtin_example_file(), d);
    model::link_model(*m, *profile, d);
    return m;
  }();
  core::SourceFile file("conn.log", std::string(reinterpret_cast<const char*>(data), size));
  core::Diagnostics diags;
  auto log = interchange::read_conn_log(file, diags);
  auto c = interchange::compare_traffic(*plant, log, diags);
  (void)diags.render();
  if (diags.has_errors()) return 0;  // the CLI adds no flows then (exit 3)
  std::optional<std::string> text =
      interchange::add_observed_flows(*plant, model::builtin_example_file().text(), c);
  if (!text) std::abort();                                      // the example has a </dataflows>
  if (*text == model::builtin_example_file().text()) return 0;  // nothing added: nothing to load
  core::SourceFile out("m.xml", std::move(*text));
  core::Diagnostics check;
  if (!model::load_model(out, check)) std::abort();
  return 0;
}
