// icsrisk trees import adtool FILE.xml -o TREE.xml
// icsrisk trees export adtool TREE.xml -o FILE.xml [--profile FILE]
// (ADTool 2's <adtree> format; README, "ADTool 2 import and export").

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "attacktree/adtool.h"
#include "attacktree/generate.h"
#include "attacktree/loader.h"
#include "cli/commands.h"
#include "cli/io.h"

namespace icsrisk::cli {

namespace {

struct AdtoolOptions {
  std::string input, output, profile;
};

int write_output(const std::string& path, const std::string& text) {
  core::Status st = write_file_atomic(path, text);
  if (!st) return fail(kExitIo, st.error().message);
  return kExitOk;
}

int run_import(const AdtoolOptions& o) {
  Inputs in;
  std::optional<attacktree::Tree> t;
  if (auto file = in.add_file(o.input)) t = attacktree::import_adtool(**file, in.diags());
  int rc = in.report();
  if (rc != kExitOk || !t) return rc != kExitOk ? rc : kExitInvalid;
  return write_output(o.output, attacktree::write_tree(*t));
}

int run_export(const AdtoolOptions& o) {
  Inputs in;
  const model::Profile* profile = in.load_profile(o.profile);
  std::optional<std::string> text;
  if (profile) {
    if (auto file = in.add_file(o.input)) {
      std::optional<attacktree::Tree> t = attacktree::load_tree(**file, in.diags(), {profile});
      if (t) text = attacktree::export_adtool(*t, in.diags());
    }
  }
  int rc = in.report();
  if (rc != kExitOk || !text) return rc != kExitOk ? rc : kExitInvalid;
  return write_output(o.output, *text);
}

}  // namespace

TreesInterchange add_trees_adtool(CLI::App* trees) {
  auto o = std::make_shared<AdtoolOptions>();
  TreesInterchange out;
  CLI::App* import = trees->add_subcommand("import", "Read an attack tree of another tool");
  import->require_subcommand(1);
  out.import_adtool = import->add_subcommand("adtool", "Read an ADTool 2 <adtree> XML file");
  out.import_adtool->add_option("FILE", o->input, "ADTool 2 XML file")->required();
  out.import_adtool->add_option("-o,--output", o->output, "attack-tree file to write")->required();
  CLI::App* exp = trees->add_subcommand("export", "Write an attack tree for another tool");
  exp->require_subcommand(1);
  out.export_adtool = exp->add_subcommand("adtool", "Write an ADTool 2 <adtree> XML file");
  out.export_adtool->add_option("TREE", o->input, "attack-tree file")->required();
  out.export_adtool->add_option("-o,--output", o->output, "ADTool 2 XML file to write")->required();
  out.export_adtool->add_option("--profile", o->profile,
                                "profile file (default: the built-in ipa-2018)");
  CLI::App* import_adtool = out.import_adtool;
  out.run = [o, import_adtool]() {
    return import_adtool->parsed() ? run_import(*o) : run_export(*o);
  };
  return out;
}

}  // namespace icsrisk::cli
