// icsrisk validate MODEL... [--profile FILE]

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"

namespace icsrisk::cli {

Runner add_validate(CLI::App& app) {
  struct Options {
    std::vector<std::string> models;
    std::string profile;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub =
      app.add_subcommand("validate", "Check model files; report every problem as file:line:col");
  sub->add_option("MODEL", o->models, "model files")->required();
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  return [o]() {
    Inputs in;
    if (in.load_profile(o->profile)) {
      for (const std::string& m : o->models) {
        std::optional<model::Model> model = in.load_model(m);
#ifndef ICSRISK_SANITIZE
        // The process ends after the last model: freeing a large one block by block (a
        // 300,000-flow model is millions of allocations) would take a fifth of the run, so the
        // OS reclaims it. Sanitizer builds free it, to keep LeakSanitizer meaningful.
        if (model && &m == &o->models.back())
          static_cast<void>(std::make_unique<model::Model>(std::move(*model)).release());
#endif
      }
    }
    int rc = in.report();
    if (rc == kExitOk) {
      for (const std::string& m : o->models)
        std::printf("%s: ok\n", core::terminal_text(m, false).c_str());
    }
    return rc;
  };
}

}  // namespace icsrisk::cli
