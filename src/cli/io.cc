#include "cli/io.h"

#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <cstdint>

#include <fmt/format.h>

#include "core/text.h"
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

namespace {

std::uint64_t max_input_bytes = kDefaultMaxInputMiB << 20;

/// Closes a file descriptor on every path out of a function.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string too_large(const std::string& path) {
  return fmt::format(
      "cannot read '{}': it is larger than {} MiB (the input limit; raise it with "
      "--max-input-mib)",
      path, max_input_bytes >> 20);
}

}  // namespace

void set_max_input_mib(std::uint64_t mib) {
  max_input_bytes = mib << 20;
}

core::Result<std::string> read_file(const std::string& path) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return core::Error{fmt::format("cannot read '{}': {}", path, std::strerror(errno))};
  struct stat st {};
  if (::fstat(f.fd, &st) != 0)
    return core::Error{fmt::format("cannot read '{}': {}", path, std::strerror(errno))};
  if (S_ISDIR(st.st_mode))
    return core::Error{fmt::format("cannot read '{}': it is a directory", path)};
  // A device (/dev/zero, a terminal) may never end: only files and pipes are read, and a pipe
  // only up to the limit.
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
    return core::Error{fmt::format("cannot read '{}': it is not a regular file or a pipe", path)};
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_input_bytes)
    return core::Error{too_large(path)};
  std::string text;
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));
  char block[1 << 16];
  for (;;) {
    ssize_t n = ::read(f.fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return core::Error{fmt::format("cannot read '{}': {}", path, std::strerror(errno))};
    if (n == 0) break;
    text.append(block, static_cast<std::size_t>(n));
    if (text.size() > max_input_bytes) return core::Error{too_large(path)};
  }
  return text;
}

core::Status write_file_atomic(const std::string& path, const std::string& data) {
  namespace fs = std::filesystem;
  fs::path target(path);
  // A unique name, created exclusively (mkstemp: O_CREAT|O_EXCL, so a link planted in the folder
  // is never followed) beside the target, then renamed over it.
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / ("." + target.filename().string() + ".icsrisk-XXXXXX")).string();
  Fd f{::mkostemp(tmp.data(), O_CLOEXEC)};
  if (f.fd < 0)
    return core::Error{fmt::format("cannot write '{}': {}", path, std::strerror(errno))};
  auto fail = [&](const std::string& why) -> core::Status {
    ::unlink(tmp.c_str());
    return core::Error{fmt::format("cannot write '{}': {}", path, why)};
  };
  mode_t mask = ::umask(0);  // mkstemp makes the file 0600: give it the usual permissions
  ::umask(mask);
  ::fchmod(f.fd, 0666 & ~mask);
  for (std::size_t done = 0; done < data.size();) {
    ssize_t n = ::write(f.fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  int closed = ::close(f.fd);
  f.fd = -1;
  if (closed != 0) return fail(std::strerror(errno));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(std::strerror(errno));
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
  const core::SourceFile* file = &model::builtin_example_file();
  if (!path.empty()) {
    auto f = add_file(path);
    if (!f) return std::nullopt;
    file = *f;
  }
  return load_model_file(*file);
}

std::optional<model::Model> Inputs::load_model_file(const core::SourceFile& file) {
  const model::Profile* p = profile();
  std::optional<model::Model> m = model::load_model(file, diags_);
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
    text += fmt::format("icsrisk: error: {}\n", core::terminal_text(e, false));
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
