// icsrisk import traffic MODEL.xml CONN.log [--add-flows -o MODEL.xml] [--lang ja|en]
//                [--profile FILE]

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/io.h"
#include "graph/topology.h"
#include "interchange/traffic.h"
#include "model/loader.h"
#include "model/validate.h"

namespace icsrisk::cli {
namespace {

struct TrafficOptions {
  std::string model, log, profile, output;
  model::Lang lang = model::Lang::kJa;
  bool add_flows = false;
};

int write_with_flows(Inputs& in, const TrafficOptions& o, const core::SourceFile& model_file,
                     const model::Model& m, const interchange::TrafficComparison& c) {
  std::optional<std::string> text = interchange::add_observed_flows(m, model_file.text(), c);
  if (!text) {
    return fail(
        kExitInvalid,
        fmt::format("no </dataflows> or </system> end tag in {} to add flows before", o.model));
  }
  core::SourceFile out(o.output, *text);
  std::optional<model::Model> back = model::load_model(out, in.diags());
  if (back) {
    model::link_model(*back, *in.profile(), in.diags());
    graph::report_unroutable_flows(*back, *in.profile(), in.diags());
  }
  int rc = in.report();
  if (rc != kExitOk || !back) {
    std::fprintf(stderr, "icsrisk: %s not written\n", o.output.c_str());
    return rc == kExitOk ? static_cast<int>(kExitInvalid) : rc;
  }
  if (auto w = write_file_atomic(o.output, *text); !w) {
    return fail(kExitIo, w.error().message);
  }
  std::printf("\nwrote %s: the model with the unexpected flows added\n", o.output.c_str());
  return kExitOk;
}

int run(const TrafficOptions& o) {
  Inputs in;
  if (!in.load_profile(o.profile)) return in.report();
  auto model_file = in.add_file(o.model);
  auto log_file = in.add_file(o.log);
  if (!model_file || !log_file) return in.report();
  std::optional<model::Model> m = model::load_model(**model_file, in.diags());
  if (m) model::link_model(*m, *in.profile(), in.diags());
  std::vector<interchange::Connection> log = interchange::read_conn_log(**log_file, in.diags());
  if (!m || in.diags().has_errors()) return in.report();
  interchange::TrafficComparison c = interchange::compare_traffic(*m, log, in.diags());
  std::string text = interchange::traffic_report(*m, c, o.lang);
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (o.add_flows) return write_with_flows(in, o, **model_file, *m, c);
  return in.report();
}

}  // namespace

CLI::App* add_traffic(CLI::App& import, Runner& runner) {
  auto o = std::make_shared<TrafficOptions>();
  CLI::App* sub = import.add_subcommand(
      "traffic", "Compare observed traffic (Zeek conn.log) with the model's data flows");
  sub->add_option("MODEL", o->model, "the model file")->required();
  sub->add_option("CONN_LOG", o->log, "Zeek conn.log (TSV with #fields, or JSON lines)")
      ->required();
  CLI::Option* add = sub->add_flag("--add-flows", o->add_flows,
                                   "write the model with the unexpected flows added (needs -o)");
  sub->add_option("-o,--output", o->output, "the model file to write with --add-flows")->needs(add);
  add->needs(sub->get_option("-o"));
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  add_lang_option(sub, o->lang, "language of the report: ja (default) or en");
  runner = [o]() { return run(*o); };
  return sub;
}

}  // namespace icsrisk::cli
