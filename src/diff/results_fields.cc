// The values of results.json's rows (diff/results_reader.h): each checked, kept, and every
// problem reported at its key or its object.

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "diff/results_reader.h"

namespace icsrisk::diff::detail {

void Reader::type_error(std::string_view what) {
  const Frame& f = stack_.back();
  diags_.error(f.key_loc, fmt::format("'{}' {}", f.key, what));
  switch (where(stack_.size())) {
    case Where::kAssetRow:
      row_.invalid = true;
      break;
    case Where::kScenario:
      scenario_.invalid = true;
      break;
    case Where::kRoute:
      route_.invalid = true;
      break;
    default:
      break;
  }
}

void Reader::expect_string(const Scalar& v, std::string& out, bool& seen) {
  seen = true;
  if (v.type != Scalar::Type::kString) return type_error("must be a string");
  out = v.text;
}

bool Reader::expect_risk(const Scalar& v, Risk& out) {
  std::optional<Risk> r;
  if (v.type == Scalar::Type::kString && v.text.size() == 1) r = model::risk_of_letter(v.text[0]);
  if (!r) {
    type_error("must be a risk, \"A\" to \"E\"");
    return false;
  }
  out = *r;
  return true;
}

bool Reader::expect_risk_or_null(const Scalar& v, std::optional<Risk>& out) {
  if (v.type == Scalar::Type::kNull) {
    out.reset();
    return true;
  }
  Risk r = Risk::kE;
  if (!expect_risk(v, r)) return false;
  out = r;
  return true;
}

/// A member of the root object: "tool" and "format" say what the file is; "asset_risks" and
/// "scenario_risks" must be arrays (`v` is null for an object or array value).
void Reader::top_value(const Scalar* v, bool array) {
  const std::string& key = stack_.back().key;
  const bool text = v && v->type == Scalar::Type::kString;
  if (key == "tool") {
    tool_ = true;
    wrong_tool_ = !text || v->text != "icsrisk";
    if (wrong_tool_) type_error("must be \"icsrisk\": this is not a results.json of icsrisk");
  } else if (key == "format") {
    format_ = true;
    if (!v || v->type != Scalar::Type::kNumber || v->number != 1)
      type_error("must be 1: this icsrisk reads results.json of format 1");
  } else if (key == "asset_risks" || key == "scenario_risks") {
    (key == "asset_risks" ? asset_risks_ : scenario_risks_) = true;
    if (!array) type_error("must be an array");
  }
}

void Reader::row_value(const std::string& key, const Scalar& v) {
  AssetRow& r = row_.row;
  bool ignored = false;
  if (key == "kind") {
    expect_string(v, r.kind, row_.kind);
    if (v.type == Scalar::Type::kString && r.kind != "asset" && r.kind != "network")
      type_error("must be \"asset\" or \"network\"");
  } else if (key == "target") {
    expect_string(v, r.target, row_.target);
  } else if (key == "threat") {
    expect_string(v, r.threat, row_.threat);
  } else if (key == "target_name") {
    expect_string(v, r.target_name, ignored);
  } else if (key == "risk") {
    row_.risk = true;
    expect_risk(v, r.risk);
  } else if (key == "risk_planned") {
    row_.planned = true;
    expect_risk(v, r.risk_planned);
  }
}

void Reader::scenario_value(const std::string& key, const Scalar& v) {
  ScenarioRow& s = scenario_.row;
  bool ignored = false;
  if (key == "scenario") {
    expect_string(v, s.scenario, scenario_.scenario);
  } else if (key == "impact") {
    expect_string(v, s.impact, ignored);
  } else if (key == "scenario_name") {
    expect_string(v, s.name, ignored);
  } else if (key == "risk") {
    scenario_.risk = true;
    expect_risk_or_null(v, s.risk);
  } else if (key == "risk_planned") {
    scenario_.planned = true;
    expect_risk_or_null(v, s.risk_planned);
  }
}

void Reader::route_value(const std::string& key, const Scalar& v) {
  if (key == "entry") expect_string(v, route_.route.entry, route_.entry);
  if (key == "risk") {
    route_.risk = true;
    expect_risk(v, route_.route.risk);
  }
}

void Reader::end_row() {
  std::vector<std::string_view> missing;
  if (!row_.target) missing.push_back("target");
  if (!row_.kind) missing.push_back("kind");
  if (!row_.threat) missing.push_back("threat");
  if (!row_.risk) missing.push_back("risk");
  if (!row_.planned) missing.push_back("risk_planned");
  if (!missing.empty())
    diags_.error(stack_.back().loc,
                 fmt::format("asset row {} has no {}", row_.row.number, fmt::join(missing, ", ")));
  else if (!row_.invalid)
    snapshot.asset_rows.push_back(std::move(row_.row));
}

void Reader::end_scenario() {
  std::vector<std::string_view> missing;
  if (!scenario_.scenario) missing.push_back("scenario");
  if (!scenario_.risk) missing.push_back("risk");
  if (!scenario_.planned) missing.push_back("risk_planned");
  if (!missing.empty())
    diags_.error(stack_.back().loc,
                 fmt::format("scenario {} has no {}", scenarios_seen_, fmt::join(missing, ", ")));
  else if (!scenario_.invalid)
    snapshot.scenarios.push_back(std::move(scenario_.row));
}

void Reader::end_route() {
  if (!route_.entry || !route_.risk)
    diags_.error(route_.loc, fmt::format("route has no {}", !route_.entry ? "entry" : "risk"));
  else if (!route_.invalid)
    scenario_.row.routes.push_back(std::move(route_.route));
}

/// What the whole file lacks, and rows listed twice (a diff could not pair them).
void Reader::finish(bool parsed) {
  if (!parsed) return;
  const core::Loc start = loc(0);
  if (!root_object_ || !tool_) {
    diags_.error(start, "not a results.json of icsrisk: it has no \"tool\": \"icsrisk\"");
    return;
  }
  if (wrong_tool_) return;
  if (!format_) diags_.error(start, "results.json has no \"format\"");
  if (!asset_risks_) diags_.error(start, "results.json has no \"asset_risks\"");
  if (!scenario_risks_) diags_.error(start, "results.json has no \"scenario_risks\"");
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, const AssetRow*> rows;
  for (const AssetRow& r : snapshot.asset_rows) {
    auto [it, fresh] = rows.try_emplace({r.kind, r.target, r.threat}, &r);
    if (fresh) continue;
    diags_.error(r.loc, fmt::format("asset row {} repeats the {} '{}' with threat '{}'", r.number,
                                    r.kind, r.target, r.threat));
    diags_.note(it->second->loc, fmt::format("first as asset row {}", it->second->number));
  }
  std::map<std::string_view, const ScenarioRow*> scenarios;
  for (const ScenarioRow& s : snapshot.scenarios) {
    auto [it, fresh] = scenarios.try_emplace(s.scenario, &s);
    if (fresh) continue;
    diags_.error(s.loc, fmt::format("scenario '{}' is listed twice", s.scenario));
    diags_.note(it->second->loc, "first here");
  }
}

}  // namespace icsrisk::diff::detail
