#include "cli/signal_cleanup.h"

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <system_error>

namespace icsrisk::cli {

namespace fs = std::filesystem;

SignalCleanup::SignalCleanup() {
  sigemptyset(&set_);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) sigaddset(&set_, sig);
  }
  sigaddset(&set_, wake_signal());
  pthread_sigmask(SIG_BLOCK, &set_, &saved_);  // the watcher inherits the mask
  watcher_ = std::thread([this] { watch(); });
  // Return only once the watcher has started: a new thread's start-up allocates (ASan's
  // pthread_getattr_np), and a fork during it (the diagram workers, when a report begins
  // with its diagrams) copies the allocator locked into the child, which then hangs.
  watcher_tid_.wait(0);
}

SignalCleanup::~SignalCleanup() {
  done_ = true;
  pthread_kill(watcher_.native_handle(), wake_signal());
  watcher_.join();
  pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
}

void SignalCleanup::guard(const fs::path& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_ = path;
}

void SignalCleanup::watch() {
  watcher_tid_ = gettid();
  watcher_tid_.notify_all();
  int sig = -1;
  do {
    siginfo_t info{};
    sig = sigwaitinfo(&set_, &info);
  } while (sig < 0 && errno == EINTR);
  if (sig < 0 || (sig == wake_signal() && done_)) return;
  std::lock_guard<std::mutex> lock(mutex_);
  // The main thread may still be creating files in it: retry until it is gone (nothing the
  // main thread does brings it back: see create_folders_inside), for two seconds at most (a
  // folder we may not remove).
  std::error_code ec;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!pending_.empty() && fs::exists(fs::symlink_status(pending_, ec)) &&
         std::chrono::steady_clock::now() < give_up)
    fs::remove_all(pending_, ec);
  _exit(128 + sig);
}

}  // namespace icsrisk::cli
