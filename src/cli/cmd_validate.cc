// icsrisk validate MODEL... [--profile FILE]

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/io.h"

namespace icsrisk::cli {

Runner add_validate(CLI::App& app) {
  struct Options {
    std::vector<std::string> models;
    std::string profile;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("validate", "Check model files; report every problem as file:line:col");
  sub->add_option("MODEL", o->models, "model files")->required();
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  return [o]() {
    Inputs in;
    if (in.load_profile(o->profile)) {
      for (const std::string& m : o->models) in.load_model(m);
    }
    int rc = in.report();
    if (rc == kExitOk) {
      for (const std::string& m : o->models) std::printf("%s: ok\n", m.c_str());
    }
    return rc;
  };
}

}  // namespace icsrisk::cli
