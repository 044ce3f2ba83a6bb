// PLACEHOLDER — being written now; replaced before commit.
#include "cli/commands.h"
#include "cli/io.h"
namespace icsrisk::cli {
Runner add_diagram(CLI::App& app) {
  app.add_subcommand("diagram", "(not yet available)");
  return []() { return static_cast<int>(kExitUsage); };
}
}  // namespace icsrisk::cli
