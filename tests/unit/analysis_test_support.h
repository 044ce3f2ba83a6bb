#pragma once
// Test support for the analysis and report tests: a small profile whose measures make every
// rule of method.md §4–§6 visible, and a loader for inline models.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"
#include "risk/analysis.h"

namespace icsrisk::testing {

/// Risk matrix cells: the default rule S = first + threat + vulnerability (method.md §5).
inline std::string default_matrix_cells(int only_f = 0, int only_t = 0, int only_v = 0) {
  std::string out;
  for (int f = 1; f <= 3; ++f)
    for (int t = 1; t <= 3; ++t)
      for (int v = 1; v <= 3; ++v) {
        char r;
        if (only_f) {
          r = f == only_f && t == only_t && v == only_v ? 'A' : 'E';
        } else {
          int s = f + t + v;
          r = s >= 8 ? 'A' : s == 7 ? 'B' : s == 6 ? 'C' : s == 5 ? 'D' : 'E';
        }
        out += "<cell first=\"" + std::to_string(f) + "\" threat=\"" + std::to_string(t) +
               "\" vulnerability=\"" + std::to_string(v) + "\" risk=\"" + r + "\"/>\n";
      }
  return out;
}

/// A test profile: threats t-intr (intrusion, level 2, computers and controllers), t-obj
/// (objective, level 2, computers), t-net (objective, level 2, every network), t-wifi
/// (objective, level 1, wireless networks). Measures counter all four unless said:
/// p-both (protect, both stages), d-both (detect, both), m-obj (mitigate, objective only),
/// m-both (mitigate, both), p-other (protect, both, counters t-obj only).
inline std::string test_profile(const std::string& matrix_cells = default_matrix_cells()) {
  std::string scales;
  for (const char* id : {"importance", "business-impact", "threat", "vulnerability"}) {
    scales += std::string("<scale id=\"") + id + "\">";
    for (int v = 3; v >= 1; --v)
      scales += "<level value=\"" + std::to_string(v) + "\" ja=\"l\" en=\"l\"/>";
    scales += "</scale>\n";
  }
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<profile id="test" name="テスト基準" xmlns="urn:icsrisk:profile:1">
)" + scales +
         "<risk-matrix>\n" + matrix_cells + R"(</risk-matrix>
  <asset-types>
    <asset-type id="server" ja="サーバ" en="Server" category="computer"/>
    <asset-type id="plc" ja="PLC" en="PLC" category="controller"/>
    <asset-type id="sensor" ja="センサ" en="Sensor" category="field-device"/>
    <asset-type id="switch" ja="スイッチ" en="Switch" category="network-device" filtering="no"/>
  </asset-types>
  <threats>
    <threat id="t-intr" ja="侵入脅威" en="Intrusion threat" stage="intrusion" level="2" applies-to="computer controller"/>
    <threat id="t-obj" ja="目的脅威" en="Objective threat" stage="objective" level="2" applies-to="computer"/>
    <threat id="t-net" ja="経路脅威" en="Path threat" stage="objective" level="2" applies-to="network"/>
    <threat id="t-wifi" ja="無線脅威" en="Radio threat" stage="objective" level="1" applies-to="network:wireless"/>
  </threats>
  <countermeasures>
    <countermeasure id="p-both" ja="防御両" en="Protect both" function="protect" stages="intrusion objective" counters="t-intr t-obj t-net t-wifi"/>
    <countermeasure id="d-both" ja="検知両" en="Detect both" function="detect" stages="intrusion objective" counters="t-intr t-obj t-net t-wifi"/>
    <countermeasure id="m-obj" ja="低減目的" en="Mitigate objective" function="mitigate" stages="objective" counters="t-intr t-obj t-net t-wifi"/>
    <countermeasure id="m-both" ja="低減両" en="Mitigate both" function="mitigate" stages="intrusion objective" counters="t-intr t-obj t-net t-wifi"/>
    <countermeasure id="p-other" ja="防御他" en="Protect other" function="protect" stages="intrusion objective" counters="t-obj"/>
  </countermeasures>
  <entry-vectors>
    <vector id="network" method="t-intr"/>
  </entry-vectors>
  <lateral method="t-intr"/>
</profile>
)";
}

/// A loaded profile and model, kept alive together (positions point into the source files).
/// (Not named Loaded: scenario_fixture.h has that name in this namespace, and two different
/// definitions of one class in one program break it — an ODR violation ASan caught.)
struct LoadedModel {
  std::unique_ptr<core::SourceFile> profile_file, model_file;
  core::Diagnostics diags;
  std::optional<model::Profile> profile;
  std::optional<model::Model> model;

  risk::Results analyze() const { return risk::analyze(*model, *profile); }
};

/// Loads `model_xml` against `profile_xml` (the built-in profile when empty); fails the test on
/// any error.
inline std::unique_ptr<LoadedModel> load(const std::string& model_xml,
                                         const std::string& profile_xml = "") {
  auto l = std::make_unique<LoadedModel>();
  if (profile_xml.empty()) {
    l->profile = model::load_profile(model::builtin_profile_file(), l->diags);
  } else {
    l->profile_file = std::make_unique<core::SourceFile>("test-profile.xml", profile_xml);
    l->profile = model::load_profile(*l->profile_file, l->diags);
  }
  l->model_file = std::make_unique<core::SourceFile>("test-model.xml", model_xml);
  if (l->profile) {
    l->model = model::load_model(*l->model_file, l->diags);
    if (l->model) model::link_model(*l->model, *l->profile, l->diags);
  }
  EXPECT_FALSE(l->diags.has_errors()) << l->diags.render();
  EXPECT_TRUE(l->profile && l->model);
  return l;
}

}  // namespace icsrisk::testing
