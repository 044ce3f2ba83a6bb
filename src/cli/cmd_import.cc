// icsrisk import inventory ASSETS.csv [--flows FILE] [--zones FILE] [--networks FILE]
//                [--entries FILE] [--scenarios FILE] [--countermeasures FILE] [--system FILE]
//                [--profile FILE] -o MODEL.xml
// icsrisk import aml PLANT.aml [--mapping FILE] [--flows FILE] [--entries FILE]
//                [--scenarios FILE] [--countermeasures FILE] [--profile FILE] -o MODEL.xml

#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"
#include "graph/topology.h"
#include "interchange/aml.h"
#include "interchange/encoding.h"
#include "interchange/inventory.h"
#include "model/loader.h"
#include "model/validate.h"

namespace icsrisk::cli {
namespace {

using interchange::Table;

struct ImportOptions {
  std::string assets, profile, output;
  std::vector<std::pair<Table, std::string>> tables;  // filled from the options below
  std::string flows, zones, networks, entries, scenarios, measures, system;
  std::string aml, mapping;
};

// Reads, decodes and parses one table; problems go to the sink. The decoded text must outlive
// the diagnostics, so it lives in `keep`.
void read_one(Inputs& in, std::deque<core::SourceFile>& keep, const std::string& path, Table t,
              interchange::Inventory& inv, std::vector<std::string>& encodings) {
  auto raw = in.add_file(path);
  if (!raw) return;
  interchange::Decoded d = interchange::decode_text((*raw)->text());
  if (d.error_offset != std::string_view::npos) {
    in.diags().error({*raw, d.error_offset},
                     "this file is neither UTF-8 nor CP932 (Shift_JIS): save it as CSV UTF-8");
    return;
  }
  encodings.push_back(fmt::format("{}: {}", path, d.encoding));
  keep.emplace_back(path, std::move(d.text));
  interchange::read_table(keep.back(), t, inv, in.diags());
}

// The system id when there is no system table: the output file's stem, if it is an id.
std::string fallback_id(const std::string& output) {
  std::string stem = std::filesystem::path(output).stem().string();
  return core::is_valid_id(stem) ? stem : "plant";
}

// Loads the text to be written as `icsrisk validate` would; its problems (errors the inventory
// checks should have caught, warnings such as uncovered assets) are reported against the
// output file's name. Returns the model, or nothing when it has errors.
std::optional<model::Model> model_validates(Inputs& in, const std::string& name,
                                            const std::string& xml,
                                            std::deque<core::SourceFile>& keep) {
  keep.emplace_back(name, xml);
  std::optional<model::Model> m = model::load_model(keep.back(), in.diags());
  if (!m) return std::nullopt;
  model::link_model(*m, *in.profile(), in.diags());
  graph::report_unroutable_flows(*m, *in.profile(), in.diags());
  if (in.diags().has_errors()) return std::nullopt;
  return m;
}

// Checks the inventory, writes the model when it and its validation are free of errors.
int finish(Inputs& in, std::deque<core::SourceFile>& keep, const interchange::Inventory& inv,
           const std::string& output, const std::vector<std::string>& encodings) {
  if (!in.io_errors().empty()) return in.report();
  std::optional<std::string> xml =
      interchange::inventory_to_model(inv, *in.profile(), fallback_id(output), in.diags());
  if (!xml) return in.report();
  std::optional<model::Model> m = model_validates(in, output, *xml, keep);
  if (!m) {
    int rc = in.report();
    std::fprintf(stderr, "icsrisk: %s not written: the model made from the input has errors\n",
                 output.c_str());
    return rc;
  }
  int rc = in.report();
  if (auto w = write_file_atomic(output, *xml); !w) {
    return fail(kExitIo, w.error().message);
  }
  for (const std::string& e : encodings)
    std::printf("read %s\n", e.c_str());
  std::printf("wrote %s: %zu zones, %zu networks, %zu assets, %zu flows\n", output.c_str(),
              m->zones.size(), m->networks.size(), m->assets.size(), m->flows.size());
  return rc;
}

void read_optional(Inputs& in, std::deque<core::SourceFile>& keep, const ImportOptions& o,
                   interchange::Inventory& inv, std::vector<std::string>& encodings) {
  const std::pair<Table, const std::string*> optional[] = {
      {Table::kSystem, &o.system},     {Table::kZones, &o.zones},
      {Table::kNetworks, &o.networks}, {Table::kFlows, &o.flows},
      {Table::kEntries, &o.entries},   {Table::kScenarios, &o.scenarios},
      {Table::kMeasures, &o.measures}};
  for (const auto& [t, path] : optional)
    if (!path->empty()) read_one(in, keep, *path, t, inv, encodings);
}

int run_inventory(const ImportOptions& o) {
  Inputs in;
  std::deque<core::SourceFile> keep;
  if (!in.load_profile(o.profile)) return in.report();
  interchange::Inventory inv;
  std::vector<std::string> encodings;
  read_one(in, keep, o.assets, Table::kAssets, inv, encodings);
  read_optional(in, keep, o, inv, encodings);
  return finish(in, keep, inv, o.output, encodings);
}

int run_aml(const ImportOptions& o) {
  Inputs in;
  std::deque<core::SourceFile> keep;
  if (!in.load_profile(o.profile)) return in.report();
  std::vector<interchange::AmlRule> rules = interchange::default_aml_rules();
  if (!o.mapping.empty()) {
    auto f = in.add_file(o.mapping);
    if (!f) return in.report();
    for (auto& r : interchange::parse_aml_mapping(**f, *in.profile(), in.diags()))
      rules.push_back(std::move(r));
  }
  auto aml = in.add_file(o.aml);
  if (!aml) return in.report();
  interchange::Inventory inv = interchange::aml_inventory(**aml, rules, in.diags());
  std::vector<std::string> encodings;
  read_optional(in, keep, o, inv, encodings);
  return finish(in, keep, inv, o.output, encodings);
}

}  // namespace

Runner add_import(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand("import", "Make a model from other formats");
  sub->require_subcommand(1);
  CLI::App* inv = sub->add_subcommand(
      "inventory", "Make a model from inventory CSV tables (UTF-8, with or without BOM, or CP932)");
  inv->add_option("ASSETS", o->assets, "the asset table (assets.csv)")->required();
  inv->add_option("--flows", o->flows, "data flows (flows.csv)");
  inv->add_option("--zones", o->zones, "zones (zones.csv)");
  inv->add_option("--networks", o->networks, "networks (networks.csv)");
  inv->add_option("--entries", o->entries, "entry points (entry-points.csv)");
  inv->add_option("--scenarios", o->scenarios, "business impacts and scenarios (scenarios.csv)");
  inv->add_option("--countermeasures", o->measures,
                  "system-, zone- and network-wide countermeasures (countermeasures.csv)");
  inv->add_option("--system", o->system, "the plant's id, name and description (system.csv)");
  inv->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  inv->add_option("-o,--output", o->output, "the model file to write")->required();
  CLI::App* aml =
      sub->add_subcommand("aml", "Make a model from an AutomationML (CAEX 3.0) plant topology");
  aml->add_option("PLANT", o->aml, "the AutomationML file (.aml)")->required();
  aml->add_option(
      "--mapping", o->mapping,
      "role class rules (ROLE-CLASS-PATH = TARGET [IMPORTANCE]), added to the defaults");
  aml->add_option("--flows", o->flows, "data flows (flows.csv)");
  aml->add_option("--entries", o->entries, "entry points (entry-points.csv)");
  aml->add_option("--scenarios", o->scenarios, "business impacts and scenarios (scenarios.csv)");
  aml->add_option("--countermeasures", o->measures,
                  "system-, zone- and network-wide countermeasures (countermeasures.csv)");
  aml->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  aml->add_option("-o,--output", o->output, "the model file to write")->required();
  Runner traffic;
  CLI::App* traffic_app = add_traffic(*sub, traffic);
  return [o, aml, traffic_app, traffic]() {
    if (traffic_app->parsed()) return traffic();
    return aml->parsed() ? run_aml(*o) : run_inventory(*o);
  };
}

}  // namespace icsrisk::cli
