#pragma once
// The fixture of the CLI end-to-end tests (tests/cli/): each test gets a fresh folder, runs the
// real icsrisk binary in it, and writes and reads files there.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "unit/cli_run.h"
#include "unit/golden.h"

namespace icsrisk::testing {

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_test_dir("icsrisk-cli"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Runs `icsrisk ARGS` (shell text) in the test's folder.
  CliResult run(const std::string& args) const { return run_icsrisk(args, dir_.string()); }
  /// Writes a file under the test's folder, creating its parent folders.
  void write(const std::filesystem::path& relative, const std::string& text) const {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }
  /// A file under the test's folder ("" when missing).
  std::string read(const std::filesystem::path& relative) const {
    return read_text((dir_ / relative).string());
  }
  /// A file of the repository, quoted for the shell.
  static std::string repo_file(const std::string& relative) {
    return "'" + source_path(relative) + "'";
  }

  std::filesystem::path dir_;
};

}  // namespace icsrisk::testing
