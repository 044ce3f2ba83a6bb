#include "report/render_pool.h"

#include "core/forked_child.h"

#include <poll.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace icsrisk::report {
namespace {

using Images = core::Result<std::vector<std::string>>;

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

/// One running worker and the job it renders.
struct Child {
  core::ForkedChild process;
  std::size_t job = 0;
};

/// A worker's answer: its job's result, or an Error naming the signal that stopped Graphviz.
Images result_of(core::ForkedChild::Ended ended) {
  if (ended.signal != 0)
    return core::Error{fmt::format(
        "Graphviz stopped with signal {} ({}){}{}", ended.signal, strsignal(ended.signal),
        ended.last_stderr_line.empty() ? "" : ": ", ended.last_stderr_line)};
  return decode(ended.answer);
}

/// Reads from every running child once data is there; the children whose pipes closed are
/// finished into `results` and removed.
void drain(std::vector<Child>& running, std::vector<Images>& results) {
  std::vector<pollfd> fds;
  for (const Child& c : running)
    fds.push_back({c.process.fd(), POLLIN, 0});
  if (::poll(fds.data(), fds.size(), -1) < 0) return;  // EINTR: poll again
  for (std::size_t i = running.size(); i-- > 0;) {
    if (!fds[i].revents || running[i].process.read_some()) continue;
    results[running[i].job] = result_of(running[i].process.finish());
    running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

}  // namespace

std::vector<Images> render_isolated(const std::vector<RenderJob>& jobs, unsigned workers) {
  std::vector<Images> results(jobs.size(), core::Error{"not rendered"});
  std::vector<Child> running;
  workers = std::max(workers, 1u);
  for (std::size_t next = 0; next < jobs.size() || !running.empty();) {
    while (next < jobs.size() && running.size() < workers) {
      const RenderJob& job = jobs[next];
      auto render = [&job] { return render_dot_variants(job.dot, job.variants, job.formats); };
      // Graphviz's last words before an abort go into the job's Error.
      core::ForkedChild c = core::ForkedChild::start([&] { return encode(render()); }, true);
      if (c.started())
        running.push_back({std::move(c), next});
      else
        results[next] = render();
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
