// icsrisk: a thin command line over the icsrisk_core library.

#include <cstdint>
#include <cstdio>
#include <exception>
#include <vector>

#include "cli/commands.h"
#include "cli/io.h"

// The options of jemalloc, the executable's allocator in release builds (CMakeLists.txt; the
// sanitizers' allocators ignore this): transparent huge pages for the heap. Loading a model
// touches 100-300 MB of fresh memory (pugixml's nodes, the model's structs), and with 4 KiB
// pages a third of `validate`'s time went to page faults (43,500 of them on a 100,000-asset
// model, 2,300 with huge pages). A system with huge pages off ignores the request.
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the name jemalloc reads
const char* malloc_conf = "thp:always";
}

int main(int argc, char** argv) {
  using namespace icsrisk::cli;
  try {
    CLI::App app{"icsrisk — security risk analysis of industrial control systems (IPA method)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "icsrisk 0.1.0");
    std::uint64_t max_input_mib = kDefaultMaxInputMiB;
    app.add_option("--max-input-mib", max_input_mib,
                   "largest input file read, in MiB (default 256); any sub-command")
        ->check(CLI::Range(1, 1 << 20));
    app.fallthrough();  // sub-commands (created below, inheriting it) accept the option too
    std::vector<std::pair<CLI::App*, Runner>> table;
    auto add = [&](Runner (*reg)(CLI::App&)) {
      std::size_t before = app.get_subcommands({}).size();
      Runner r = reg(app);
      table.emplace_back(app.get_subcommands({})[before], std::move(r));
    };
    add(add_validate);
    add(add_analyze);
    add(add_diagram);
    add(add_profile);
    add(add_trees);
    add(add_import);
    add(add_export);
    add(add_template);
    add(add_diff);
    add(add_plan);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int rc = app.exit(e);
      return rc == 0 ? kExitOk : kExitUsage;
    }
    set_max_input_mib(max_input_mib);
    for (auto& [sub, run] : table)
      if (sub->parsed()) return run();
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "icsrisk: internal error: %s\n", e.what());
    return kExitInternal;
  } catch (...) {
    std::fprintf(stderr, "icsrisk: internal error\n");
    return kExitInternal;
  }
}
