// The JSON view of `icsrisk diff` (diff/render.h).

#include <fmt/format.h>

#include "diff/render.h"
#include "report/json.h"

namespace icsrisk::diff {

namespace {

const char* change_id(Change c) {
  return c == Change::kAdded ? "added" : c == Change::kRemoved ? "removed" : "changed";
}

class Out {
 public:
  std::string text;
  /// `"key": ` after the separator of the previous member on the same line.
  Out& key(std::string_view k) {
    if (!first_) text += ", ";
    first_ = false;
    report::append_json_string(text, k);
    text += ": ";
    return *this;
  }
  Out& str(std::string_view v) {
    report::append_json_string(text, v);
    return *this;
  }
  Out& risk(const std::optional<Risk>& r) {
    text += r ? fmt::format("\"{}\"", *r) : std::string("null");
    return *this;
  }
  Out& boolean(bool b) {
    text += b ? "true" : "false";
    return *this;
  }
  /// The row's No. in its sheet, or null without the row.
  Out& row_number(const std::optional<AssetRow>& r) {
    text += r ? std::to_string(r->number) : std::string("null");
    return *this;
  }
  void open() { text += '{', first_ = true; }
  void close() { text += '}', first_ = false; }

 private:
  bool first_ = true;
};

/// `"name": [` then each item on its own line (written by `item`), then `]`.
template <typename Items, typename Item>
void list(Out& o, std::string_view name, const Items& items, Item item) {
  o.text += "\n  ";
  report::append_json_string(o.text, name);
  o.text += ": [";
  for (std::size_t i = 0; i < items.size(); ++i) {
    o.text += i ? ",\n    " : "\n    ";
    o.open();
    item(items[i]);
    o.close();
  }
  o.text += items.empty() ? "]" : "\n  ]";
}

void routes(Out& o, std::string_view name, const std::vector<RouteKey>& rs) {
  o.key(name);
  o.text += '[';
  for (std::size_t i = 0; i < rs.size(); ++i) {
    if (i) o.text += ", ";
    o.open();
    o.key("entry").str(rs[i].entry).key("assets");
    o.text += '[';
    for (std::size_t j = 0; j < rs[i].assets.size(); ++j) {
      if (j) o.text += ", ";
      o.str(rs[i].assets[j]);
    }
    o.text += ']';
    o.key("risk").risk(rs[i].risk);
    o.close();
  }
  o.text += ']';
}

void element(Out& o, const ElementChange& e) {
  o.key("change").str(change_id(e.change)).key("kind").str(element_kind_name(e.kind));
  o.key("id").str(e.id).key("name").str(e.name).key("attributes");
  o.text += '[';
  for (std::size_t i = 0; i < e.attributes.size(); ++i) {
    if (i) o.text += ", ";
    o.open();
    o.key("name").str(e.attributes[i].name).key("before").str(e.attributes[i].before);
    o.key("after").str(e.attributes[i].after);
    o.close();
  }
  o.text += ']';
}

void row(Out& o, const RowChange& r) {
  const AssetRow& x = r.after ? *r.after : *r.before;
  auto get = [](const std::optional<AssetRow>& a, Risk AssetRow::*m) {
    return a ? std::optional<Risk>((*a).*m) : std::nullopt;
  };
  o.key("change").str(change_id(r.change)).key("kind").str(x.kind).key("target").str(x.target);
  o.key("threat").str(x.threat).key("target_name").str(x.target_name);
  o.key("row_before").row_number(r.before);
  o.key("row_after").row_number(r.after);
  o.key("risk_before").risk(get(r.before, &AssetRow::risk));
  o.key("risk_after").risk(get(r.after, &AssetRow::risk));
  o.key("risk_planned_before").risk(get(r.before, &AssetRow::risk_planned));
  o.key("risk_planned_after").risk(get(r.after, &AssetRow::risk_planned));
  o.key("worse").boolean(r.worse).key("better").boolean(r.better);
}

void scenario(Out& o, const ScenarioChange& s) {
  const ScenarioRow& x = s.after ? *s.after : *s.before;
  auto get = [](const std::optional<ScenarioRow>& a, std::optional<Risk> ScenarioRow::*m) {
    return a ? (*a).*m : std::nullopt;
  };
  o.key("change").str(change_id(s.change)).key("impact").str(x.impact);
  o.key("scenario").str(x.scenario).key("scenario_name").str(x.name);
  o.key("present_before").boolean(s.before.has_value());
  o.key("present_after").boolean(s.after.has_value());
  o.key("risk_before").risk(get(s.before, &ScenarioRow::risk));
  o.key("risk_after").risk(get(s.after, &ScenarioRow::risk));
  o.key("risk_planned_before").risk(get(s.before, &ScenarioRow::risk_planned));
  o.key("risk_planned_after").risk(get(s.after, &ScenarioRow::risk_planned));
  o.key("worse").boolean(s.worse).key("better").boolean(s.better);
  routes(o, "new_routes", s.new_routes);
  routes(o, "lost_routes", s.lost_routes);
}

}  // namespace

std::string diff_json(const Comparison& c, const DiffLabels&) {
  Out o;
  o.text = "{\n  \"tool\": \"icsrisk\",\n  \"diff\": 1,\n  \"inputs\": ";
  o.str(c.models ? "models" : "results").text += ",\n  \"worse\": ";
  o.boolean(c.worse()).text += ',';
  if (c.models) {
    list(o, "model_changes", c.elements, [&](const ElementChange& e) { element(o, e); });
    o.text += ',';
  }
  list(o, "asset_rows", c.rows, [&](const RowChange& r) { row(o, r); });
  o.text += ',';
  list(o, "scenarios", c.scenarios, [&](const ScenarioChange& s) { scenario(o, s); });
  o.text += "\n}\n";
  return o.text;
}

}  // namespace icsrisk::diff
