// icsrisk profile show [--profile FILE]

#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "model/loader.h"

namespace icsrisk::cli {

Runner add_profile(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("profile", "Criteria profiles");
  sub->require_subcommand(1);
  CLI::App* show =
      sub->add_subcommand("show", "Print the profile in use (the built-in one by default)");
  show->add_option("--profile", *path, "profile file");
  return [path]() {
    Inputs in;
    if (!in.load_profile(*path)) return in.report();
    int rc = in.report();
    if (rc != kExitOk) return rc;
    // The profile is its file: print that text, so what a user sees is what a user can edit.
    if (path->empty()) {
      const std::string& t = model::builtin_profile_file().text();
      std::fwrite(t.data(), 1, t.size(), stdout);
    } else {
      auto text = read_file(*path);
      if (!text) return static_cast<int>(kExitIo);
      std::fwrite(text->data(), 1, text->size(), stdout);
    }
    return static_cast<int>(kExitOk);
  };
}

}  // namespace icsrisk::cli
