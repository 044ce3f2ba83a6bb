// icsrisk_bench: how loading a model compares with parsing its XML alone.
// For synthetic plants of 1,000 / 10,000 / 100,000 assets (generator.h) of several shapes S:
// 0 the default plant (3 flows an asset, areas of 100 assets, sites of 1,000); 1 few flows, so
// many networks and zones per flow (1 flow an asset, areas of 30); 2 many zones and sites (2
// flows an asset, areas of 15, sites of 40); 3 compact (1 flow an asset, no names, flow data or
// indentation: 27 MB, the shape of an exported inventory). Shapes 1 to 3 run at 100,000 assets
// only.
//   PugixmlParse/N/S  pugi::xml_document::load_buffer on the text, flags as in src/xml/reader.cc;
//   LoadModel/N/S     model::load_model (parse, UTF-8 check, structs, form diagnostics);
//   LoadAndLink/N/S   model::load_model + model::link_model against the built-in profile;
//   Validate/N/S      all that `icsrisk validate` does with a model: load, link, then route
//                     every flow (graph::report_unroutable_flows).
// After the runs, the ratios to PugixmlParse are printed per size, by real (wall) and by CPU
// time of the whole process (target for Validate: < 3). Before each iteration freed memory goes
// back to the system (malloc_trim), so every run pays for the pages it touches as a fresh process
// does, whatever ran before it: without that, pugixml's time varied from 57 to 100 ms with
// benchmark order.

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include "core/diagnostics.h"
#include "core/source.h"
#include "generator.h"
#include "graph/topology.h"
#include "model/loader.h"
#include "model/validate.h"

namespace {

using namespace icsrisk;

constexpr std::size_t kSizes[] = {1000, 10000, 100000};

/// Generator options per shape (the S of the benchmark names).
struct Shape {
  std::size_t flows_per_asset, area_size, site_size;
  bool compact = false;
};
constexpr Shape kShapes[] = {{3, 100, 1000}, {1, 30, 1000}, {2, 15, 40}, {1, 100, 1000, true}};

/// The (assets, shape) pairs benchmarked.
std::vector<std::pair<std::size_t, std::size_t>> cases() {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t n : kSizes)
    out.emplace_back(n, 0);
  for (std::size_t s = 1; s < std::size(kShapes); ++s)
    out.emplace_back(100000, s);
  return out;
}

/// The generated model text of a size and shape, made once and kept for all benchmarks.
const std::string& model_text(std::size_t assets, std::size_t shape) {
  static std::map<std::pair<std::size_t, std::size_t>, std::string> cache;
  auto it = cache.find({assets, shape});
  if (it == cache.end()) {
    bench::GeneratorOptions o;
    o.assets = assets;
    o.flows_per_asset = kShapes[shape].flows_per_asset;
    o.area_size = kShapes[shape].area_size;
    o.site_size = kShapes[shape].site_size;
    o.compact = kShapes[shape].compact;
    it = cache.emplace(std::pair{assets, shape}, bench::generate_model(o).xml).first;
  }
  return it->second;
}

const std::string& model_text(const benchmark::State& state) {
  return model_text(static_cast<std::size_t>(state.range(0)),
                    static_cast<std::size_t>(state.range(1)));
}

const model::Profile& profile() {
  static const model::Profile p = [] {
    core::Diagnostics d;
    return *model::load_profile(model::builtin_profile_file(), d);
  }();
  return p;
}

void parse_only(benchmark::State& state) {
  const std::string& text = model_text(state);
  for (auto _ : state) {
    state.PauseTiming();
    malloc_trim(0);
    state.ResumeTiming();
    pugi::xml_document doc;
    pugi::xml_parse_result r =
        doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r) state.SkipWithError("pugixml failed to parse the generated model");
    benchmark::DoNotOptimize(doc.first_child());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

enum class Stage { kLoad, kLink, kValidate };

/// How far to go: load_model; + link_model; + routing every flow.
void load(benchmark::State& state, Stage stage) {
  const std::string& text = model_text(state);
  const model::Profile& p = profile();
  for (auto _ : state) {
    state.PauseTiming();  // the copy stands for reading the file: not measured
    std::string copy = text;
    malloc_trim(0);
    state.ResumeTiming();
    core::SourceFile file("synthetic.xml", std::move(copy));
    core::Diagnostics diags;
    std::optional<model::Model> m = model::load_model(file, diags);
    if (m && stage != Stage::kLoad) model::link_model(*m, p, diags);
    if (m && stage == Stage::kValidate) graph::report_unroutable_flows(*m, p, diags);
    if (!m || diags.has_errors()) state.SkipWithError("the generated model has errors");
    benchmark::DoNotOptimize(m);
    state.PauseTiming();  // freeing the model is not part of loading
    m.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void register_all() {
  auto add = [](const char* name, auto fn) {
    for (auto [n, shape] : cases()) {
      benchmark::internal::Benchmark* b = benchmark::RegisterBenchmark(name, fn);
      // CPU time of the whole process: the loader reads large flow sections on a second thread.
      b->Unit(benchmark::kMillisecond)
          ->Args({static_cast<std::int64_t>(n), static_cast<std::int64_t>(shape)})
          ->MeasureProcessCPUTime();
      if (n >= 100000) b->Iterations(5);
    }
  };
  add("PugixmlParse", parse_only);
  add("LoadModel", [](benchmark::State& s) { load(s, Stage::kLoad); });
  add("LoadAndLink", [](benchmark::State& s) { load(s, Stage::kLink); });
  add("Validate", [](benchmark::State& s) { load(s, Stage::kValidate); });
}

/// The console output, plus the real and CPU time of each run kept for the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (!r.error_occurred && r.run_type == Run::RT_Iteration)
        times_[r.run_name.function_name + "/" + r.run_name.args] = {r.GetAdjustedRealTime(),
                                                                    r.GetAdjustedCPUTime()};
    ConsoleReporter::ReportRuns(runs);
  }

  /// One line per size and shape: the times in ms and the ratios to pugixml, real (CPU).
  void print_ratios() const {
    for (auto [n, shape] : cases()) {
      std::string args = std::to_string(n) + "/" + std::to_string(shape);
      auto parse = times_.find("PugixmlParse/" + args);
      if (parse == times_.end() || parse->second.first <= 0) continue;
      auto [pr, pc] = parse->second;
      std::printf("%7zu assets, shape %zu: pugixml %.1f (%.1f) ms", n, shape, pr, pc);
      for (const char* name : {"LoadModel", "LoadAndLink", "Validate"}) {
        auto it = times_.find(std::string(name) + "/" + args);
        if (it == times_.end()) continue;
        auto [r, c] = it->second;
        std::printf(", %s %.1f (%.1f) ms = %.2fx (%.2fx)", name, r, c, r / pr, c / pc);
      }
      std::printf("\n");
    }
  }

 private:
  std::map<std::string, std::pair<double, double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_all();
  RatioReporter reporter(isatty(fileno(stdout)) ? RatioReporter::OO_ColorTabular
                                                : RatioReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
