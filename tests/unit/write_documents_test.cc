// assessment::write_documents: the documents marked `beside` (the workbook) are written in a
// child process while this one writes the others; its failures come back as this run's.

#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/documents.h"
#include "unit/analysis_test_support.h"
#include "unit/golden.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;

core::Status no_folders(const fs::path&, const fs::path&) {
  return core::Ok{};
}

/// A document that writes the id of the process that wrote it.
assessment::Document pid_document(std::string name, bool beside) {
  return {std::move(name),
          [](const fs::path& p) -> core::Status {
            std::ofstream(p) << ::getpid();
            return core::Ok{};
          },
          beside};
}

class WriteDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: nothing is forked";
    dir_ = testing::fresh_test_dir("icsrisk-write-documents");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  core::Status write(const std::vector<assessment::Document>& docs) {
    return assessment::write_documents(
        docs, dir_, no_folders, [this](const std::string& name) { announced_.push_back(name); });
  }
  std::string read(const std::string& name) { return testing::read_text((dir_ / name).string()); }

  fs::path dir_;
  std::vector<std::string> announced_;
};

TEST_F(WriteDocumentsTest, BesideDocumentsAreWrittenByAnotherProcessTheOthersByThisOne) {
  ASSERT_TRUE(write({pid_document("a", false), pid_document("x", true), pid_document("b", false)}));
  const std::string me = std::to_string(::getpid());
  EXPECT_EQ(read("a"), me);
  EXPECT_EQ(read("b"), me);
  EXPECT_NE(read("x"), me);
  EXPECT_FALSE(read("x").empty());
  // This process announced its own documents, in order (the child announced its own).
  EXPECT_EQ(announced_, (std::vector<std::string>{"a", "b"}));
}

TEST_F(WriteDocumentsTest, OnlyBesideDocumentsAreWrittenHere) {
  ASSERT_TRUE(write({pid_document("x", true)}));  // no other document: no child
  EXPECT_EQ(read("x"), std::to_string(::getpid()));
}

TEST_F(WriteDocumentsTest, AFailureOfTheChildIsTheRunsFailure) {
  auto failing = [](const std::string& how) {
    return assessment::Document{"x",
                                [how](const fs::path&) -> core::Status {
                                  if (how == "error") return core::Error{"disk full on x"};
                                  if (how == "throw") throw std::runtime_error("thrown in x");
                                  std::raise(SIGKILL);
                                  return core::Ok{};
                                },
                                true};
  };
  core::Status error = write({pid_document("a", false), failing("error")});
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().message, "disk full on x");
  core::Status thrown = write({pid_document("a", false), failing("throw")});
  ASSERT_FALSE(thrown);
  EXPECT_EQ(thrown.error().message, "thrown in x");
  core::Status killed = write({pid_document("a", false), failing("kill")});
  ASSERT_FALSE(killed);
  EXPECT_NE(killed.error().message.find("signal 9"), std::string::npos) << killed.error().message;
}

TEST_F(WriteDocumentsTest, AFailureHereStopsTheChildAndIsReported) {
  const fs::path marker = dir_ / "slow-finished";
  assessment::Document slow{"x",
                            [marker](const fs::path&) -> core::Status {
                              ::sleep(30);  // killed long before
                              std::ofstream(marker) << "done";
                              return core::Ok{};
                            },
                            true};
  assessment::Document bad{
      "a", [](const fs::path&) -> core::Status { return core::Error{"cannot write a"}; }};
  const auto start = std::chrono::steady_clock::now();
  core::Status s = write({bad, slow});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message, "cannot write a");
  EXPECT_FALSE(fs::exists(marker));
  // Not waited for: killed (a generous bound, far under the child's 30 s).
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

// The report folder's files are the same bytes whether the workbook is written beside the
// others or in order in this process.
TEST_F(WriteDocumentsTest, TheReportIsTheSameBytesWrittenBesideOrInOrder) {
  auto l = testing::load(testing::read_text(testing::source_path("models/small-plant.xml")));
  assessment::Options o;
  o.formats = *assessment::Formats::parse("json,csv,md,xlsx,dot");
  assessment::Assessment a = assessment::assess(*l->model, *l->profile, o);
  std::vector<assessment::Document> docs = assessment::documents(a);
  auto folders = [](const fs::path& root, const fs::path& rel) -> core::Status {
    fs::create_directories(root / rel);
    return core::Ok{};
  };
  ASSERT_TRUE(
      assessment::write_documents(docs, dir_ / "beside", folders, [](const std::string&) {}));
  for (assessment::Document& d : docs)
    d.beside = false;
  ASSERT_TRUE(
      assessment::write_documents(docs, dir_ / "inorder", folders, [](const std::string&) {}));
  std::size_t compared = 0;
  for (const assessment::Document& d : docs) {
    EXPECT_EQ(testing::read_text((dir_ / "beside" / d.name).string()),
              testing::read_text((dir_ / "inorder" / d.name).string()))
        << d.name;
    ++compared;
  }
  EXPECT_GT(compared, 10u);
}

}  // namespace
}  // namespace icsrisk
