#pragma once
// Internal to src/report: the two risk sheets and the helpers the table builders share.

#include <string>
#include <vector>

#include "report/tables.h"

namespace icsrisk::report {

/// 資産ベースのリスク分析シート from the asset rows (method.md §6), one row per result row.
TableSource asset_risk_source(const model::Model& m, const model::Profile& p,
                              const risk::Results& results, model::Lang lang);
/// 事業被害ベースのリスク分析シート from the scenario results (method.md §7): one row per step
/// of each listed route (one for a scenario without route); a scenario's spans are announced
/// on its first row after those of its first route.
TableSource impact_risk_source(const model::Model& m, const model::Profile& p,
                               const risk::Results& results, model::Lang lang);
/// The sheet's rows of one scenario: one per step of each listed route, or one without routes.
std::size_t impact_rows_of(const risk::ScenarioRisk& s);

std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// Names of profile measures (catalogue order kept), one per line.
std::string measure_names(const model::Profile& p, const std::vector<std::size_t>& measures,
                          model::Lang lang);
/// An asset's name, with "×N" for a group (count > 1).
std::string group_name(const model::Asset& a);

/// Collects a streamed document's text and hands it to a sink in pieces of about 1 MiB (the
/// rest when destroyed).
class TextChunks {
 public:
  explicit TextChunks(const TextSink& sink) : sink_(sink) {}
  ~TextChunks() { flush(); }
  TextChunks(const TextChunks&) = delete;
  TextChunks& operator=(const TextChunks&) = delete;
  std::string& text() { return out_; }
  void maybe_flush() {
    if (out_.size() >= (std::size_t{1} << 20)) flush();
  }
  void flush() {
    if (!out_.empty()) sink_(out_);
    out_.clear();
  }

 private:
  const TextSink& sink_;
  std::string out_;
};

}  // namespace icsrisk::report
