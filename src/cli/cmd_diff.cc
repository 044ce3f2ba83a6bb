// icsrisk diff OLD NEW [--format text|md|html|json] [-o FILE] [--lang ja|en] [--fail-on-worse]
//                      [--profile FILE]
//
// Compares two models (each analysed) or two results.json files, and prints or writes what
// changed; --fail-on-worse maps "a risk got worse" to exit 1.

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/io.h"
#include "core/text.h"
#include "diff/compare.h"
#include "diff/render.h"
#include "diff/snapshot.h"
#include "risk/analysis.h"

namespace icsrisk::cli {

namespace {

struct Options {
  std::string before, after;
  std::string format = "text";
  std::string out;
  model::Lang lang = model::Lang::kJa;
  std::string profile;
  bool fail_on_worse = false;
};

/// One side of the diff: a model (analysed) or a results.json (read).
struct Side {
  const core::SourceFile* file = nullptr;
  bool json = false;
  std::optional<model::Model> model;
  std::optional<diff::Snapshot> snapshot;
};

/// Reads and loads one input; problems go to the diagnostics (or io_errors).
Side load_side(Inputs& in, const std::string& path) {
  Side s;
  auto file = in.add_file(path);
  if (!file) return s;
  s.file = *file;
  s.json = diff::looks_like_json(s.file->text());
  if (s.json)
    s.snapshot = diff::read_results_json(*s.file, in.diags());
  else if (in.profile())
    s.model = in.load_model_file(*s.file);
  return s;
}

std::string render(const Options& o, const diff::Comparison& c) {
  const diff::DiffLabels labels{o.before, o.after, o.lang};
  if (o.format == "md") return diff::diff_markdown(c, labels);
  if (o.format == "html") return diff::diff_html(c, labels);
  if (o.format == "json") return diff::diff_json(c, labels);
  return diff::diff_text(c, labels);
}

int run(const Options& o) {
  Inputs in;
  in.load_profile(o.profile);
  Side before = load_side(in, o.before), after = load_side(in, o.after);
  if (before.file && after.file && before.json != after.json) {
    const Side& json = before.json ? before : after;
    const Side& xml = before.json ? after : before;
    in.diags().error({json.file, 0},
                     fmt::format("this is a results.json but '{}' is a model: diff compares two "
                                 "models or two results.json files",
                                 xml.file->name()));
  }
  if (int rc = in.report(); rc != kExitOk) return rc;
  if (!before.file || !after.file) return kExitInvalid;

  diff::Comparison c;
  if (before.json) {
    diff::compare_results(*before.snapshot, *after.snapshot, c);
  } else {
    const model::Profile& p = *in.profile();
    c.models = true;
    c.elements = diff::compare_models(*before.model, *after.model);
    const risk::Results rb = risk::analyze(*before.model, p), ra = risk::analyze(*after.model, p);
    diff::compare_results(diff::snapshot_of(*before.model, p, rb),
                          diff::snapshot_of(*after.model, p, ra), c);
  }
  const std::string text = render(o, c);
  if (o.out.empty()) {
    std::fputs(core::terminal_text(text).c_str(), stdout);
  } else if (core::Status s = write_file_atomic(o.out, text); !s) {
    return fail(kExitIo, s.error().message);
  }
  if (o.fail_on_worse && c.worse()) {
    std::fputs("icsrisk: a risk got worse (--fail-on-worse)\n", stderr);
    return kExitFailOn;
  }
  return kExitOk;
}

}  // namespace

Runner add_diff(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "diff", "Compare two models (both analysed) or two results.json files: what changed");
  sub->add_option("OLD", o->before, "the older model or results.json")->required();
  sub->add_option("NEW", o->after, "the newer model or results.json")->required();
  sub->add_option("--format", o->format, "text (default), md, html or json")
      ->check(CLI::IsMember({"text", "md", "html", "json"}));
  sub->add_option("-o,--output", o->out, "write to this file instead of stdout");
  add_lang_option(sub, o->lang, "language of the text, Markdown and HTML");
  sub->add_option("--profile", o->profile, "profile file (default: the built-in ipa-2018)");
  sub->add_flag("--fail-on-worse", o->fail_on_worse,
                "exit 1 when a risk of a row or scenario present in both got worse");
  return [o]() { return run(*o); };
}

}  // namespace icsrisk::cli
