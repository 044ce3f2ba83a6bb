#include "cli/report_folder.h"

#include "cli/signal_cleanup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace icsrisk::cli {

namespace fs = std::filesystem;

namespace {

/// Whether `dir` holds our marker: a regular file (not a link) whose text starts with the
/// marker prefix.
bool has_marker(const fs::path& dir) {
  std::error_code ec;
  fs::path marker = dir / kReportMarker;
  if (!fs::is_regular_file(fs::symlink_status(marker, ec))) return false;
  std::ifstream in(marker, std::ios::binary);
  std::string head(kReportMarkerPrefix.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in && head == kReportMarkerPrefix;
}

/// Whether `name` is `<stem>.tmp-XXXXXX` or `<stem>.tmp-XXXXXX.old` (mkdtemp's six letters
/// and digits): the names this file gives its temporary folders.
bool is_temporary_name(std::string_view name, std::string_view stem) {
  if (!name.starts_with(stem) || !name.substr(stem.size()).starts_with(".tmp-")) return false;
  std::string_view rest = name.substr(stem.size() + 5);
  if (rest.ends_with(".old")) rest.remove_suffix(4);
  if (rest.size() != 6) return false;
  for (char c : rest)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

/// Removes the temporary folders of earlier runs writing `dir` that were killed: only folders
/// (not links) with our name pattern and our marker, untouched for kStaleTemporaryAge (a run
/// writing now keeps its folder fresh). Failures are ignored: this is housekeeping.
void remove_stale_temporaries(const fs::path& dir, const fs::path& parent) {
  std::error_code ec;
  const std::string stem = dir.filename().string();
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(parent, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (!is_temporary_name(path.filename().string(), stem)) continue;
    if (!fs::is_directory(fs::symlink_status(path, ec)) || !has_marker(path)) continue;
    fs::file_time_type changed = fs::last_write_time(path, ec);
    if (ec || fs::file_time_type::clock::now() - changed < kStaleTemporaryAge) continue;
    stale.push_back(path);
  }
  for (const fs::path& path : stale)
    fs::remove_all(path, ec);
}

/// Whether `dir` may be replaced: it does not exist, or is an empty folder, or a report folder.
core::Status check_replaceable(const fs::path& dir) {
  std::error_code ec;
  fs::file_status st = fs::symlink_status(dir, ec);
  if (!fs::exists(st)) return core::Ok{};
  if (fs::is_symlink(st))
    return core::Error{fmt::format(
        "refusing to replace '{}': it is a symbolic link; give the folder itself", dir.string())};
  if (!fs::is_directory(st))
    return core::Error{
        fmt::format("cannot write reports to '{}': it is not a directory", dir.string())};
  if (fs::is_empty(dir, ec) || has_marker(dir)) return core::Ok{};
  return core::Error{fmt::format(
      "refusing to replace '{}': it is not empty and holds no '{}' file, so it is not a report "
      "folder written by icsrisk (a report written before icsrisk marked its folders counts as "
      "not one): choose another -o, or delete the folder yourself",
      dir.string(), kReportMarker)};
}

/// Swaps the finished temporary folder into place: the old report is renamed aside, the new
/// one renamed in, then the old one removed — a failure at any point leaves one complete report.
core::Status replace_dir(const fs::path& tmp, const fs::path& dir, SignalCleanup& signals) {
  std::error_code ec;
  fs::path old = tmp;
  old += ".old";
  {
    std::lock_guard<std::mutex> lock(signals.mutex());
    if (!fs::exists(fs::symlink_status(dir, ec))) {
      fs::rename(tmp, dir, ec);
      if (ec) return core::Error{fmt::format("cannot create '{}': {}", dir.string(), ec.message())};
      signals.guard_locked({});
      return core::Ok{};
    }
    fs::rename(dir, old, ec);
    if (ec) return core::Error{fmt::format("cannot replace '{}': {}", dir.string(), ec.message())};
    fs::rename(tmp, dir, ec);
    if (ec) {
      std::error_code ignore;
      fs::rename(old, dir, ignore);  // put the previous report back
      return core::Error{fmt::format("cannot replace '{}': {}", dir.string(), ec.message())};
    }
    signals.guard_locked(old);
  }
  fs::remove_all(old, ec);
  signals.guard({});
  return core::Ok{};
}

/// Creates `DIR.tmp-XXXXXX` with the usual permissions and the marker.
core::Result<fs::path> make_temporary(const fs::path& dir) {
  std::string pattern = dir.string() + ".tmp-XXXXXX";
  if (!mkdtemp(pattern.data()))
    return core::Error{
        fmt::format("cannot create a folder beside '{}': {}", dir.string(), std::strerror(errno))};
  fs::path tmp(pattern);
  mode_t mask = umask(0);  // mkdtemp makes the folder 0700: give it the usual permissions
  umask(mask);
  std::error_code ec;
  fs::permissions(tmp, static_cast<fs::perms>(0777 & ~mask), ec);
  std::ofstream marker(tmp / kReportMarker, std::ios::binary);
  marker.write(kReportMarkerText.data(), static_cast<std::streamsize>(kReportMarkerText.size()));
  marker.close();
  if (!marker) {
    fs::remove_all(tmp, ec);
    return core::Error{fmt::format("cannot write in '{}'", tmp.string())};
  }
  return tmp;
}

/// Removes the temporary folder when the run leaves write_report_folder without swapping it
/// in — a failed write, or an exception on its way to main.
struct RemoveUnlessKept {
  fs::path path;
  ~RemoveUnlessKept() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

core::Status create_folders_inside(const fs::path& root, const fs::path& relative_dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(root, ec)))
    return core::Error{fmt::format("cannot write in '{}': it is gone", root.string())};
  fs::path path = root;
  for (const fs::path& part : relative_dir) {
    if (part.empty() || part == ".") continue;
    if (part == ".." || part.has_root_path())
      return core::Error{
          fmt::format("'{}' is not a folder inside '{}'", relative_dir.string(), root.string())};
    path /= part;
    fs::create_directory(path, ec);  // fails when `root` or a level above is gone
    if (ec) return core::Error{fmt::format("cannot create '{}': {}", path.string(), ec.message())};
  }
  return core::Ok{};
}

core::Status write_report_folder(const fs::path& dir,
                                 const std::function<core::Status(const fs::path&)>& fill) {
  if (auto s = check_replaceable(dir); !s) return s;
  std::error_code ec;
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  fs::create_directories(parent, ec);
  remove_stale_temporaries(dir, parent);
  SignalCleanup signals;
  core::Result<fs::path> tmp = core::Error{""};
  {
    // A signal between mkdtemp and guard_locked waits for the lock, then removes the folder.
    std::lock_guard<std::mutex> lock(signals.mutex());
    tmp = make_temporary(dir);
    if (!tmp) return tmp.error();
    signals.guard_locked(*tmp);
  }
  RemoveUnlessKept cleanup{*tmp};
  core::Status s = fill(*tmp);
  if (s) s = replace_dir(*tmp, dir, signals);
  if (s) cleanup.path.clear();
  return s;
}

}  // namespace icsrisk::cli
