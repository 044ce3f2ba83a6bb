#include "diff/render.h"

#include <fmt/format.h>

#include "diff/diff_words.h"
#include "report/html_text.h"
#include "report/markdown.h"
#include "report/text_table.h"

namespace icsrisk::diff {

namespace {

/// One part of the comparison as a table of text cells (model text unescaped).
struct Section {
  std::string title;
  std::string counts;  ///< "3 (worse 1, …)" or empty
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

const char* change_word(const DiffWords& w, Change c, bool worse, bool better) {
  if (c == Change::kAdded) return w.added.text;
  if (c == Change::kRemoved) return w.removed.text;
  if (worse && !better) return w.worse.text;
  if (better && !worse) return w.better.text;
  return w.changed.text;
}

std::string risk_text(const DiffWords& w, const std::optional<Risk>& r) {
  return r ? std::string(1, model::letter(*r)) : std::string(w.no_route.text);
}

/// "B → A", or "B" when it did not change; "–" stands for a side without the row.
template <typename Row, typename Get>
std::string risks(const std::optional<Row>& before, const std::optional<Row>& after, Get get) {
  std::string b = before ? get(*before) : "–", a = after ? get(*after) : "–";
  return b == a ? a : fmt::format("{} → {}", b, a);
}

Section model_section(const Comparison& c, const DiffWords& w) {
  Section s{w.model_changes, {}, {w.change, w.element, w.id, w.name, w.what}, {}};
  for (const ElementChange& e : c.elements) {
    std::string what;
    for (const AttributeChange& a : e.attributes)
      what += fmt::format("{}{}: {} → {}", what.empty() ? "" : "; ", a.name,
                          a.before.empty() ? "–" : a.before, a.after.empty() ? "–" : a.after);
    s.rows.push_back(
        {change_word(w, e.change, false, false), element_kind_name(e.kind), e.id, e.name, what});
  }
  s.counts = fmt::format("{}", s.rows.size());
  return s;
}

template <typename Changes>
std::string counts(const DiffWords& w, const Changes& changes) {
  std::size_t worse = 0, better = 0, added = 0, removed = 0;
  for (const auto& c : changes) {
    worse += c.worse;
    better += c.better;
    added += c.change == Change::kAdded;
    removed += c.change == Change::kRemoved;
  }
  return fmt::format(fmt::runtime(w.counts.view()), changes.size(), worse, better, added, removed);
}

Section row_section(const Comparison& c, const DiffWords& w) {
  Section s{w.asset_rows,
            counts(w, c.rows),
            {w.change, w.no, w.target, w.name, w.threat, w.risk, w.risk_planned},
            {}};
  for (const RowChange& r : c.rows) {
    const AssetRow& row = r.after ? *r.after : *r.before;
    auto risk = [](const AssetRow& x) { return std::string(1, model::letter(x.risk)); };
    auto planned = [](const AssetRow& x) { return std::string(1, model::letter(x.risk_planned)); };
    s.rows.push_back({change_word(w, r.change, r.worse, r.better), std::to_string(row.number),
                      fmt::format("{} {}", row.kind, row.target), row.target_name, row.threat,
                      risks(r.before, r.after, risk), risks(r.before, r.after, planned)});
  }
  return s;
}

Section scenario_section(const Comparison& c, const DiffWords& w) {
  Section s{w.scenarios,
            counts(w, c.scenarios),
            {w.change, w.scenario, w.name, w.risk, w.risk_planned, w.routes},
            {}};
  for (const ScenarioChange& sc : c.scenarios) {
    const ScenarioRow& row = sc.after ? *sc.after : *sc.before;
    std::string routes;
    for (const RouteKey& r : sc.new_routes)
      routes +=
          fmt::format("{}{} {} ({})", routes.empty() ? "" : "; ", w.new_route, r.text(), r.risk);
    for (const RouteKey& r : sc.lost_routes)
      routes +=
          fmt::format("{}{} {} ({})", routes.empty() ? "" : "; ", w.lost_route, r.text(), r.risk);
    s.rows.push_back(
        {change_word(w, sc.change, sc.worse, sc.better), row.scenario, row.name,
         risks(sc.before, sc.after, [&](const ScenarioRow& x) { return risk_text(w, x.risk); }),
         risks(sc.before, sc.after,
               [&](const ScenarioRow& x) { return risk_text(w, x.risk_planned); }),
         routes});
  }
  return s;
}

std::vector<Section> sections(const Comparison& c, const DiffWords& w) {
  std::vector<Section> out;
  if (c.models) out.push_back(model_section(c, w));
  out.push_back(row_section(c, w));
  out.push_back(scenario_section(c, w));
  return out;
}

std::string verdict(const Comparison& c, const DiffWords& w) {
  return c.worse() ? w.verdict_worse.text : w.verdict_same.text;
}

}  // namespace

std::string diff_text(const Comparison& c, const DiffLabels& labels) {
  const DiffWords& w = diff_words(labels.lang);
  std::string out = fmt::format("{}: {} → {}\n", w.title, labels.before, labels.after);
  if (!c.models) out += fmt::format("{}\n", w.results_only);
  for (const Section& s : sections(c, w)) {
    out += fmt::format("\n{}{}\n", s.title, s.counts.empty() ? "" : ": " + s.counts);
    if (s.rows.empty()) {
      out += fmt::format("  {}\n", w.no_change);
      continue;
    }
    report::TextTable t(s.header);
    for (const auto& row : s.rows)
      t.add(row);
    out += t.render();
  }
  out += fmt::format("\n{}\n", verdict(c, w));
  return out;
}

std::string diff_markdown(const Comparison& c, const DiffLabels& labels) {
  const DiffWords& w = diff_words(labels.lang);
  std::string out =
      fmt::format("# {}\n\n{} → {}\n", w.title, report::markdown_escape(labels.before),
                  report::markdown_escape(labels.after));
  if (!c.models) out += fmt::format("\n{}\n", w.results_only);
  for (const Section& s : sections(c, w)) {
    out += fmt::format("\n## {}{}\n\n", s.title, s.counts.empty() ? "" : ": " + s.counts);
    if (s.rows.empty()) {
      out += fmt::format("{}\n", w.no_change);
      continue;
    }
    out += fmt::format("| {} |\n|", fmt::join(s.header, " | "));
    for (std::size_t i = 0; i < s.header.size(); ++i)
      out += "---|";
    out += '\n';
    for (const auto& row : s.rows) {
      out += '|';
      for (const std::string& cell : row)
        out += fmt::format(" {} |", report::markdown_escape(cell));
      out += '\n';
    }
  }
  out += fmt::format("\n**{}**\n", verdict(c, w));
  return out;
}

std::string diff_html(const Comparison& c, const DiffLabels& labels) {
  const DiffWords& w = diff_words(labels.lang);
  using report::html_escape;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n"
      "<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}"
      "th,td{{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}}"
      "th{{background:#eee}}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{} → {}</p>\n",
      labels.lang == model::Lang::kEn ? "en" : "ja", w.title, w.title, html_escape(labels.before),
      html_escape(labels.after));
  if (!c.models) out += fmt::format("<p>{}</p>\n", w.results_only);
  for (const Section& s : sections(c, w)) {
    out += fmt::format("<h2>{}{}</h2>\n", s.title, s.counts.empty() ? "" : ": " + s.counts);
    if (s.rows.empty()) {
      out += fmt::format("<p>{}</p>\n", w.no_change);
      continue;
    }
    out += "<table>\n<tr>";
    for (const std::string& h : s.header)
      out += fmt::format("<th>{}</th>", html_escape(h));
    out += "</tr>\n";
    for (const auto& row : s.rows) {
      out += "<tr>";
      for (const std::string& cell : row)
        out += fmt::format("<td>{}</td>", html_escape(cell));
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  out += fmt::format("<p><strong>{}</strong></p>\n</body>\n</html>\n", verdict(c, w));
  return out;
}

}  // namespace icsrisk::diff
