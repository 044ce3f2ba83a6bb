#pragma once
// The report folder of `icsrisk analyze -o DIR`: built beside DIR in a temporary folder and
// swapped in whole, so a user's files are never lost and a failed or interrupted run leaves
// the previous report as it was (README, "Limits").

#include <chrono>
#include <filesystem>
#include <functional>
#include <string_view>

#include "core/result.h"

namespace icsrisk::cli {

/// The file icsrisk writes into every report folder (and every temporary folder of one); only
/// a folder that holds it is ever replaced or, as a stale temporary, removed.
inline constexpr std::string_view kReportMarker = ".icsrisk-report";
/// The marker's content: its format version. A folder is a report folder when the marker is a
/// regular file starting with kReportMarkerPrefix (any version).
inline constexpr std::string_view kReportMarkerPrefix = "icsrisk-report ";
inline constexpr std::string_view kReportMarkerText = "icsrisk-report 1\n";

/// A temporary folder of ours (`DIR.tmp-XXXXXX`, with the marker) untouched for this long is
/// left over from a run that was killed, and the next run writing DIR removes it.
inline constexpr std::chrono::seconds kStaleTemporaryAge{3600};

/// Writes the report folder `dir`: removes stale temporaries of ours beside it, refuses a
/// `dir` that exists and is neither empty nor a report folder (it holds no marker), creates
/// `DIR.tmp-XXXXXX` with the marker, calls `fill` to write the files into it, and swaps it in
/// for `dir`. On any failure — `fill`'s, a full disk, an exception, SIGINT, SIGTERM or SIGHUP
/// — the temporary folder is removed and `dir` is as before; on a signal the process then
/// exits with 128 + the signal number. Errors are messages for the user (exit 4).
core::Status write_report_folder(
    const std::filesystem::path& dir,
    const std::function<core::Status(const std::filesystem::path&)>& fill);

/// Creates the folders of `relative_dir` inside `root`, one level at a time, and never `root`
/// itself: a temporary folder that a signal has just removed stays removed (fill functions use
/// this rather than create_directories, which would bring it back, empty, for good).
core::Status create_folders_inside(const std::filesystem::path& root,
                                   const std::filesystem::path& relative_dir);

}  // namespace icsrisk::cli
