#pragma once
// Internal to src/diff: the SAX handler that reads results.json (diff/snapshot.h,
// read_results_json). results_reader.cc follows the document's structure; results_fields.cc
// checks and keeps the values of each row.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "diff/snapshot.h"

namespace icsrisk::diff::detail {

/// Where a row of the file is read (the element's path below the root).
enum class Where { kOther, kTop, kSystem, kAssetRow, kScenario, kRoute, kStep };

struct Scalar {
  enum class Type { kNull, kBool, kNumber, kString } type = Type::kNull;
  std::string text;
  double number = 0;
};

// Which keys an object of the file had (valid or not), and whether one was invalid (already
// reported): an object with a missing key is reported once, with every key it lacks.
struct PendingRow {
  AssetRow row;
  bool kind = false, target = false, threat = false, risk = false, planned = false;
  bool invalid = false;
};

struct PendingScenario {
  ScenarioRow row;
  bool scenario = false, risk = false, planned = false;
  bool invalid = false;
};

struct PendingRoute {
  RouteKey route;
  bool entry = false, risk = false;
  bool invalid = false;
  core::Loc loc;
};

using Json = nlohmann::json;

/// The handler: events in document order; `furthest` is where the lexer has read to.
class Reader : public nlohmann::json_sax<Json> {
 public:
  Reader(const core::SourceFile& f, core::Diagnostics& d, const char** furthest)
      : file_(f), diags_(d), furthest_(furthest) {}

  bool null() override { return scalar({}); }
  bool boolean(bool) override { return scalar({Scalar::Type::kBool, {}, 0}); }
  bool number_integer(number_integer_t v) override {
    return scalar({Scalar::Type::kNumber, {}, static_cast<double>(v)});
  }
  bool number_unsigned(number_unsigned_t v) override {
    return scalar({Scalar::Type::kNumber, {}, static_cast<double>(v)});
  }
  bool number_float(number_float_t v, const string_t&) override {
    return scalar({Scalar::Type::kNumber, {}, v});
  }
  bool string(string_t& v) override { return scalar({Scalar::Type::kString, std::move(v), 0}); }
  bool binary(binary_t&) override { return scalar({}); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    Frame& f = stack_.back();
    f.key = std::move(k);
    f.key_loc = loc(token_start(offset()));
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    std::size_t colon = what.find(": ", what.find("column"));
    diags_.error(loc(position ? position - 1 : 0),
                 fmt::format("not valid JSON: {}",
                             colon == std::string::npos ? what : what.substr(colon + 2)));
    return false;
  }

  /// The snapshot after a parse: problems of the whole file are reported here.
  void finish(bool parsed);
  Snapshot snapshot;

 private:
  struct Frame {
    bool array = false;
    std::string key;  ///< the current key (objects)
    core::Loc key_loc;
    core::Loc loc;  ///< the `{` or `[`
  };

  std::size_t offset() const { return static_cast<std::size_t>(*furthest_ - file_.text().data()); }
  core::Loc loc(std::size_t offset) const { return {&file_, offset}; }
  /// The start of the string token that ends just before `end` (a key).
  std::size_t token_start(std::size_t end) const {
    const std::string& t = file_.text();
    std::size_t i = end >= 2 ? end - 2 : 0;
    while (i > 0 && !(t[i] == '"' && t[i - 1] != '\\'))
      --i;
    return i;
  }
  Where where(std::size_t depth) const;
  bool open(bool array);
  bool close();
  bool scalar(const Scalar& v);
  void top_value(const Scalar* v, bool array);
  void row_value(const std::string& key, const Scalar& v);
  void scenario_value(const std::string& key, const Scalar& v);
  void route_value(const std::string& key, const Scalar& v);
  void end_row();
  void end_scenario();
  void end_route();
  void expect_string(const Scalar& v, std::string& out, bool& seen);
  bool expect_risk(const Scalar& v, Risk& out);
  bool expect_risk_or_null(const Scalar& v, std::optional<Risk>& out);
  void type_error(std::string_view what);

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
  const char** furthest_;
  std::vector<Frame> stack_;
  bool root_object_ = false, tool_ = false, wrong_tool_ = false, format_ = false;
  bool asset_risks_ = false, scenario_risks_ = false;
  std::size_t rows_seen_ = 0, scenarios_seen_ = 0;
  PendingRow row_;
  PendingScenario scenario_;
  PendingRoute route_;
};

}  // namespace icsrisk::diff::detail
