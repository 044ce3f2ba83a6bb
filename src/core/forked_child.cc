#include "core/forked_child.h"

#include <fcntl.h>  // O_CLOEXEC
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace icsrisk::core {

namespace {

/// Writes all of `data` to `fd` (a pipe), retrying short writes; false when the reader is gone.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// The last line of what a child wrote to its stderr file (at most 4 KiB of its end).
std::string last_line(int err) {
  if (err < 0) return {};
  off_t size = ::lseek(err, 0, SEEK_END);
  if (size <= 0) return {};
  std::string text(static_cast<std::size_t>(std::min<off_t>(size, 4096)), '\0');
  ssize_t n = ::pread(err, text.data(), text.size(), size - static_cast<off_t>(text.size()));
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  std::size_t start = text.rfind('\n');
  return start == std::string::npos ? text : text.substr(start + 1);
}

}  // namespace

ForkedChild ForkedChild::start(const std::function<std::string()>& work, bool capture_stderr) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {};
  const int err = capture_stderr ? ::memfd_create("icsrisk-child-stderr", MFD_CLOEXEC) : -1;
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    if (err >= 0) ::close(err);
    return {};
  }
  if (pid == 0) {
    ::close(fds[0]);
    sigset_t none;
    sigemptyset(&none);
    ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);  // the parent died before the line above
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    std::string answer;
    try {
      answer = work();
    } catch (...) {
      ::_exit(2);  // no answer: the parent reports a child that ended without one
    }
    ::_exit(write_all(fds[1], answer) ? 0 : 1);
  }
  ::close(fds[1]);
  ForkedChild c;
  c.pid_ = pid;
  c.fd_ = fds[0];
  c.err_ = err;
  return c;
}

ForkedChild::ForkedChild(ForkedChild&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      fd_(std::exchange(other.fd_, -1)),
      err_(std::exchange(other.err_, -1)),
      received_(std::move(other.received_)) {}

ForkedChild& ForkedChild::operator=(ForkedChild&& other) noexcept {
  if (this != &other) {
    reset();
    pid_ = std::exchange(other.pid_, -1);
    fd_ = std::exchange(other.fd_, -1);
    err_ = std::exchange(other.err_, -1);
    received_ = std::move(other.received_);
  }
  return *this;
}

ForkedChild::~ForkedChild() {
  reset();
}

void ForkedChild::reset() {
  if (pid_ < 0) return;
  kill();
  finish();
}

bool ForkedChild::read_some() {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    received_.append(buf, static_cast<std::size_t>(n));
    return true;
  }
}

ForkedChild::Ended ForkedChild::finish() {
  Ended ended;
  if (pid_ < 0) return ended;
  while (read_some()) {
  }
  ::close(fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    ended.signal = WTERMSIG(status);
    ended.last_stderr_line = last_line(err_);
  }
  if (err_ >= 0) ::close(err_);
  ended.answer = std::move(received_);
  pid_ = fd_ = err_ = -1;
  received_.clear();
  return ended;
}

void ForkedChild::kill() const {
  if (pid_ >= 0) ::kill(pid_, SIGKILL);
}

}  // namespace icsrisk::core
