#pragma once
// Removing a half-written report folder when the user interrupts icsrisk (README, "Limits").

#include <signal.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

namespace icsrisk::cli {

/// Removes the folder it is given when SIGINT, SIGTERM or SIGHUP arrives, then exits with
/// 128 + the signal. The signals are blocked in every thread and taken by a watcher thread, so
/// the removal runs as ordinary code, never inside a signal handler. Signals the process
/// ignores (nohup) stay ignored.
///
/// The constructor returns once the watcher has started; the watcher then sleeps in the
/// kernel (sigwaitinfo, no timeout) until a signal comes, and the destructor wakes it with
/// wake_signal() sent to that thread alone. So while the main thread forks diagram workers
/// (report::render_isolated), no other thread of ours is running user code, starting or
/// waking, and none can hold a lock the child would inherit locked: an allocator that takes
/// no lock around fork (the sanitizers') left such a child waiting forever.
class SignalCleanup {
 public:
  SignalCleanup();
  ~SignalCleanup();
  SignalCleanup(const SignalCleanup&) = delete;
  SignalCleanup& operator=(const SignalCleanup&) = delete;

  /// The folder a signal removes from now on (empty: none).
  void guard(const std::filesystem::path& path);
  /// Held while renaming, so a signal never removes a folder half-way through the swap.
  std::mutex& mutex() { return mutex_; }
  /// Sets the guarded folder while mutex() is held.
  void guard_locked(const std::filesystem::path& path) { pending_ = path; }
  /// The watcher's kernel thread id (for tests that watch it sleep); set before the
  /// constructor returns.
  pid_t watcher_tid() const { return watcher_tid_.load(); }

  /// The signal the destructor sends the watcher; from outside it ends the run like SIGTERM.
  static int wake_signal() { return SIGRTMIN; }

 private:
  void watch();

  sigset_t set_{};
  sigset_t saved_{};
  std::atomic<bool> done_{false};
  std::atomic<pid_t> watcher_tid_{0};
  std::mutex mutex_;
  std::filesystem::path pending_;
  std::thread watcher_;
};

}  // namespace icsrisk::cli
