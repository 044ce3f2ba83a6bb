#include "report/tree_eval_output.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/csv.h"

namespace icsrisk::report {

namespace {

using Json = nlohmann::ordered_json;

Json number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

Json figure_json(const attacktree::Figure& f) {
  Json j;
  j["domain"] = attacktree::domain_name(f.bottom_up.domain);
  j["value"] = number(f.value);
  j["exact"] = f.value ? Json(f.exactness.exact) : Json(nullptr);
  j["not_exact_reason"] = f.exactness.exact ? Json(nullptr) : Json(f.exactness.reason);
  j["from_bdd"] = f.from_bdd;
  j["bottom_up"] = number(f.bottom_up.value);
  j["missing"] = f.bottom_up.missing;
  j["skipped"] = f.bottom_up.skipped;
  return j;
}

Json set_json(const attacktree::AttackSet& s) {
  Json j;
  j["events"] = s.events;
  j["probability"] = number(s.probability);
  j["cost"] = number(s.cost);
  j["time"] = number(s.time);
  return j;
}

Json sets_json(const attacktree::TreeEvaluation& e) {
  Json j;
  if (!e.bdd) {
    j["count"] = nullptr;
    j["complete"] = false;
    j["not_computed_reason"] = e.bdd_error;
    j["listed"] = Json::array();
    return j;
  }
  const attacktree::BddAnalysis& b = *e.bdd;
  j["count"] = b.cut_sets_complete ? Json(b.cut_set_count) : Json(nullptr);
  j["complete"] = b.cut_sets_complete;
  j["not_computed_reason"] = b.cut_sets_complete ? Json(nullptr) : Json(b.cut_sets_error);
  j["listed"] = b.cut_sets;
  return j;
}

Json rankings_json(const attacktree::TreeEvaluation& e) {
  Json all = Json::array();
  if (!e.bdd) return all;
  for (const attacktree::RankedSets& r : e.bdd->ranked) {
    Json j;
    j["by"] = attacktree::rank_name(r.by);
    j["not_ranked_reason"] = r.not_ranked.empty() ? Json(nullptr) : Json(r.not_ranked);
    j["stopped"] = r.stopped;
    j["sets"] = Json::array();
    for (const attacktree::AttackSet& s : r.sets)
      j["sets"].push_back(set_json(s));
    all.push_back(std::move(j));
  }
  return all;
}

std::string csv_number(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? fmt::format("{}", *v) : std::string();
}

}  // namespace

std::string evaluation_json(const std::vector<EvaluatedTree>& trees) {
  Json root;
  root["trees"] = Json::array();
  for (const EvaluatedTree& et : trees) {
    const attacktree::Tree& t = *et.tree;
    const attacktree::TreeEvaluation& e = et.evaluation;
    Json j;
    j["id"] = t.id;
    j["name"] = t.name;
    j["scenario"] = t.scenario.empty() ? Json(nullptr) : Json(t.scenario);
    j["nodes"] = {{"gates", e.gates}, {"events", e.events}, {"shared", e.shared}};
    j["figures"] = Json::array();
    for (const attacktree::Figure& f : e.figures)
      j["figures"].push_back(figure_json(f));
    j["minimal_sets"] = sets_json(e);
    j["rankings"] = rankings_json(e);
    if (!et.measures.empty() || et.measures_stopped) {
      j["measures_domain"] = attacktree::domain_name(et.measures_domain);
      j["measures_stopped"] = et.measures_stopped;
      j["measures"] = Json::array();
      for (const attacktree::MeasureValue& m : et.measures)
        j["measures"].push_back({{"ref", m.ref},
                                 {"cost", number(m.cost)},
                                 {"with", number(m.with)},
                                 {"without", number(m.without)},
                                 {"exact", m.exact},
                                 {"change", number(m.change)},
                                 {"per_cost", number(m.per_cost)}});
    }
    root["trees"].push_back(std::move(j));
  }
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string ranked_sets_csv(const std::vector<EvaluatedTree>& trees) {
  std::string out = "\xEF\xBB\xBFtree,ranking,rank,probability,cost,time,events\n";
  auto text = [](std::string_view s) { return csv_field(neutralise_formula(s)); };
  for (const EvaluatedTree& et : trees) {
    if (!et.evaluation.bdd) continue;
    for (const attacktree::RankedSets& r : et.evaluation.bdd->ranked) {
      for (std::size_t i = 0; i < r.sets.size(); ++i) {
        const attacktree::AttackSet& s = r.sets[i];
        std::string ids;
        for (const std::string& id : s.events)
          ids += (ids.empty() ? "" : " ") + id;
        out += fmt::format("{},{},{},{},{},{},{}\n", text(et.tree->id), attacktree::rank_name(r.by),
                           i + 1, csv_number(s.probability), csv_number(s.cost), csv_number(s.time),
                           text(ids));
      }
    }
  }
  return out;
}

}  // namespace icsrisk::report
