// The temporary report folder, tested without the CLI: a folder removed under a running fill
// (what the signal watcher does) must stay removed, whatever the fill writes next.

#include "cli/report_folder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace icsrisk::cli {
namespace {

namespace fs = std::filesystem;

class ReportFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("icsrisk-report-folder-" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(ReportFolderTest, FoldersInsideAreCreatedLevelByLevel) {
  ASSERT_TRUE(create_folders_inside(root_, "diagrams/routes"));
  EXPECT_TRUE(fs::is_directory(root_ / "diagrams" / "routes"));
  EXPECT_TRUE(create_folders_inside(root_, "diagrams/routes"));  // already there: fine
  EXPECT_TRUE(create_folders_inside(root_, ""));                 // the root itself: nothing to do
}

TEST_F(ReportFolderTest, RemovedRootIsNeverBroughtBack) {
  fs::path gone = root_ / "out.tmp-abcdef";
  fs::create_directory(gone);
  fs::remove_all(gone);  // as the signal watcher does while the fill runs
  EXPECT_FALSE(create_folders_inside(gone, "diagrams"));
  EXPECT_FALSE(create_folders_inside(gone, ""));  // "" creates nothing, and says so
  EXPECT_FALSE(fs::exists(gone));
}

TEST_F(ReportFolderTest, PathsOutsideTheRootAreRefused) {
  EXPECT_FALSE(create_folders_inside(root_ / "in", "../escape"));
  EXPECT_FALSE(fs::exists(root_ / "escape"));
}

TEST_F(ReportFolderTest, FillThatLosesItsFolderFailsAndLeavesNothing) {
  fs::path dir = root_ / "out";
  core::Status s = write_report_folder(dir, [](const fs::path& tmp) -> core::Status {
    fs::remove_all(tmp);
    return create_folders_inside(tmp, "diagrams");
  });
  EXPECT_FALSE(s);
  EXPECT_TRUE(fs::is_empty(root_)) << "a temporary folder or the report was left behind";
}

}  // namespace
}  // namespace icsrisk::cli
