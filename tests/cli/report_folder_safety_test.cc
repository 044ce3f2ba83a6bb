// Issue 13, items 1–3: `analyze -o DIR` replaces only a folder icsrisk marked as its own,
// single-file outputs never follow a planted link, and no temporary folder outlives a run —
// not after a signal, nor after a full disk; stale ones of ours are removed, nothing else.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test.h"
#include "cli/signal_cleanup.h"
#include "unit/golden.h"
#include "unit/one_lan_model.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using testing::read_text;
using testing::source_path;

class ReportFolderSafetyTest : public testing::CliTest {
 protected:
  static std::string model() { return "'" + source_path("tests/data/analysis/worst-c.xml") + "'"; }
  /// Entries of the test folder whose name holds `part`.
  std::vector<std::string> named(const std::string& part) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().find(part) != std::string::npos)
        out.push_back(e.path().filename().string());
    return out;
  }
};

TEST_F(ReportFolderSafetyTest, FolderWithAReportLikeFileButNoMarkerIsNotReplaced) {
  // A project folder of the user's that happens to hold a report.md of its own.
  write("project/report.md", "my notes");
  write("project/plan.xlsx", "my plan");
  testing::CliResult r = run("analyze " + model() + " -o project --format json");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_NE(r.err.find("holds no '.icsrisk-report' file"), std::string::npos) << r.err;
  EXPECT_EQ(read_text((dir_ / "project" / "report.md").string()), "my notes");
  EXPECT_EQ(read_text((dir_ / "project" / "plan.xlsx").string()), "my plan");
  EXPECT_FALSE(fs::exists(dir_ / "project" / "results.json"));
  EXPECT_TRUE(named(".tmp-").empty());
}

TEST_F(ReportFolderSafetyTest, ReportFolderCarriesTheMarkerAndIsReplacedByTheNextRun) {
  ASSERT_EQ(run("analyze " + model() + " -o out --format json,csv").code, 0);
  EXPECT_EQ(read_text((dir_ / "out" / ".icsrisk-report").string()), "icsrisk-report 1\n");
  testing::CliResult r = run("analyze " + model() + " -o out --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "asset-risk.csv"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / ".icsrisk-report"));
  EXPECT_TRUE(named(".tmp-").empty());
}

TEST_F(ReportFolderSafetyTest, MarkerThatIsALinkOrHasOtherTextDoesNotCount) {
  write("victim.txt", "icsrisk-report 1\n");
  write("linked/notes.txt", "mine");
  fs::create_symlink(dir_ / "victim.txt", dir_ / "linked" / ".icsrisk-report");
  write("other/notes.txt", "mine");
  write("other/.icsrisk-report", "something else\n");
  for (const char* folder : {"linked", "other"}) {
    testing::CliResult r = run("analyze " + model() + " -o " + folder + " --format json");
    EXPECT_EQ(r.code, 4) << folder;
    EXPECT_EQ(read_text((dir_ / folder / "notes.txt").string()), "mine") << folder;
  }
}

TEST_F(ReportFolderSafetyTest, OutputFolderThatIsALinkIsRefused) {
  ASSERT_EQ(run("analyze " + model() + " -o real --format json").code, 0);
  fs::create_directory_symlink(dir_ / "real", dir_ / "link");
  testing::CliResult r = run("analyze " + model() + " -o link --format json");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
}

TEST_F(ReportFolderSafetyTest, SingleFileOutputsNeverFollowAPlantedLink) {
  // Before: `F.icsrisk-tmp` was opened with O_TRUNC, so a link there overwrote its target.
  write("victim.txt", "precious");
  fs::create_symlink(dir_ / "victim.txt", dir_ / "out.dot.icsrisk-tmp");
  testing::CliResult r = run("diagram " + model() + " -o out.dot");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read_text((dir_ / "victim.txt").string()), "precious");
  EXPECT_NE(read_text((dir_ / "out.dot").string()).find("digraph"), std::string::npos);

  ASSERT_EQ(run("trees generate " + model() + " -o trees").code, 0);
  write("victim2.txt", "precious");
  for (const auto& e : fs::directory_iterator(dir_ / "trees"))
    fs::create_symlink(dir_ / "victim2.txt", e.path().string() + ".icsrisk-tmp");
  ASSERT_EQ(run("trees generate " + model() + " -o trees").code, 0);
  EXPECT_EQ(read_text((dir_ / "victim2.txt").string()), "precious");
}

TEST_F(ReportFolderSafetyTest, SingleFileOutputLeavesNoTemporaryAndKeepsUsualPermissions) {
  ASSERT_EQ(run("diagram " + model() + " -o out.dot").code, 0);
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string(), "out.dot");
  EXPECT_EQ(fs::status(dir_ / "out.dot").permissions() & fs::perms::others_read,
            fs::perms::others_read);
}

TEST_F(ReportFolderSafetyTest, StaleTemporariesOfOursAreRemovedAndNothingElse) {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  write("out.tmp-AbC123/.icsrisk-report", "icsrisk-report 1\n");  // a killed run's
  write("out.tmp-AbC123/results.json", "{}");
  write("out.tmp-XyZ789.old/.icsrisk-report", "icsrisk-report 1\n");  // killed in the swap
  write("out.tmp-User01/data.txt", "mine");                           // no marker: not ours
  write("out.tmp-Fresh1/.icsrisk-report", "icsrisk-report 1\n");      // a run writing now
  write("out.tmp-toolong1/.icsrisk-report", "icsrisk-report 1\n");    // not our pattern
  write("other.tmp-AbC123/.icsrisk-report", "icsrisk-report 1\n");    // another folder's
  for (const char* d : {"out.tmp-AbC123", "out.tmp-XyZ789.old", "out.tmp-User01",
                        "out.tmp-toolong1", "other.tmp-AbC123"})
    fs::last_write_time(dir_ / d, old);
  testing::CliResult r = run("analyze " + model() + " -o out --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.tmp-AbC123"));
  EXPECT_FALSE(fs::exists(dir_ / "out.tmp-XyZ789.old"));
  EXPECT_EQ(read_text((dir_ / "out.tmp-User01" / "data.txt").string()), "mine");
  EXPECT_TRUE(fs::exists(dir_ / "out.tmp-Fresh1"));
  EXPECT_TRUE(fs::exists(dir_ / "out.tmp-toolong1"));
  EXPECT_TRUE(fs::exists(dir_ / "other.tmp-AbC123"));
}

TEST_F(ReportFolderSafetyTest, FullDiskLeavesNoTemporaryFolderAndThePreviousReport) {
  ASSERT_EQ(run("analyze " + model() + " -o out --format json").code, 0);
  std::string before = read_text((dir_ / "out" / "results.json").string());
  // A file-size limit of 8 KiB stands in for a full disk: writes past it fail with EFBIG
  // (SIGXFSZ ignored, as the shell passes on).
  ASSERT_EQ(run("analyze " + model() + " -o out --format html,json,csv,md").code, 0);
  std::string cmd = "cd '" + dir_.string() + "' && trap '' XFSZ && ulimit -f 16 && '" +
                    ICSRISK_BINARY + "' analyze " + model() +
                    " -o out --format html,json,csv,md >/dev/null 2>err.txt";
  int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 4)
      << read_text((dir_ / "err.txt").string());
  EXPECT_TRUE(named(".tmp-").empty());
  EXPECT_TRUE(fs::exists(dir_ / "out" / "report.html"));
  EXPECT_EQ(read_text((dir_ / "out" / "results.json").string()), before);
}

/// Runs `icsrisk analyze` on a plant large enough to take a while, sends `sig` once its
/// temporary folder exists, and returns the wait status.
int interrupt_analyze(const fs::path& dir, int sig) {
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(99);
    execl(ICSRISK_BINARY, ICSRISK_BINARY, "analyze", "big.xml", "-o", "out", "--format",
          "svg,html,json,csv,md,dot", static_cast<char*>(nullptr));
    _exit(98);
  }
  bool seen = false;
  for (int i = 0; i < 12000 && !seen; ++i) {
    // The folder being filled, not the previous report renamed aside (".old") at the very end
    // of a run: on a loaded machine this poll may first look only then, when the run is about
    // to restore the default signal handling.
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      seen = seen || (name.starts_with("out.tmp-") && !name.ends_with(".old"));
    }
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, seen ? sig : SIGKILL);  // a run that never got there is not left running
  int status = 0;
  waitpid(pid, &status, 0);
  return seen ? status : -1;
}

TEST_F(ReportFolderSafetyTest, SigtermAndSigintRemoveTheTemporaryFolder) {
  write("big.xml", testing::one_lan_model(1200));  // Graphviz takes seconds on it
  write("out/.icsrisk-report", "icsrisk-report 1\n");
  write("out/results.json", "previous");
  for (int sig : {SIGTERM, SIGINT}) {
    int status = interrupt_analyze(dir_, sig);
    ASSERT_NE(status, -1) << "the run ended before its temporary folder was seen";
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 128 + sig) << status;
    EXPECT_TRUE(named(".tmp-").empty()) << sig;
    EXPECT_EQ(read_text((dir_ / "out" / "results.json").string()), "previous");
  }
}

/// The voluntary context switches of thread `tid` of this process so far (-1: unreadable).
long voluntary_switches(pid_t tid) {
  std::ifstream in(fmt::format("/proc/self/task/{}/status", tid));
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("voluntary_ctxt_switches:")) return std::stol(line.substr(24));
  return -1;
}

// The signal watcher is started when the constructor returns, then sleeps in the kernel until a
// signal comes. A watcher that woke on a timer (it did, every 20 ms), or was still starting
// (a new thread's start-up allocates), runs user code while the main thread forks diagram
// workers; under AddressSanitizer, whose allocator takes no lock around fork, a child then
// hung for good (CliAnalyzeTest.FormatSelectsExactlyItsFiles, whose report begins with its
// diagrams).
TEST(SignalCleanupTest, WatcherIsStartedThenSleepsUntilASignalComesAndTheDestructorWakesIt) {
  for (int round = 0; round < 20; ++round) {  // each one starts and ends the same way
    cli::SignalCleanup signals;
    ASSERT_NE(signals.watcher_tid(), 0) << "the constructor returned before the watcher started";
    if (round > 0) continue;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // into sigwaitinfo
    const long before = voluntary_switches(signals.watcher_tid());
    ASSERT_GE(before, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(voluntary_switches(signals.watcher_tid()), before) << "the watcher woke up";
  }
  // The mask is restored: the wake signal is not left blocked in this thread.
  sigset_t now;
  pthread_sigmask(SIG_SETMASK, nullptr, &now);
  EXPECT_FALSE(sigismember(&now, cli::SignalCleanup::wake_signal()));
  EXPECT_FALSE(sigismember(&now, SIGTERM));
}

}  // namespace
}  // namespace icsrisk
