// Reading results.json back (diff/snapshot.h): nlohmann's SAX parser over an iterator that
// records how far the parser has read, so each row and key is known by its file:line:col.

#include <iterator>

#include <fmt/format.h>

#include "diff/results_reader.h"

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

}  // namespace

namespace detail {

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

}  // namespace detail

std::optional<Snapshot> read_results_json(const core::SourceFile& file, core::Diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  const char* begin = file.text().data();
  const char* furthest = begin;
  detail::Reader reader(file, diags, &furthest);
  TrackingIterator first(begin, &furthest), last(begin + file.text().size(), &furthest);
  const bool parsed = detail::Json::sax_parse(first, last, &reader);
  reader.finish(parsed);
  if (diags.error_count() != errors) return std::nullopt;
  return std::move(reader.snapshot);
}

}  // namespace icsrisk::diff
