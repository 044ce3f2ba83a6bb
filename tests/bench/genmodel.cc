// icsrisk_genmodel: writes a synthetic plant model (generator.h) for scale tests.
//   icsrisk_genmodel [--assets N] [--flows-per-asset F] [--scenarios S] [--seed X]
//                    [--area-size A] [--site-size S] [--compact] [-o FILE]

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "generator.h"

int main(int argc, char** argv) {
  icsrisk::bench::GeneratorOptions o;
  std::string output;
  CLI::App app("Write a synthetic plant model (icsrisk model format 1) for load tests");
  app.add_option("--assets", o.assets, "number of <asset> elements")->capture_default_str();
  app.add_option("--flows-per-asset", o.flows_per_asset, "flows sent by each asset")
      ->capture_default_str();
  app.add_option("--scenarios", o.scenarios, "attack scenarios")->capture_default_str();
  app.add_option("--seed", o.seed, "seed; the same seed gives the same file")
      ->capture_default_str();
  app.add_option("--area-size", o.area_size, "assets per control area (at least 15)")
      ->capture_default_str();
  app.add_option("--site-size", o.site_size, "assets per site (at least 40)")
      ->capture_default_str();
  app.add_flag("--compact", o.compact,
               "no names, flow data or indentation (fewer bytes per element)");
  app.add_option("-o,--output", output, "output file (default: standard output)");
  CLI11_PARSE(app, argc, argv);

  icsrisk::bench::GeneratedModel m = icsrisk::bench::generate_model(o);
  std::FILE* out = output.empty() ? stdout : std::fopen(output.c_str(), "wb");
  if (!out) {
    std::perror(output.c_str());
    return 4;
  }
  bool ok = std::fwrite(m.xml.data(), 1, m.xml.size(), out) == m.xml.size();
  ok = (out == stdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "icsrisk_genmodel: write error\n");
    return 4;
  }
  std::fprintf(stderr,
               "%zu assets, %zu flows, %zu networks, %zu zones, %zu sites, %zu areas, "
               "%zu entry points, %zu impacts, %zu scenarios, %zu bytes\n",
               m.assets, m.flows, m.networks, m.zones, m.sites, m.areas, m.entries, m.impacts,
               m.scenarios, m.xml.size());
  return 0;
}
