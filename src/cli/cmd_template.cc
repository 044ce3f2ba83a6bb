// icsrisk template -o DIR: inventory tables (header and example rows) to fill in a spreadsheet.

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "cli/commands.h"
#include "cli/io.h"
#include "interchange/inventory.h"

namespace icsrisk::cli {

/// Creates `dir` (and its parents); false with a message on stderr when it cannot.
bool make_folder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    fail(kExitUsage, fmt::format("cannot create '{}': {}", dir, ec.message()));
    return false;
  }
  return true;
}

Runner add_template(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "template", "Write the inventory CSV tables to fill in (header and example rows)");
  sub->add_option("-o,--output", *dir, "the folder to write them to")->required();
  return [dir]() {
    if (!make_folder(*dir)) return static_cast<int>(kExitIo);
    for (const interchange::TableSpec& sp : interchange::table_specs()) {
      std::string path = (std::filesystem::path(*dir) / sp.file).string();
      if (auto w = write_file_atomic(path, interchange::template_csv(sp.table)); !w) {
        return fail(kExitIo, w.error().message);
      }
      std::printf("wrote %s\n", path.c_str());
    }
    return static_cast<int>(kExitOk);
  };
}

}  // namespace icsrisk::cli
