#pragma once
// File access for the CLI: the library never touches the file system (design.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/source.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::cli {

/// Exit codes (design.md "Command line").
enum Exit : int {
  kExitOk = 0,
  kExitFailOn = 1,
  kExitUsage = 2,
  kExitInvalid = 3,
  kExitIo = 4,
  kExitInternal = 70,
};

/// Prints `icsrisk: error: MESSAGE` on stderr — the one form of the CLI's own errors (problems of
/// the user's files are diagnostics, see Inputs::report) — and returns `code`.
int fail(int code, std::string_view message);

/// Registers `--lang ja|en` on `command`, parsed into `lang` (default: as `lang` is).
CLI::Option* add_lang_option(CLI::App* command, model::Lang& lang, const std::string& help);

/// The default input limit (README, "Limits"): four times the 58 MB of a 100,000-asset model.
inline constexpr std::uint64_t kDefaultMaxInputMiB = 256;

/// Sets the largest input file read_file accepts, in MiB (--max-input-mib).
void set_max_input_mib(std::uint64_t mib);

/// Reads a whole file as bytes: a regular file up to the input limit, or a pipe until it ends
/// or passes the limit. A device or socket (/dev/zero, a terminal) is refused without reading.
core::Result<std::string> read_file(const std::string& path);

/// Writes `data` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees a half-written file and a failure leaves the old file in place.
core::Status write_file_atomic(const std::string& path, const std::string& data);

/// The inputs of one run: source files kept alive for diagnostics, the profile, the sink.
class Inputs {
 public:
  /// Adds a file read from disk; an I/O failure is returned as an error.
  core::Result<const core::SourceFile*> add_file(const std::string& path);

  /// Loads the profile from `path`, or the built-in one when `path` is empty.
  /// Diagnostics go to diags(); nullptr when the profile is invalid or unreadable (see io_errors).
  const model::Profile* load_profile(const std::string& path);

  /// Loads and links a model (the bundled example when `path` is empty).
  std::optional<model::Model> load_model(const std::string& path);

  /// Loads and links a model from a file already read (add_file), as load_model does.
  std::optional<model::Model> load_model_file(const core::SourceFile& file);

  core::Diagnostics& diags() { return diags_; }
  const model::Profile* profile() const { return profile_ ? &*profile_ : nullptr; }
  /// The files that could not be read, one message each (exit 4 rather than 3).
  const std::vector<std::string>& io_errors() const { return io_errors_; }

  /// Prints diagnostics (sorted) and a count line to stderr; returns kExitInvalid on errors,
  /// kExitIo after an I/O failure, else kExitOk.
  int report();

 private:
  std::deque<std::unique_ptr<core::SourceFile>> files_;
  core::Diagnostics diags_;
  std::optional<model::Profile> profile_;
  std::vector<std::string> io_errors_;
};

}  // namespace icsrisk::cli
