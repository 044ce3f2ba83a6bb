#pragma once
// Rendering a report's diagrams in forked worker processes: on every core, and so that a
// Graphviz crash (an assertion in its layout code aborts the process) costs one drawing rather
// than the run.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "report/render.h"

namespace icsrisk::report {

/// One diagram to lay out once and render in each of `formats` (render_dot_formats()), and
/// `variants` of it rendered at its layout (render_dot_variants()).
struct RenderJob {
  std::string_view dot;
  std::vector<ImageFormat> formats;
  std::vector<std::string_view> variants = {};
};

/// Runs render_dot_variants() for every job, each in a child process forked from this one, at
/// most `workers` at a time (at least 1), and returns the results in job order. A child starts
/// from this process's Graphviz state as it is at the call, so a job gives the bytes it would
/// give rendered here first. A child killed by a signal (Graphviz aborting on an assertion,
/// a crash) gives its job an Error naming the signal; the other jobs are not affected. A child
/// dies with this process. When no child can be forked the jobs are rendered in this process.
std::vector<core::Result<std::vector<std::string>>> render_isolated(
    const std::vector<RenderJob>& jobs, unsigned workers);

/// render_dot() in one child process (render_isolated()): a Graphviz abort is an Error, not the
/// end of this process.
core::Result<std::string> render_dot_isolated(std::string_view dot_text, ImageFormat format);

}  // namespace icsrisk::report
