#pragma once
// Running the real icsrisk binary from tests (the CLI tests of every command share this).

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "unit/golden.h"

namespace icsrisk::testing {

struct CliResult {
  int code = -1;  ///< exit code; -1 when the process did not exit normally
  std::string out, err;
};

/// Runs `icsrisk ARGS` through the shell — in folder `dir` when it is not empty, else in the
/// test's own working folder — and returns its exit code, stdout and stderr. ARGS is shell
/// text: quote paths that may hold spaces. Safe to call from tests running in parallel.
inline CliResult run_icsrisk(const std::string& args, const std::string& dir = "") {
  namespace fs = std::filesystem;
  static std::atomic<int> counter{0};
  fs::path capture = fs::temp_directory_path() / ("icsrisk-cli-run-" + std::to_string(::getpid()) +
                                                  "-" + std::to_string(counter++));
  fs::create_directories(capture);
  const std::string out = (capture / "out").string(), err = (capture / "err").string();
  std::string cmd = (dir.empty() ? std::string() : "cd '" + dir + "' && ") + "'" + ICSRISK_BINARY +
                    "' " + args + " >'" + out + "' 2>'" + err + "'";
  int status = std::system(cmd.c_str());
  CliResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  fs::remove_all(capture);
  return r;
}

}  // namespace icsrisk::testing
