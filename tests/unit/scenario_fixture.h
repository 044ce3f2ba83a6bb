#pragma once
// Helpers for the scenario tests: load a model (inline XML) against the tiny test profile or the
// built-in one, and render scenario results as text.

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/loader.h"
#include "model/validate.h"
#include "risk/coverage.h"
#include "risk/scenario_analysis.h"
#include "unit/golden.h"

namespace icsrisk::testing {

/// A linked model with the files it points into.
struct Loaded {
  std::unique_ptr<core::SourceFile> profile_file, model_file;
  model::Profile profile;
  model::Model model;
  core::Diagnostics diags;

  std::vector<risk::ScenarioRisk> analyze(const risk::AnalysisOptions& o = {}) const {
    risk::Coverage coverage(model, profile);
    return risk::analyze_scenarios(model, profile, coverage, o);
  }
  std::size_t asset(const std::string& id) const { return model.asset_index.at(id); }
  std::size_t flow(const std::string& id) const { return model.flow_index.at(id); }
};

/// Loads `xml` (a whole model file); `builtin` selects the ipa-2018 profile instead of
/// tests/data/scenario/test-profile.xml. Fails the test on load or link errors.
inline std::unique_ptr<Loaded> load(const std::string& xml, bool builtin = false) {
  auto l = std::make_unique<Loaded>();
  const core::SourceFile* pf = &model::builtin_profile_file();
  if (!builtin) {
    std::string path = source_path("tests/data/scenario/test-profile.xml");
    l->profile_file = std::make_unique<core::SourceFile>(path, read_text(path));
    pf = l->profile_file.get();
  }
  auto p = model::load_profile(*pf, l->diags);
  EXPECT_TRUE(p.has_value()) << l->diags.render();
  if (p) l->profile = std::move(*p);
  l->model_file = std::make_unique<core::SourceFile>("test.xml", xml);
  auto m = model::load_model(*l->model_file, l->diags);
  EXPECT_TRUE(m.has_value()) << l->diags.render();
  if (m) {
    l->model = std::move(*m);
    model::link_model(l->model, l->profile, l->diags);
  }
  EXPECT_FALSE(l->diags.has_errors()) << l->diags.render();
  return l;
}

/// <network> elements with these ids (named as their ids), for system_xml's `networks`.
inline std::string nets(std::initializer_list<const char*> ids) {
  std::string s;
  for (const char* id : ids)
    s += std::string(R"(<network id=")") + id + R"(" name=")" + id + R"("/>)";
  return s;
}

/// Wraps model sections into a <system>; `assets` etc. are the inner XML of each section.
inline std::string system_xml(const std::string& networks, const std::string& assets,
                              const std::string& flows, const std::string& entries,
                              const std::string& scenarios, int impact_level = 3) {
  return R"(<system id="t" name="t" xmlns="urn:icsrisk:model:1"><networks>)" + networks +
         "</networks><assets>" + assets + "</assets><dataflows>" + flows +
         "</dataflows><entry-points>" + entries +
         R"(</entry-points><business-impacts><impact id="bi" name="bi" level=")" +
         std::to_string(impact_level) + R"(">)" + scenarios +
         "</impact></business-impacts></system>";
}

/// "entry: a → b → c" for a route.
inline std::string route_path(const Loaded& l, const risk::Route& r) {
  std::string s = std::string(l.model.entries[r.entry].id) + ":";
  for (std::size_t i = 0; i < r.steps.size(); ++i)
    s += std::string(i == 0 ? " " : " → ") += l.model.assets[r.steps[i].to].id;
  return s;
}

/// Step levels of a route, e.g. "1 2 1".
inline std::string route_levels(const risk::Route& r) {
  std::string s;
  for (const risk::Step& st : r.steps)
    s += (s.empty() ? "" : " ") + std::to_string(st.countermeasure_level);
  return s;
}

/// A readable dump of scenario results (the golden format).
inline std::string dump(const Loaded& l, const std::vector<risk::ScenarioRisk>& rs) {
  std::string out;
  auto id_list = [&](const std::vector<std::size_t>& v, bool measures) {
    std::string s;
    for (std::size_t x : v)
      s += std::string(s.empty() ? "" : ",") +=
          (measures ? std::string_view(l.profile.countermeasures[x].id) : l.model.assets[x].id);
    return s;
  };
  for (const risk::ScenarioRisk& r : rs) {
    const model::Impact& im = l.model.impacts[r.impact];
    out += std::string(im.scenarios[r.scenario].id) + " (" + std::string(im.id) + ", impact " +
           std::to_string(r.impact_level) + "): risk " +
           (r.risk ? std::string(1, model::letter(*r.risk)) : "- (unreachable)") + ", planned " +
           (r.risk_planned ? std::string(1, model::letter(*r.risk_planned)) : "-") +
           "; routes_total " + std::to_string(r.routes_total) +
           (r.routes_total_exact ? "" : "+ (capped)") + ", listed " +
           std::to_string(r.routes.size()) + (r.truncated ? ", truncated" : "") + "\n";
    for (std::size_t i = 0; i < r.routes.size(); ++i) {
      const risk::Route& route = r.routes[i];
      out += "  " + std::to_string(i + 1) + ". " + route_path(l, route) + "  levels " +
             route_levels(route) + "  → level " + std::to_string(route.countermeasure_level) +
             ", threat " + std::to_string(route.threat_level) + ", vulnerability " +
             std::to_string(route.vulnerability_level) + ", risk " + model::letter(route.risk) +
             "\n";
      if (i != 0) continue;
      for (const risk::Step& st : route.steps) {
        out += "       " +
               (st.from == risk::kNone ? std::string("attacker")
                                       : std::string(l.model.assets[st.from].id)) +
               " → " + std::string(l.model.assets[st.to].id) + "  " +
               l.profile.threats[st.method].id;
        if (st.flow != risk::kNone) out += "  flow " + std::string(l.model.flows[st.flow].id);
        if (!st.via.empty()) out += " via " + id_list(st.via, false);
        out += "  [" + id_list(st.countermeasures, true) + "] level " +
               std::to_string(st.countermeasure_level) + "\n";
      }
    }
  }
  return out;
}

}  // namespace icsrisk::testing
