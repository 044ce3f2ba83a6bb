// icsrisk profile show [--profile FILE] [--lang ja|en] [--format text|xml]

#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "model/loader.h"
#include "report/catalogue.h"

namespace icsrisk::cli {
namespace {

struct ProfileOptions {
  std::string path;
  model::Lang lang = model::Lang::kJa;
  std::string format = "text";
};

// The profile is its file: --format xml prints that text, so what a user sees there is what a
// user can edit.
int print_xml(const std::string& path) {
  if (path.empty()) {
    const std::string& t = model::builtin_profile_file().text();
    std::fwrite(t.data(), 1, t.size(), stdout);
    return kExitOk;
  }
  auto text = read_file(path);
  if (!text) {
    return fail(kExitIo, text.error().message);
  }
  std::fwrite(text->data(), 1, text->size(), stdout);
  return kExitOk;
}

}  // namespace

Runner add_profile(CLI::App& app) {
  auto o = std::make_shared<ProfileOptions>();
  CLI::App* sub = app.add_subcommand("profile", "Criteria profiles");
  sub->require_subcommand(1);
  CLI::App* show =
      sub->add_subcommand("show", "Print the profile in use (the built-in one by default)");
  show->add_option("--profile", o->path, "profile file");
  add_lang_option(show, o->lang, "language of the tables: ja (default) or en");
  show->add_option("--format", o->format, "text (tables, default) or xml (the profile file)")
      ->check(CLI::IsMember({"text", "xml"}));
  return [o]() {
    Inputs in;
    const model::Profile* profile = in.load_profile(o->path);
    int rc = in.report();
    if (!profile || rc != kExitOk) return rc == kExitOk ? static_cast<int>(kExitInvalid) : rc;
    if (o->format == "xml") return print_xml(o->path);
    std::string text = report::catalogue_text(*profile, o->lang);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return static_cast<int>(kExitOk);
  };
}

}  // namespace icsrisk::cli
