#pragma once
// The sub-command table (style.md: "the CLI is a table of sub-commands").

#include <CLI/CLI.hpp>

#include <functional>

namespace icsrisk::cli {

/// Each command registers its options on `app` and returns the function that runs it
/// (returning an exit code). Registration happens before parsing.
using Runner = std::function<int()>;

Runner add_validate(CLI::App& app);
Runner add_profile(CLI::App& app);
Runner add_diagram(CLI::App& app);
Runner add_analyze(CLI::App& app);
Runner add_trees(CLI::App& app);
Runner add_import(CLI::App& app);
Runner add_export(CLI::App& app);
Runner add_template(CLI::App& app);
Runner add_diff(CLI::App& app);
Runner add_plan(CLI::App& app);
/// Registers `import traffic` under the import command; sets `runner` to run it.
CLI::App* add_traffic(CLI::App& import, Runner& runner);

/// `trees import adtool` and `trees export adtool` (cmd_trees_adtool.cc), registered under the
/// trees command; `run` runs whichever of the two was parsed.
struct TreesInterchange {
  CLI::App* import_adtool = nullptr;
  CLI::App* export_adtool = nullptr;
  Runner run;
};
TreesInterchange add_trees_adtool(CLI::App* trees);

}  // namespace icsrisk::cli
