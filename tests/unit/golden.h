#pragma once
// Golden-file comparison, and the files and folders tests use. Set ICSRISK_UPDATE_GOLDEN=1 to
// rewrite the golden files, then review the diff before committing (style.md, "Tests").

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace icsrisk::testing {

inline std::string source_path(const std::string& relative) {
  // Appended in place: `std::string(DIR) + "/" + relative` makes GCC 12 warn of a memcpy past
  // the end of the small-string buffer (-Wstringop-overflow, a false positive once inlined).
  std::string path = ICSRISK_SOURCE_DIR;
  path += '/';
  path += relative;
  return path;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// A new, empty folder for the running test, <temp>/<prefix>-<test name>-<pid> (without the
/// test name outside a test, e.g. in SetUpTestSuite): ctest runs tests in parallel processes,
/// and two test runs may share a machine. The caller removes it.
inline std::filesystem::path fresh_test_dir(const std::string& prefix) {
  std::string name = prefix;
  if (const ::testing::TestInfo* t = ::testing::UnitTest::GetInstance()->current_test_info())
    name += "-" + std::string(t->name());
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Compares `actual` with tests/golden/<name>; rewrites it when ICSRISK_UPDATE_GOLDEN is set.
inline void expect_golden(const std::string& name, const std::string& actual) {
  std::string path = source_path("tests/golden/" + name);
  const char* update = std::getenv("ICSRISK_UPDATE_GOLDEN");
  if (update && *update && std::string(update) != "0") {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << "missing golden file " << path << " (run with ICSRISK_UPDATE_GOLDEN=1)";
  std::string expected = read_text(path);
  EXPECT_EQ(expected, actual) << "output differs from " << path
                              << " (ICSRISK_UPDATE_GOLDEN=1 rewrites it; review the diff)";
}

}  // namespace icsrisk::testing
