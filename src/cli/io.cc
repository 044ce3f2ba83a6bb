#include "cli/io.h"

#include <map>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "graph/topology.h"
#include "model/loader.h"
#include "model/validate.h"

namespace icsrisk::cli {

int fail(int code, std::string_view message) {
  std::fprintf(stderr, "icsrisk: error: %.*s\n", static_cast<int>(message.size()), message.data());
  return code;
}

CLI::Option* add_lang_option(CLI::App* command, model::Lang& lang, const std::string& help) {
  static const std::map<std::string, model::Lang> kLangs = {{"ja", model::Lang::kJa},
                                                            {"en", model::Lang::kEn}};
  return command->add_option("--lang", lang, help)->transform(CLI::CheckedTransformer(kLangs));
}

core::Result<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return core::Error{fmt::format("cannot read '{}': it is a directory", path)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{fmt::format("cannot read '{}': {}", path, std::strerror(errno))};
  // Reserve the file's size and read in blocks: through an ostringstream a 60 MB model was
  // copied three times as the buffer grew. A pipe (size unknown) is read the same way.
  std::string text;
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0)
    text.append(block, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return core::Error{fmt::format("cannot read '{}': read error", path)};
  return text;
}

core::Status write_file_atomic(const std::string& path, const std::string& data) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path tmp = target;
  tmp += ".icsrisk-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return core::Error{fmt::format("cannot write '{}': {}", path, std::strerror(errno))};
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return core::Error{fmt::format("cannot write '{}': write error", path)};
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return core::Error{fmt::format("cannot write '{}': {}", path, ec.message())};
  }
  return core::Ok{};
}

core::Result<const core::SourceFile*> Inputs::add_file(const std::string& path) {
  auto text = read_file(path);
  if (!text) {
    io_errors_.push_back(text.error().message);
    return text.error();
  }
  files_.push_back(std::make_unique<core::SourceFile>(path, std::move(*text)));
  return files_.back().get();
}

const model::Profile* Inputs::load_profile(const std::string& path) {
  const core::SourceFile* file = &model::builtin_profile_file();
  if (!path.empty()) {
    auto f = add_file(path);
    if (!f) return nullptr;
    file = *f;
  }
  profile_ = model::load_profile(*file, diags_);
  return profile();
}

std::optional<model::Model> Inputs::load_model(const std::string& path) {
  const model::Profile* p = profile();
  const core::SourceFile* file = &model::builtin_example_file();
  if (!path.empty()) {
    auto f = add_file(path);
    if (!f) return std::nullopt;
    file = *f;
  }
  std::optional<model::Model> m = model::load_model(*file, diags_);
  if (m && p) {
    model::link_model(*m, *p, diags_);
    graph::report_unroutable_flows(*m, *p, diags_);  // one-way direction (method.md §7)
  }
  return m;
}

int Inputs::report() {
  diags_.sort();
  std::string text = diags_.render();
  for (const std::string& e : io_errors_)
    text += fmt::format("icsrisk: error: {}\n", e);
  if (diags_.error_count() + diags_.warning_count() > 0) {
    text += fmt::format("{} error{}, {} warning{}\n", diags_.error_count(),
                        diags_.error_count() == 1 ? "" : "s", diags_.warning_count(),
                        diags_.warning_count() == 1 ? "" : "s");
  }
  std::fputs(text.c_str(), stderr);
  if (!io_errors_.empty()) return kExitIo;
  return diags_.has_errors() ? kExitInvalid : kExitOk;
}

}  // namespace icsrisk::cli
