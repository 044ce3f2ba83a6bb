// core::ForkedChild: one answer from a forked child, over a pipe.

#include "core/forked_child.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace icsrisk {
namespace {

using core::ForkedChild;

// An answer many times a pipe's buffer comes back whole, byte for byte, read while the child
// is still writing.
TEST(ForkedChildTest, ALargeAnswerComesBackWhole) {
  std::string big;
  for (int i = 0; big.size() < (4u << 20); ++i)
    big += std::to_string(i) + '\0';
  ForkedChild c = ForkedChild::start([&big] { return big; });
  ASSERT_TRUE(c.started());
  ForkedChild::Ended ended = c.finish();
  EXPECT_EQ(ended.signal, 0);
  EXPECT_TRUE(ended.answer == big);
  EXPECT_FALSE(c.started());
}

// The child works on a copy of this process: what it changes is not seen here.
TEST(ForkedChildTest, TheChildChangesOnlyItsOwnCopy) {
  int value = 1;
  ForkedChild c = ForkedChild::start([&value] {
    value = 2;
    return std::to_string(value);
  });
  EXPECT_EQ(c.finish().answer, "2");
  EXPECT_EQ(value, 1);
}

// A child killed by a signal says which, with the last line it wrote to stderr when that is
// captured (Graphviz's assertion message before its abort).
TEST(ForkedChildTest, ASignalAndTheLastStderrLineAreReported) {
  ForkedChild c = ForkedChild::start(
      [] {
        std::fputs("first line\ndot: class2.c:148: merge_chain: Assertion failed.\n", stderr);
        std::fflush(stderr);
        ::raise(SIGABRT);
        return std::string("not sent");
      },
      true);
  ForkedChild::Ended ended = c.finish();
  EXPECT_EQ(ended.signal, SIGABRT);
  EXPECT_EQ(ended.last_stderr_line, "dot: class2.c:148: merge_chain: Assertion failed.");
  EXPECT_TRUE(ended.answer.empty());
}

// An exception leaves the child without an answer, not a second copy of this process running.
TEST(ForkedChildTest, AnExceptionEndsTheChildWithoutAnAnswer) {
  ForkedChild c = ForkedChild::start([]() -> std::string { throw std::runtime_error("x"); });
  ForkedChild::Ended ended = c.finish();
  EXPECT_EQ(ended.signal, 0);
  EXPECT_TRUE(ended.answer.empty());
}

// A child that is not finished is killed and reaped with its handle: it is gone, not left
// running or as a zombie.
TEST(ForkedChildTest, AnUnfinishedChildIsKilledAndReapedWithItsHandle) {
  pid_t pid = -1;
  {
    ForkedChild c = ForkedChild::start([] {
      ::pause();
      return std::string();
    });
    ASSERT_TRUE(c.started());
    ForkedChild moved = std::move(c);  // the handle moves; the child is not killed twice
    EXPECT_FALSE(c.started());         // NOLINT(bugprone-use-after-move): the moved-from state
    ASSERT_TRUE(moved.started());
    pid = moved.pid();
    EXPECT_EQ(::waitpid(pid, nullptr, WNOHANG), 0);  // running
  }
  EXPECT_EQ(::waitpid(pid, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);  // reaped: no such child any more
}

// kill() ends a child that would never answer; finish() then reports the signal.
TEST(ForkedChildTest, KillEndsTheChild) {
  ForkedChild c = ForkedChild::start([] {
    ::pause();
    return std::string("never");
  });
  c.kill();
  ForkedChild::Ended ended = c.finish();
  EXPECT_EQ(ended.signal, SIGKILL);
  EXPECT_TRUE(ended.answer.empty());
}

}  // namespace
}  // namespace icsrisk
