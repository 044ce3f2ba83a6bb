// Reading results.json back (diff/snapshot.h): nlohmann's SAX parser over an iterator that
// records how far the parser has read, so each row and key is known by its file:line:col.

#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diff/snapshot.h"

namespace icsrisk::diff {

namespace {

/// A character iterator that publishes the furthest position read: nlohmann's lexer reads
/// through it, so when a SAX event arrives the token that caused it ends there.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** furthest) : p_(p), furthest_(furthest) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *furthest_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }

 private:
  const char* p_;
  const char** furthest_;
};

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

Where Reader::where(std::size_t depth) const {
  auto under = [&](std::size_t i, const char* key) {
    return !stack_[i].array && stack_[i].key == key && stack_[i + 1].array;
  };
  if (stack_[0].array) return Where::kOther;
  if (depth == 1) return Where::kTop;
  if (depth == 2)
    return stack_[0].key == "system" && !stack_[1].array ? Where::kSystem : Where::kOther;
  if (stack_[depth - 1].array) return Where::kOther;
  if (depth == 3 && under(0, "asset_risks")) return Where::kAssetRow;
  if (!under(0, "scenario_risks")) return Where::kOther;
  if (depth == 3) return Where::kScenario;
  if (depth == 5 && under(2, "routes")) return Where::kRoute;
  if (depth == 7 && under(2, "routes") && under(4, "steps")) return Where::kStep;
  return Where::kOther;
}

bool Reader::open(bool array) {
  const core::Loc at = loc(offset() - 1);
  if (stack_.empty()) {
    root_object_ = !array;
  } else if (stack_.size() == 1) {
    top_value(nullptr, array);
  }
  stack_.push_back({array, {}, {}, at});
  switch (array ? Where::kOther : where(stack_.size())) {
    case Where::kAssetRow:
      row_ = {};
      row_.row.loc = at;
      row_.row.number = ++rows_seen_;
      break;
    case Where::kScenario:
      scenario_ = {};
      scenario_.row.loc = at;
      ++scenarios_seen_;
      break;
    case Where::kRoute:
      route_ = {};
      route_.loc = at;
      break;
    default:
      break;
  }
  return true;
}

bool Reader::close() {
  if (!stack_.back().array) {
    switch (where(stack_.size())) {
      case Where::kAssetRow:
        end_row();
        break;
      case Where::kScenario:
        end_scenario();
        break;
      case Where::kRoute:
        end_route();
        break;
      default:
        break;
    }
  }
  stack_.pop_back();
  return true;
}

bool Reader::scalar(const Scalar& v) {
  if (stack_.empty()) return true;  // a bare value: finish() reports it
  const std::string& key = stack_.back().key;
  switch (stack_.back().array ? Where::kOther : where(stack_.size())) {
    case Where::kTop:
      top_value(&v, false);
      break;
    case Where::kSystem:
      if (key == "id" && v.type == Scalar::Type::kString) snapshot.system_id = v.text;
      if (key == "name" && v.type == Scalar::Type::kString) snapshot.system_name = v.text;
      break;
    case Where::kAssetRow:
      row_value(key, v);
      break;
    case Where::kScenario:
      scenario_value(key, v);
      break;
    case Where::kRoute:
      route_value(key, v);
      break;
    case Where::kStep:
      if (key == "to" && v.type == Scalar::Type::kString) route_.route.assets.push_back(v.text);
      break;
    default:
      break;
  }
  return true;
}

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

}  // namespace

std::optional<Snapshot> read_results_json(const core::SourceFile& file, core::Diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  const char* begin = file.text().data();
  const char* furthest = begin;
  Reader reader(file, diags, &furthest);
  TrackingIterator first(begin, &furthest), last(begin + file.text().size(), &furthest);
  const bool parsed = Json::sax_parse(first, last, &reader);
  reader.finish(parsed);
  if (diags.error_count() != errors) return std::nullopt;
  return std::move(reader.snapshot);
}

}  // namespace icsrisk::diff
