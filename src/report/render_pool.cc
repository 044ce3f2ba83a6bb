#include "report/render_pool.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace icsrisk::report {
namespace {

using Images = core::Result<std::vector<std::string>>;

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

void put_size(std::string& out, std::uint64_t n) {
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
}

/// The child's message: 'O', the count, then each output with its size; or 'E' and the error.
std::string encode(const Images& images) {
  std::string out;
  if (!images) return "E" + images.error().message;
  out += 'O';
  put_size(out, images->size());
  for (const std::string& s : *images) {
    put_size(out, s.size());
    out += s;
  }
  return out;
}

Images decode(std::string_view in) {
  if (in.empty()) return core::Error{"the renderer ended without an answer"};
  if (in.front() == 'E') return core::Error{std::string(in.substr(1))};
  in.remove_prefix(1);
  auto take_size = [&](std::uint64_t& n) {
    if (in.size() < sizeof n) return false;
    std::memcpy(&n, in.data(), sizeof n);
    in.remove_prefix(sizeof n);
    return true;
  };
  std::uint64_t count = 0;
  std::vector<std::string> out;
  if (!take_size(count)) return core::Error{"the renderer's answer is cut short"};
  for (std::uint64_t i = 0; i < count; ++i) {
    std::uint64_t n = 0;
    if (!take_size(n) || in.size() < n) return core::Error{"the renderer's answer is cut short"};
    out.emplace_back(in.substr(0, n));
    in.remove_prefix(n);
  }
  return out;
}

/// One running child: its pid, the read end of its pipe, what it sent so far, its job, and the
/// memory file that holds what it wrote to stderr (Graphviz's assertion message), or -1.
struct Child {
  pid_t pid = -1;
  int fd = -1;
  std::string received;
  std::size_t job = 0;
  int err = -1;
};

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

/// Forks a child that renders `job` and writes the answer to a pipe; nullopt-like pid -1 when
/// the fork or the pipe fails.
Child start(const RenderJob& job, std::size_t index) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const int err = ::memfd_create("icsrisk-render-stderr", MFD_CLOEXEC);
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    if (err >= 0) ::close(err);
    return {};
  }
  if (pid == 0) {
    ::close(fds[0]);
    prepare_forked_child(parent);
    if (err >= 0) ::dup2(err, STDERR_FILENO);  // Graphviz's last words go into the Error
    bool ok = write_all(fds[1], encode(render_dot_variants(job.dot, job.variants, job.formats)));
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  return {pid, fds[0], {}, index, err};
}

/// Reads what `c` sent until its pipe closes, then reaps it: its job's result.
Images finish(Child& c) {
  ::close(c.fd);
  int status = 0;
  while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string said = last_line(c.err);
  if (c.err >= 0) ::close(c.err);
  if (WIFSIGNALED(status))
    return core::Error{fmt::format("Graphviz stopped with signal {} ({}){}{}", WTERMSIG(status),
                                   strsignal(WTERMSIG(status)), said.empty() ? "" : ": ", said)};
  return decode(c.received);
}

/// Reads from every running child once data is there; the children whose pipes closed are
/// finished into `results` and removed.
void drain(std::vector<Child>& running, std::vector<Images>& results) {
  std::vector<pollfd> fds;
  for (const Child& c : running)
    fds.push_back({c.fd, POLLIN, 0});
  if (::poll(fds.data(), fds.size(), -1) < 0) return;  // EINTR: poll again
  char buf[1 << 16];
  for (std::size_t i = running.size(); i-- > 0;) {
    if (!fds[i].revents) continue;
    ssize_t n = ::read(running[i].fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n > 0) {
      running[i].received.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    results[running[i].job] = finish(running[i]);
    running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

void prepare_forked_child(int parent) {
  sigset_t none;
  sigemptyset(&none);
  ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);
}

std::vector<Images> render_isolated(const std::vector<RenderJob>& jobs, unsigned workers) {
  std::vector<Images> results(jobs.size(), core::Error{"not rendered"});
  std::vector<Child> running;
  workers = std::max(workers, 1u);
  for (std::size_t next = 0; next < jobs.size() || !running.empty();) {
    while (next < jobs.size() && running.size() < workers) {
      Child c = start(jobs[next], next);
      if (c.pid < 0) {
        results[next] =
            render_dot_variants(jobs[next].dot, jobs[next].variants, jobs[next].formats);
      } else {
        running.push_back(std::move(c));
      }
      ++next;
    }
    if (!running.empty()) drain(running, results);
  }
  return results;
}

core::Result<std::string> render_dot_isolated(std::string_view dot_text, ImageFormat format) {
  auto result = std::move(render_isolated({{dot_text, {format}}}, 1).front());
  if (!result) return result.error();
  return std::move(result->front());
}

}  // namespace icsrisk::report
