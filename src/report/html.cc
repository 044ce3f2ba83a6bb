#include "report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/text.h"
#include "report/floor_note.h"
#include "report/html_chart.h"
#include "report/html_exec.h"
#include "report/html_figure.h"
#include "report/risk_colours.h"
#include "report/summary.h"
#include "report/words.h"
#include "report/zones_words.h"

namespace icsrisk {
namespace embedded {
extern const std::string_view kReportCss;  // src/report/html_assets/report.css
/// Sorting (click a header) and filtering (type in the box) of tables.sortable: plain DOM, no
/// external code (src/report/html_assets/report.js).
extern const std::string_view kReportJs;
}  // namespace embedded

namespace report {

using model::kNone;
using model::Lang;

namespace {

/// The page's style sheet (html_assets/report.css, embedded at build time) with the risk colours
/// of risk_colours.h in place of its @RISK_X@ marks.
std::string style_sheet() {
  std::string css(embedded::kReportCss);
  for (model::Risk r : model::kRisks) {
    const std::string mark = fmt::format("@RISK_{}@", r);
    for (std::size_t at = css.find(mark); at != std::string::npos; at = css.find(mark, at))
      css.replace(at, mark.size(), kRiskColours[model::index_of(r)]);
  }
  return css;
}

std::string risk_span(std::optional<model::Risk> r) {
  if (!r) return "<span class=\"risk risk-none\">–</span>";
  return fmt::format("<span class=\"risk risk-{0}\">{0}</span>", *r);
}

class Writer {
 public:
  Writer(const model::Model& m, const model::Profile& p, const risk::Results& r,
         const ReportSource& t, const HtmlDiagrams& d)
      : m_(m), p_(p), r_(r), t_(t), d_(d), w_(words(t.lang)), h_(w_.html) {}

  std::string run() {
    out_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n",
                        h_.lang_code);
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out_ += fmt::format("<title>{} — {}</title>\n", html_escape(m_.name), h_.title);
    out_ += fmt::format("<style>\n{}</style>\n</head>\n<body>\n", style_sheet());
    cover();
    out_ += "<main>\n";
    out_ += executive_summary_html(m_, p_, r_, t_.lang);
    toc();
    summary();
    diagrams();
    tables();
    scenarios();
    out_ += fmt::format("<footer><p>{} · {}</p><p>{}</p></footer>\n", h_.generated_by,
                        html_escape(t_.profile_line), h_.attribution);
    out_ += "</main>\n";
    out_ += fmt::format("<script>//<![CDATA[\n{}//]]></script>\n</body>\n</html>\n",
                        embedded::kReportJs);
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
    for (const TableSource& t : t_.tables)
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
      // Every such row, up to the report's row limit; past it the note says where the rest is.
      const std::size_t shown = std::min(improved.size(), kHtmlRowLimit);
      out_ += fmt::format("<p class=\"note\">{} ({})</p>\n", h_.planned_rows, improved.size());
      if (shown < improved.size())
        out_ += fmt::format("<p class=\"note cut\">{}</p>\n",
                            html_escape(fmt::format(fmt::runtime(h_.rows_cut.view()),
                                                    improved.size(), shown, "asset-risk")));
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
    out_ += figure(inner, id.substr(2));
  }

  /// A zoomable figure of `inner`, linked to diagrams/<stem>.svg when the folder holds it.
  std::string figure(const std::string& inner, const std::string& stem) const {
    return diagram_figure_html(inner, d_.svg_files ? fmt::format("diagrams/{}.svg", stem) : "",
                               t_.lang);
  }

  void diagrams() {
    out_ += fmt::format("<section class=\"chapter\" id=\"diagrams\"><h2>{}</h2>\n", h_.diagrams);
    if (!d_.zones_svg.empty()) diagram(zones_words(t_.lang).title.view(), "d-zones", d_.zones_svg);
    const char* suffix = d_.aggregated ? "-aggregated" : "";
    diagram(h_.system_view, fmt::format("d-system{}", suffix), d_.system_svg);
    diagram(h_.dataflow_view, fmt::format("d-dataflow{}", suffix), d_.dataflow_svg);
    out_ += "</section>\n";
  }

  void table(const TableSource& t) {
    const std::string id = "t-" + html_escape(t.id);
    // The body first: how many rows it shows (kHtmlRowLimit, extended to the end of a span that
    // the limit would cut) is known once they are made, and the note above the table says it.
    std::string body;
    std::size_t shown = std::min(t.row_count, kHtmlRowLimit), made = 0;
    t.produce(
        [&](std::size_t r, const std::vector<Cell>& row, const std::vector<TableSpan>& spans) {
          if (r >= shown) return false;
          for (const TableSpan& s : spans)
            shown = std::max(shown, s.row + s.rows);
          body_row(body, row);
          made = r + 1;
          return true;
        });
    shown = made;
    out_ += fmt::format("<h3 id=\"{}\">{}</h3>\n", id, html_escape(t.title));
    if (!t.note.empty()) out_ += fmt::format("<p class=\"note\">{}</p>\n", html_lines(t.note));
    if (shown < t.row_count)
      out_ += fmt::format(
          "<p class=\"note cut\">{}</p>\n",
          html_escape(fmt::format(fmt::runtime(h_.rows_cut.view()), t.row_count, shown, t.id)));
    out_ += fmt::format(
        "<input class=\"filter\" type=\"search\" placeholder=\"{}\" data-table=\"{}-table\" "
        "aria-label=\"{}\"/> <span class=\"note\"><span id=\"{}-table-count\">{}</span> {} · "
        "{}</span>\n",
        h_.filter, id, h_.filter, id, shown, h_.rows_shown, h_.sort_hint);
    out_ += fmt::format(
        "<div class=\"table-wrap\"><table class=\"sortable\" id=\"{}-table\"><thead>\n", id);
    table_header(t);
    out_ += "</thead><tbody>\n";
    out_ += body;
    out_ += "</tbody></table></div>\n";
  }

  void table_header(const TableHead& t) {
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
  }

  static void body_row(std::string& out, const std::vector<Cell>& row) {
    out += "<tr>";
    for (const Cell& cell : row) {
      switch (cell.kind) {
        case Cell::Kind::kRisk:
          out += fmt::format("<td class=\"risk risk-{0}\">{0}</td>", cell.risk);
          break;
        case Cell::Kind::kNumber:
          out += fmt::format("<td class=\"num\">{}</td>", cell.number);
          break;
        default:
          out += fmt::format("<td>{}</td>", html_lines(cell.text));
      }
    }
    out += "</tr>\n";
  }

  void tables() {
    out_ += fmt::format("<section class=\"chapter\" id=\"tables\"><h2>{}</h2>\n", h_.tables);
    for (const TableSource& t : t_.tables)
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
      if (std::string note = floor_note(m_, p_, s, t_.lang); !note.empty())
        out_ += fmt::format("<p class=\"note floor-note\">{}</p>\n", html_escape(note));
      const bool tree_svg = i < d_.scenario_tree_svgs.size() && !d_.scenario_tree_svgs[i].empty();
      const bool tree_note =
          i < d_.scenario_tree_notes.size() && !d_.scenario_tree_notes[i].empty();
      if (tree_svg || tree_note) out_ += fmt::format("<h4>{}</h4>\n", h_.tree);
      if (tree_note)
        out_ += fmt::format("<p class=\"note tree-note\">{}</p>\n",
                            html_escape(d_.scenario_tree_notes[i]));
      if (tree_svg) {
        const std::string stem = fmt::format("tree-{}", sc.id);
        out_ += figure(inline_svg(d_.scenario_tree_svgs[i], stem), stem);
      }
      out_ += fmt::format("<h4>{}</h4>\n", h_.routes);
      if (i < d_.scenario_route_svgs.size() && !s.routes.empty()) {
        const std::string stem = fmt::format("routes-{}", sc.id);
        out_ += figure(inline_svg(d_.scenario_route_svgs[i], stem), stem);
      }
      if (i < d_.scenario_quant_html.size()) out_ += d_.scenario_quant_html[i];
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
  const ReportSource& t_;
  const HtmlDiagrams& d_;
  const Words& w_;
  const Words::Html& h_;
  std::string out_;
};

}  // namespace

std::string html_report(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const Report& tables,
                        const HtmlDiagrams& diagrams) {
  const ReportSource sources = view_of(tables);
  return Writer(model, profile, results, sources, diagrams).run();
}

std::string html_report(const model::Model& model, const model::Profile& profile,
                        const risk::Results& results, const ReportSource& tables,
                        const HtmlDiagrams& diagrams) {
  return Writer(model, profile, results, tables, diagrams).run();
}

}  // namespace report
}  // namespace icsrisk
