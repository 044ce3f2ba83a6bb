#pragma once
// A child process forked to compute one answer, which comes back as bytes over a pipe: the
// report's diagram workers (report/render_pool.cc) and the workbook written beside the other
// documents (assessment/documents.cc).

#include <sys/types.h>

#include <functional>
#include <string>

namespace icsrisk::core {

class ForkedChild {
 public:
  /// How a child ended: what it sent, and the signal that killed it (0 if none) with the last
  /// line it wrote to its stderr when that was captured.
  struct Ended {
    std::string answer;
    int signal = 0;
    std::string last_stderr_line;
  };

  /// Forks a child that runs `work` and writes what it returns to the pipe, then ends with
  /// _exit (none of this process's exit handlers run in it). The child first takes the signals
  /// this process's watcher blocks (cli/signal_cleanup.h), as any process does, so a SIGTERM or
  /// Ctrl-C ends it, and it is killed when this process dies. With `capture_stderr` its stderr
  /// goes to a memory file (Graphviz's last words before an abort). started() is false when
  /// no child could be forked; then `work` did not run.
  static ForkedChild start(const std::function<std::string()>& work, bool capture_stderr = false);

  ForkedChild() = default;
  ForkedChild(ForkedChild&& other) noexcept;
  ForkedChild& operator=(ForkedChild&& other) noexcept;
  ForkedChild(const ForkedChild&) = delete;
  ForkedChild& operator=(const ForkedChild&) = delete;
  /// A child not finished is killed and reaped.
  ~ForkedChild();

  bool started() const { return pid_ >= 0; }
  /// The child's process id, -1 when none runs (not started, or finished).
  pid_t pid() const { return pid_; }
  /// The read end of the pipe, to poll.
  int fd() const { return fd_; }
  /// Reads what the child has sent (one read); false once the pipe is closed or failed.
  bool read_some();
  /// Reads to the end of the pipe and reaps the child.
  Ended finish();
  /// Kills the child (SIGKILL); finish() still reaps it.
  void kill() const;

 private:
  void reset();

  pid_t pid_ = -1;
  int fd_ = -1;
  int err_ = -1;
  std::string received_;
};

}  // namespace icsrisk::core
