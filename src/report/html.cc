#include "report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/text.h"
#include "report/summary.h"
#include "report/words.h"

namespace icsrisk::report {

using model::kNone;
using model::Lang;

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    if (const char* entity = core::markup_entity(c, core::Entities::kQuotes)) {
      out += entity;
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
      // Control characters (other than tab and newline) have no place in HTML text.
      out += "\xEF\xBF\xBD";  // U+FFFD, visibly "something was here"
    } else {
      out += c;
    }
  }
  return out;
}

std::string inline_svg(std::string_view svg, std::string_view prefix) {
  std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  std::size_t end = svg.rfind("</svg>");
  if (end == std::string_view::npos || end < start) return {};
  std::string_view body = svg.substr(start, end + 6 - start);
  if (prefix.empty()) return std::string(body);
  std::string out;
  out.reserve(body.size() + body.size() / 16);
  const std::string tagged = std::string(prefix) + "-";
  for (std::size_t i = 0; i < body.size();) {
    bool matched = false;
    for (std::string_view key :
         {std::string_view(" id=\""), std::string_view("url(#"), std::string_view("href=\"#")}) {
      if (body.compare(i, key.size(), key) == 0) {
        out += key;
        out += tagged;
        i += key.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += body[i++];
  }
  return out;
}

namespace {

constexpr std::array<const char*, 5> kRiskColours = {"#c62828", "#ef6c00", "#f9a825", "#7cb342",
                                                     "#2e7d32"};

const char* kStyle = R"css(
:root{--ink:#1d2733;--muted:#5b6775;--line:#d5dbe2;--head:#eef2f6;--accent:#1f4e79}
*{box-sizing:border-box}
body{margin:0;font-family:"IPAexGothic","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;color:var(--ink);font-size:14px;line-height:1.5;background:#fff}
header.cover{background:var(--accent);color:#fff;padding:28px 40px}
header.cover h1{margin:0 0 6px;font-size:26px}
header.cover p{margin:2px 0;opacity:.92}
main{padding:8px 40px 40px;max-width:1500px}
h2{border-bottom:3px solid var(--accent);padding-bottom:4px;margin-top:36px;font-size:20px}
h3{margin-top:24px;font-size:16px;color:var(--accent)}
nav.toc ol{columns:2;margin:8px 0 0}
.cards{display:flex;flex-wrap:wrap;gap:24px}
.card{border:1px solid var(--line);border-radius:6px;padding:12px 16px;background:#fafbfc}
.note{color:var(--muted);font-size:12.5px}
table{border-collapse:collapse;margin:8px 0 4px;font-size:12.5px}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
th{background:var(--head);font-weight:600}
th.sortable{cursor:pointer}
th.sortable:after{content:" \2195";color:#9aa5b1;font-size:10px}
td.num{text-align:right}
td.risk{text-align:center;font-weight:700;color:#fff}
td.risk-A{background:#c62828}td.risk-B{background:#ef6c00}td.risk-C{background:#f9a825;color:#1d2733}
td.risk-D{background:#7cb342}td.risk-E{background:#2e7d32}
span.risk{display:inline-block;min-width:1.6em;text-align:center;font-weight:700;color:#fff;border-radius:3px;padding:0 4px}
span.risk-A{background:#c62828}span.risk-B{background:#ef6c00}span.risk-C{background:#f9a825;color:#1d2733}
span.risk-D{background:#7cb342}span.risk-E{background:#2e7d32}span.risk-none{background:#9aa5b1}
.table-wrap{overflow-x:auto;max-width:100%}
.diagram{overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;max-height:900px;background:#fff}
.diagram svg{max-width:none;height:auto}
input.filter{margin:6px 0;padding:4px 8px;width:280px;border:1px solid var(--line);border-radius:4px}
ol.routes li{margin-bottom:6px}
ol.steps{margin:2px 0 0 0;padding-left:20px;list-style:none}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);margin-top:40px;padding-top:8px}
@media print{
  header.cover{background:none;color:var(--ink);border-bottom:3px solid var(--accent)}
  input.filter,nav.toc{display:none}
  main{padding:0 12px;max-width:none}
  section.chapter{break-before:page}
  .diagram{max-height:none;overflow:visible;border:none}
  .diagram svg{max-width:100%}
  table{font-size:9.5px}
  th.sortable:after{content:""}
  td.risk,span.risk{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

// Sorting (click a header) and filtering (type in the box) of tables.sortable. Plain DOM,
// no external code; numbers sort numerically, everything else by text.
const char* kScript = R"js(
(function(){
  function cellValue(row, i){
    var c = row.cells[i]; if(!c) return "";
    var v = c.getAttribute("data-sort"); return v !== null ? v : c.textContent;
  }
  document.querySelectorAll("table.sortable").forEach(function(table){
    var body = table.tBodies[0]; if(!body) return;
    table.querySelectorAll("th[data-col]").forEach(function(th){
      th.classList.add("sortable");
      th.addEventListener("click", function(){
        var i = parseInt(th.getAttribute("data-col"), 10);
        var asc = th.getAttribute("data-dir") !== "asc";
        table.querySelectorAll("th[data-col]").forEach(function(o){ o.removeAttribute("data-dir"); });
        th.setAttribute("data-dir", asc ? "asc" : "desc");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function(a, b){
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x), ny = parseFloat(y);
          var r = (!isNaN(nx) && !isNaN(ny) && String(nx) === x.trim() && String(ny) === y.trim())
              ? nx - ny : x.localeCompare(y, "ja");
          return asc ? r : -r;
        });
        rows.forEach(function(r){ body.appendChild(r); });
      });
    });
  });
  document.querySelectorAll("input.filter").forEach(function(input){
    var table = document.getElementById(input.getAttribute("data-table"));
    var count = document.getElementById(input.getAttribute("data-table") + "-count");
    input.addEventListener("input", function(){
      var q = input.value.toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function(r){
        var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
        r.style.display = hit ? "" : "none"; if(hit) shown++;
      });
      if(count) count.textContent = shown;
    });
  });
})();
)js";

std::string risk_span(std::optional<model::Risk> r) {
  if (!r) return "<span class=\"risk risk-none\">–</span>";
  return fmt::format("<span class=\"risk risk-{0}\">{0}</span>", *r);
}

/// Text with line breaks kept.
std::string html_lines(std::string_view text) {
  std::string e = html_escape(text);
  std::string out;
  out.reserve(e.size());
  for (char c : e) {
    if (c == '\n')
      out += "<br/>";
    else
      out += c;
  }
  return out;
}

/// A grouped bar chart of risk counts A–E: one bar per series per letter.
std::string risk_chart(
    const std::vector<std::pair<std::string, std::array<std::size_t, 5>>>& series,
    const std::string& title) {
  std::size_t max = 1;
  for (const auto& s : series)
    for (std::size_t v : s.second)
      max = std::max(max, v);
  const int bar = 22, gap = 4, group_gap = 18, height = 150, top = 44, left = 34;
  const int group_w = static_cast<int>(series.size()) * (bar + gap) + group_gap;
  const int width = left + 5 * group_w + 10;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\" font-size=\"11\">",
      width, height + top + 40, html_escape(title));
  out += fmt::format("<text x=\"{}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{}</text>",
                     left, html_escape(title));
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#5b6775\"/>",
                     left - 4, top + height, width - 6);
  for (int l = 0; l < 5; ++l) {
    int gx = left + l * group_w;
    for (std::size_t s = 0; s < series.size(); ++s) {
      std::size_t v = series[s].second[static_cast<std::size_t>(l)];
      int h = static_cast<int>(static_cast<double>(v) * height / static_cast<double>(max) + 0.5);
      int x = gx + static_cast<int>(s) * (bar + gap);
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"{}\">"
          "<title>{} {}: {}</title></rect>",
          x, top + height - h, bar, h, kRiskColours[static_cast<std::size_t>(l)],
          s == 0 ? "1" : "0.45", static_cast<char>('A' + l), html_escape(series[s].first), v);
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x + bar / 2,
                         top + height - h - 3, v);
    }
    out +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
                    gx + static_cast<int>(series.size()) * (bar + gap) / 2, top + height + 15,
                    static_cast<char>('A' + l));
  }
  // Legend (when there are two series: now / after).
  if (series.size() > 1) {
    int y = top + height + 32;
    int x = left;
    for (std::size_t s = 0; s < series.size(); ++s) {
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"10\" fill=\"#5b6775\" "
          "fill-opacity=\"{}\"/>"
          "<text x=\"{}\" y=\"{}\">{}</text>",
          x, y - 9, s == 0 ? "1" : "0.45", x + 16, y, html_escape(series[s].first));
      x += 180;
    }
  }
  out += "</svg>";
  return out;
}

class Writer {
 public:
  Writer(const model::Model& m, const model::Profile& p, const risk::Results& r, const Report& t,
         const HtmlDiagrams& d)
      : m_(m), p_(p), r_(r), t_(t), d_(d), w_(words(t.lang)), h_(w_.html) {}

  std::string run() {
    out_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n",
                        h_.lang_code);
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out_ += fmt::format("<title>{} — {}</title>\n", html_escape(m_.name), h_.title);
    out_ += fmt::format("<style>{}</style>\n</head>\n<body>\n", kStyle);
    cover();
    out_ += "<main>\n";
    toc();
    summary();
    diagrams();
    tables();
    scenarios();
    out_ += fmt::format("<footer><p>{} · {}</p><p>{}</p></footer>\n", h_.generated_by,
                        html_escape(t_.profile_line), h_.attribution);
    out_ += "</main>\n";
    out_ += fmt::format("<script>//<![CDATA[{}//]]></script>\n</body>\n</html>\n", kScript);
    return std::move(out_);
  }

 private:
  void cover() {
    out_ += "<header class=\"cover\">\n";
    out_ += fmt::format("<h1>{}</h1>\n", h_.title);
    out_ +=
        fmt::format("<p><strong>{}</strong> ({})</p>\n", html_escape(m_.name), html_escape(m_.id));
    if (!m_.description.empty()) out_ += fmt::format("<p>{}</p>\n", html_lines(m_.description));
    out_ += fmt::format("<p>{}</p>\n", html_escape(t_.profile_line));
    out_ += "</header>\n";
  }

  void toc() {
    out_ += fmt::format("<nav class=\"toc\"><strong>{}</strong><ol>", h_.toc);
    out_ += fmt::format("<li><a href=\"#summary\">{}</a></li>", h_.summary);
    out_ += fmt::format("<li><a href=\"#diagrams\">{}</a></li>", h_.diagrams);
    for (const Table& t : t_.tables)
      out_ +=
          fmt::format("<li><a href=\"#t-{}\">{}</a></li>", html_escape(t.id), html_escape(t.title));
    out_ += fmt::format("<li><a href=\"#scenarios\">{}</a></li>", h_.scenarios);
    out_ += "</ol></nav>\n";
  }

  void summary() {
    out_ += fmt::format("<section id=\"summary\"><h2>{}</h2>\n", h_.summary);
    out_ += fmt::format("<h3>{}</h3>\n<div class=\"cards\">\n", h_.distribution);
    out_ += "<div class=\"card\">" +
            risk_chart(
                {{h_.now.text, r_.summary.asset_counts},
                 {h_.after.text, r_.summary.asset_counts_planned}},
                fmt::format("{} ({} {})", h_.asset_analysis, r_.asset_risks.size(), w_.rows_unit)) +
            "</div>\n";
    out_ += "<div class=\"card\">" +
            risk_chart({{h_.now.text, r_.summary.scenario_counts},
                        {h_.after.text, r_.summary.scenario_counts_planned}},
                       fmt::format("{} ({} {})", h_.scenario_analysis, r_.scenario_risks.size(),
                                   w_.scenarios_unit)) +
            "</div>\n</div>\n";
    highest();
    ranked();
    planned_effect();
    out_ += "</section>\n";
  }

  std::string asset_row_cells(std::size_t i) {
    const risk::AssetRiskRow& row = r_.asset_risks[i];
    return fmt::format(
        "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        i + 1, html_escape(row_target_name(m_, row)), row.importance,
        html_escape(p_.threats[row.threat].name.in(t_.lang)), row.threat_level,
        row.countermeasure_level, row.vulnerability_level);
  }

  std::string asset_row_header() {
    return fmt::format(
        "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>", w_.no,
        w_.target, w_.importance, w_.threat, w_.threat_level, w_.cm_level, w_.vuln_level);
  }

  void highest() {
    std::vector<std::size_t> top = top_asset_rows(r_, 10);
    out_ += fmt::format("<h3>{}</h3>\n", h_.highest);
    if (top.empty()) return;
    out_ += "<div class=\"table-wrap\"><table><thead><tr>" + asset_row_header() +
            fmt::format("<th>{}</th><th>{}</th></tr></thead><tbody>\n", w_.risk, h_.after);
    for (std::size_t i : top) {
      const risk::AssetRiskRow& row = r_.asset_risks[i];
      out_ += "<tr>" + asset_row_cells(i) +
              fmt::format(
                  "<td class=\"risk risk-{0}\">{0}</td><td class=\"risk risk-{1}\">{1}</td></tr>\n",
                  row.risk, row.risk_planned);
    }
    out_ += "</tbody></table></div>\n";
  }

  const model::Scenario& scenario_of(const risk::ScenarioRisk& s) const {
    return m_.impacts[s.impact].scenarios[s.scenario];
  }

  void ranked() {
    out_ += fmt::format("<h3>{}</h3>\n", h_.ranked);
    if (r_.scenario_risks.empty()) return;
    out_ += fmt::format(
        "<div class=\"table-wrap\"><table><thead><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        w_.impact_group, w_.impact_level, w_.scenario, w_.scenario_risk, h_.scenario_after,
        h_.routes_count);
    std::size_t rank = 0;
    for (std::size_t i : ranked_scenarios(r_)) {
      const risk::ScenarioRisk& s = r_.scenario_risks[i];
      const model::Impact& imp = m_.impacts[s.impact];
      out_ += fmt::format(
          "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td><a "
          "href=\"#s-{}\">{}</a></td>"
          "<td>{}</td><td>{}</td><td class=\"num\">{}{}</td></tr>\n",
          ++rank, html_escape(imp.name), s.impact_level, html_escape(scenario_of(s).id),
          html_escape(scenario_of(s).name), risk_span(s.risk), risk_span(s.risk_planned),
          s.routes_total, s.routes_total_exact ? "" : "+");
    }
    out_ += "</tbody></table></div>\n";
  }

  void planned_effect() {
    out_ += fmt::format("<h3>{}</h3>\n", h_.planned_effect);
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> moves;  // by index_of, A first
    std::vector<std::size_t> improved;
    for (std::size_t i = 0; i < r_.asset_risks.size(); ++i) {
      const risk::AssetRiskRow& row = r_.asset_risks[i];
      if (row.risk_planned != row.risk) {
        ++moves[{model::index_of(row.risk), model::index_of(row.risk_planned)}];
        improved.push_back(i);
      }
    }
    bool scenario_change =
        std::any_of(r_.scenario_risks.begin(), r_.scenario_risks.end(),
                    [](const risk::ScenarioRisk& s) { return s.risk != s.risk_planned; });
    if (improved.empty() && !scenario_change) {
      out_ += fmt::format("<p>{}</p>\n", h_.planned_none);
      return;
    }
    if (!moves.empty()) {
      out_ += "<p>";
      bool first = true;
      for (const auto& [k, n] : moves) {
        out_ += fmt::format("{}{} → {} : {}", first ? "" : " · ", risk_span(model::kRisks[k.first]),
                            risk_span(model::kRisks[k.second]), n);
        first = false;
      }
      out_ += "</p>\n";
    }
    if (!improved.empty()) {
      std::stable_sort(improved.begin(), improved.end(), [&](std::size_t a, std::size_t b) {
        return worse_than(r_.asset_risks[a].risk, r_.asset_risks[b].risk);
      });
      const std::size_t shown = std::min<std::size_t>(improved.size(), 15);
      out_ += fmt::format("<p class=\"note\">{} ({} / {})</p>\n", h_.planned_rows, shown,
                          improved.size());
      out_ += "<div class=\"table-wrap\"><table><thead><tr>" + asset_row_header() +
              fmt::format("<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n", w_.risk,
                          h_.after, w_.planned_measures);
      for (std::size_t k = 0; k < shown; ++k) {
        std::size_t i = improved[k];
        const risk::AssetRiskRow& row = r_.asset_risks[i];
        std::string names;
        for (std::size_t c : row.planned) {
          if (!names.empty()) names += "<br/>";
          names += html_escape(p_.countermeasures[c].name.in(t_.lang));
        }
        out_ += "<tr>" + asset_row_cells(i) +
                fmt::format(
                    "<td class=\"risk risk-{0}\">{0}</td><td class=\"risk "
                    "risk-{1}\">{1}</td><td>{2}</td></tr>\n",
                    row.risk, row.risk_planned, names);
      }
      out_ += "</tbody></table></div>\n";
    }
  }

  void diagram(std::string_view title, const std::string& id, const std::string& svg) {
    out_ += fmt::format("<h3 id=\"{}\">{}</h3>\n", id, title);
    std::string inner = inline_svg(svg, id);
    if (inner.empty()) {
      out_ += fmt::format("<p class=\"note\">{}</p>\n", h_.no_diagram);
      return;
    }
    out_ += "<div class=\"diagram\">" + inner + "</div>\n";
  }

  void diagrams() {
    out_ += fmt::format("<section class=\"chapter\" id=\"diagrams\"><h2>{}</h2>\n", h_.diagrams);
    diagram(h_.system_view, "d-system", d_.system_svg);
    diagram(h_.dataflow_view, "d-dataflow", d_.dataflow_svg);
    out_ += "</section>\n";
  }

  void table(const Table& t) {
    const std::string id = "t-" + html_escape(t.id);
    out_ += fmt::format("<h3 id=\"{}\">{}</h3>\n", id, html_escape(t.title));
    if (!t.note.empty()) out_ += fmt::format("<p class=\"note\">{}</p>\n", html_lines(t.note));
    const std::size_t shown = shown_rows(t);
    if (shown < t.rows.size())
      out_ += fmt::format(
          "<p class=\"note cut\">{}</p>\n",
          html_escape(fmt::format(fmt::runtime(h_.rows_cut.view()), t.rows.size(), shown, t.id)));
    out_ += fmt::format(
        "<input class=\"filter\" type=\"search\" placeholder=\"{}\" data-table=\"{}-table\" "
        "aria-label=\"{}\"/> <span class=\"note\"><span id=\"{}-table-count\">{}</span> {} · "
        "{}</span>\n",
        h_.filter, id, h_.filter, id, shown, h_.rows_shown, h_.sort_hint);
    out_ += fmt::format(
        "<div class=\"table-wrap\"><table class=\"sortable\" id=\"{}-table\"><thead>\n", id);
    const std::size_t n = t.columns.size();
    if (t.grouped()) {
      out_ += "<tr>";
      for (std::size_t c = 0; c < n;) {
        const Column& col = t.columns[c];
        if (col.group.empty()) {
          out_ += fmt::format("<th rowspan=\"2\" data-col=\"{}\">{}</th>", c, html_lines(col.name));
          ++c;
          continue;
        }
        std::size_t span = 1;
        while (c + span < n && t.columns[c + span].group == col.group)
          ++span;
        out_ += fmt::format("<th colspan=\"{}\">{}</th>", span, html_lines(col.group));
        c += span;
      }
      out_ += "</tr>\n<tr>";
      for (std::size_t c = 0; c < n; ++c)
        if (!t.columns[c].group.empty())
          out_ += fmt::format("<th data-col=\"{}\">{}</th>", c, html_lines(t.columns[c].name));
      out_ += "</tr>\n";
    } else {
      out_ += "<tr>";
      for (std::size_t c = 0; c < n; ++c)
        out_ += fmt::format("<th data-col=\"{}\">{}</th>", c, html_lines(t.columns[c].name));
      out_ += "</tr>\n";
    }
    out_ += "</thead><tbody>\n";
    for (std::size_t r = 0; r < shown; ++r) {
      const std::vector<Cell>& row = t.rows[r];
      out_ += "<tr>";
      for (const Cell& cell : row) {
        switch (cell.kind) {
          case Cell::Kind::kRisk:
            out_ += fmt::format("<td class=\"risk risk-{0}\">{0}</td>", cell.risk);
            break;
          case Cell::Kind::kNumber:
            out_ += fmt::format("<td class=\"num\">{}</td>", cell.number);
            break;
          default:
            out_ += fmt::format("<td>{}</td>", html_lines(cell.text));
        }
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody></table></div>\n";
  }

  /// How many rows of `t` the HTML shows: all, or kHtmlRowLimit extended to the end of a span
  /// (a route's steps) that the limit would cut.
  static std::size_t shown_rows(const Table& t) {
    std::size_t shown = std::min(t.rows.size(), kHtmlRowLimit);
    for (const Table::Span& s : t.spans)
      if (s.row < shown && s.row + s.rows > shown) shown = s.row + s.rows;
    return std::min(shown, t.rows.size());
  }

  void tables() {
    out_ += fmt::format("<section class=\"chapter\" id=\"tables\"><h2>{}</h2>\n", h_.tables);
    for (const Table& t : t_.tables)
      table(t);
    out_ += "</section>\n";
  }

  std::string asset_label(std::size_t a) const {
    return a == kNone ? std::string(w_.attacker) : std::string(m_.assets[a].name);
  }

  void scenarios() {
    out_ += fmt::format("<section class=\"chapter\" id=\"scenarios\"><h2>{}</h2>\n", h_.scenarios);
    for (std::size_t i = 0; i < r_.scenario_risks.size(); ++i) {
      const risk::ScenarioRisk& s = r_.scenario_risks[i];
      const model::Scenario& sc = scenario_of(s);
      const model::Impact& imp = m_.impacts[s.impact];
      out_ += fmt::format("<h3 id=\"s-{}\">{} {} — {}</h3>\n", html_escape(sc.id),
                          risk_span(s.risk), html_escape(sc.name), html_escape(imp.name));
      out_ += fmt::format(
          "<p>{}: {} · {}: {} · {}: {} · {}: {}{}</p>\n", w_.impact_level, s.impact_level,
          w_.target, html_escape(asset_label(sc.target_index)), w_.threat,
          html_escape(sc.attack_index == kNone ? sc.attack
                                               : p_.threats[sc.attack_index].name.in(t_.lang)),
          h_.routes_count, s.routes_total,
          s.routes_total_exact ? "" : fmt::format(" {}", h_.lower_bound));
      if (!sc.description.empty()) out_ += fmt::format("<p>{}</p>\n", html_lines(sc.description));
      const bool tree_svg = i < d_.scenario_tree_svgs.size() && !d_.scenario_tree_svgs[i].empty();
      const bool tree_note =
          i < d_.scenario_tree_notes.size() && !d_.scenario_tree_notes[i].empty();
      if (tree_svg || tree_note) out_ += fmt::format("<h4>{}</h4>\n", h_.tree);
      if (tree_note)
        out_ += fmt::format("<p class=\"note tree-note\">{}</p>\n",
                            html_escape(d_.scenario_tree_notes[i]));
      if (tree_svg) {
        std::string inner = inline_svg(d_.scenario_tree_svgs[i], fmt::format("tree-{}", sc.id));
        if (!inner.empty()) out_ += "<div class=\"diagram\">" + inner + "</div>\n";
      }
      out_ += fmt::format("<h4>{}</h4>\n", h_.routes);
      if (i < d_.scenario_route_svgs.size() && !s.routes.empty()) {
        std::string inner = inline_svg(d_.scenario_route_svgs[i], fmt::format("routes-{}", sc.id));
        if (!inner.empty()) out_ += "<div class=\"diagram\">" + inner + "</div>\n";
      }
      if (s.routes.empty()) {
        out_ += fmt::format("<p>{}</p>\n", h_.no_routes);
        continue;
      }
      out_ += fmt::format("<p class=\"note\">{}</p>\n<ol class=\"routes\">\n", h_.first_route_note);
      for (const risk::Route& route : s.routes) {
        const model::Entry& e = m_.entries[route.entry];
        out_ += fmt::format(
            "<li>{} <strong>{}</strong> — {} {}, {} {}, {} {}, {} {}\n<ol class=\"steps\">",
            risk_span(route.risk), html_escape(e.name), h_.threat, route.threat_level, h_.level,
            route.countermeasure_level, h_.vuln, route.vulnerability_level, h_.hops,
            route.steps.size());
        for (const risk::Step& st : route.steps) {
          std::string via;
          for (std::size_t v : st.via)
            via += fmt::format("{}{}", via.empty() ? "" : ", ", m_.assets[v].name);
          out_ += fmt::format("<li>{} → {} : {}{} <span class=\"note\">({} {})</span></li>",
                              html_escape(asset_label(st.from)), html_escape(asset_label(st.to)),
                              html_escape(p_.threats[st.method].name.in(t_.lang)),
                              via.empty() ? "" : fmt::format(" [{} {}]", w_.via, html_escape(via)),
                              h_.level, st.countermeasure_level);
        }
        out_ += "</ol></li>\n";
      }
      out_ += "</ol>\n";
      if (s.truncated)
        out_ += fmt::format("<p class=\"note\">{}: {} / {}{}</p>\n", w_.routes_listed,
                            s.routes.size(), s.routes_total, s.routes_total_exact ? "" : "+");
    }
    out_ += "</section>\n";
  }

  const model::Model& m_;
  const model::Profile& p_;
  const risk::Results& r_;
  const Report& t_;
  const HtmlDiagrams& d_;
  const Words& w_;
  const Words::Html& h_;
  std::string out_;
};

}  // namespace

std::string html_report(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const Report& tables,
                        const HtmlDiagrams& diagrams) {
  return Writer(model, profile, results, tables, diagrams).run();
}

}  // namespace icsrisk::report
