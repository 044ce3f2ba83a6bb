// icsrisk export inventory MODEL.xml -o DIR [--profile FILE]

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "interchange/inventory.h"

namespace icsrisk::cli {

bool make_folder(const std::string& dir);  // cmd_template.cc

namespace {

struct ExportOptions {
  std::string model, profile, output;
};

int run_export(const ExportOptions& o) {
  Inputs in;
  std::optional<model::Model> m;
  if (in.load_profile(o.profile)) m = in.load_model(o.model);
  int rc = in.report();
  if (rc != kExitOk || !m) return rc == kExitOk ? static_cast<int>(kExitInvalid) : rc;
  interchange::Inventory inv = interchange::inventory_of(*m);
  if (!make_folder(o.output)) return kExitIo;
  for (const interchange::TableSpec& sp : interchange::table_specs()) {
    std::string path = (std::filesystem::path(o.output) / sp.file).string();
    if (auto w = write_file_atomic(path, interchange::table_csv(inv, sp.table)); !w) {
      return fail(kExitIo, w.error().message);
    }
    std::printf("wrote %s (%zu rows)\n", path.c_str(), inv[sp.table].rows.size());
  }
  return kExitOk;
}

}  // namespace

Runner add_export(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* sub = app.add_subcommand("export", "Write a model in other formats");
  sub->require_subcommand(1);
  CLI::App* inv = sub->add_subcommand("inventory", "Write the model as inventory CSV tables");
  inv->add_option("MODEL", o->model, "the model file")->required();
  inv->add_option("-o,--output", o->output, "the folder to write the tables to")->required();
  inv->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  return [o]() { return run_export(*o); };
}

}  // namespace icsrisk::cli
