#include "assessment/documents.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "core/forked_child.h"
#include "report/csv.h"
#include "report/diagram_budget.h"
#include "report/html.h"
#include "report/html_quant.h"
#include "report/json.h"
#include "report/markdown.h"
#include "report/quant_tables.h"
#include "report/render.h"
#include "report/render_pool.h"
#include "report/words.h"
#include "report/xlsx.h"

namespace icsrisk::assessment {

namespace fs = std::filesystem;

namespace {

core::Status write_text(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return core::Error{fmt::format("cannot write '{}'", path.string())};
  return core::Ok{};
}

/// Lays out every diagram to be drawn (SVG, and PNG when `png`), in forked workers on every core
/// (report::render_isolated), once: later calls find the images in the diagrams. A diagram that
/// Graphviz cannot lay out — an error, or Graphviz aborting — gets a note saying so as its
/// images (report::failure_note_dot); its .dot file keeps it whole.
core::Status lay_out_all(std::vector<Diagram>& diagrams, bool png, model::Lang lang) {
  std::vector<report::ImageFormat> formats = {report::ImageFormat::kSvg};
  if (png) formats.push_back(report::ImageFormat::kPng);
  const std::size_t per_text = formats.size();
  // The heat maps are one job: the same drawing with other colours, so a large plant's is
  // laid out once (report::render_dot_variants). It goes first, as the longest job.
  auto to_draw = [&](const Diagram& d) {
    return d.render && !d.dot.empty() && !(d.svg && (d.png || !png));
  };
  auto heat_map = [](const Diagram& d) {  // drawn from its own DOT, not a note
    return d.stem.starts_with("heat-") && d.layout_dot.empty();
  };
  std::vector<Diagram*> pending;
  std::vector<std::pair<std::size_t, std::size_t>> where;  // per pending: job, text in it
  std::vector<report::RenderJob> jobs;
  for (Diagram& d : diagrams) {
    if (!to_draw(d) || !heat_map(d)) continue;
    if (jobs.empty())
      jobs.push_back({d.dot, formats});
    else
      jobs.front().variants.push_back(d.dot);
    pending.push_back(&d);
    where.emplace_back(0, jobs.front().variants.size());
  }
  for (Diagram& d : diagrams) {
    if (!to_draw(d) || heat_map(d)) continue;
    pending.push_back(&d);
    where.emplace_back(jobs.size(), 0);
    jobs.push_back({d.layout_dot.empty() ? d.dot : d.layout_dot, formats});
  }
  if (jobs.empty()) return core::Ok{};
  const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  const auto rendered = report::render_isolated(jobs, workers);
  std::vector<core::Result<std::vector<std::string>>> images;
  for (const auto& [job, text] : where) {
    if (!rendered[job]) {
      images.emplace_back(rendered[job].error());
      continue;
    }
    const auto& all = *rendered[job];
    images.emplace_back(
        std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(text * per_text),
                                 all.begin() + static_cast<std::ptrdiff_t>((text + 1) * per_text)));
  }
  // The notes are drawn in workers too: Graphviz's text layout (pango) starts threads, and the
  // process that forks the workers keeps no thread of Graphviz's.
  std::vector<std::size_t> failed;
  std::vector<report::RenderJob> notes;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (images[i]) continue;
    Diagram& d = *pending[i];
    d.layout_dot = report::failure_note_dot(d.stem, images[i].error().message, lang);
    failed.push_back(i);
  }
  for (std::size_t i : failed)
    notes.push_back({pending[i]->layout_dot, formats});
  auto note_images = report::render_isolated(notes, workers);
  for (std::size_t k = 0; k < failed.size(); ++k) {
    if (!note_images[k])
      return core::Error{fmt::format("cannot render {}: {}", pending[failed[k]]->stem,
                                     note_images[k].error().message)};
    images[failed[k]] = std::move(note_images[k]);
  }
  for (std::size_t i = 0; i < pending.size(); ++i) {
    Diagram& d = *pending[i];
    d.svg = std::move((*images[i])[0]);
    if (png) d.png = std::move((*images[i])[1]);
  }
  return core::Ok{};
}

/// The diagram's SVG, every diagram laid out on first use (with its PNG when `png`).
core::Result<const std::string*> svg_of(Assessment& a, Diagram& d, bool png) {
  if (auto st = lay_out_all(a.diagrams, png, a.options.lang); !st) return st.error();
  return &*d.svg;
}

/// results.json, streamed: a large model's results run to hundreds of megabytes.
core::Status write_json(const Assessment& a, const fs::path& path) {
  std::vector<attacktree::TreeFigures> figures;
  for (const ScenarioTree& t : a.trees)
    figures.push_back(t.figures);
  std::ofstream out(path, std::ios::binary);
  report::JsonSink sink = [&](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  };
  if (out)
    report::write_results_json(*a.model, *a.profile, a.results, sink, &figures, &a.quant, &a.zones);
  out.close();
  if (!out) return core::Error{fmt::format("cannot write '{}'", path.string())};
  return core::Ok{};
}

/// report.html: the diagrams inlined by name; one not drawn is empty, and the report says so.
core::Status write_html(Assessment& a, const fs::path& path) {
  auto svg = [&](const std::string& stem) -> core::Result<std::string> {
    Diagram* d = nullptr;
    for (Diagram& x : a.diagrams)
      if (x.stem == stem) d = &x;
    if (!d || !d->render || d->dot.empty()) return std::string();
    auto s = svg_of(a, *d, a.options.formats.has(Format::kPng));
    if (!s) return s.error();
    return **s;
  };
  report::HtmlDiagrams hd;
  hd.svg_files = a.options.formats.has(Format::kSvg);
  for (auto [stem, into] : {std::pair{"system", &hd.system_svg},
                            {"dataflow", &hd.dataflow_svg},
                            {"zones", &hd.zones_svg}}) {
    auto s = svg(stem);
    if (!s) return s.error();
    *into = std::move(*s);
  }
  // A plant too large to draw asset by asset shows its aggregated views in their place.
  for (auto [stem, into] : {std::pair{"system-aggregated", &hd.system_svg},
                            {"dataflow-aggregated", &hd.dataflow_svg}}) {
    if (!into->empty() || !a.diagram(stem)) continue;
    auto s = svg(stem);
    if (!s) return s.error();
    *into = std::move(*s);
    hd.aggregated = true;
  }
  for (const ScenarioTree& t : a.trees) {
    auto tree = svg("tree-" + t.scenario);
    auto routes = svg("routes-" + t.scenario);
    if (!tree) return tree.error();
    if (!routes) return routes.error();
    hd.scenario_tree_svgs.push_back(std::move(*tree));
    hd.scenario_route_svgs.push_back(std::move(*routes));
    hd.scenario_tree_notes.push_back(tree_note(t.figures, a.options.lang));
  }
  for (std::size_t i = 0; i < a.quant.size() && i < a.results.scenario_risks.size(); ++i) {
    const risk::ScenarioRisk& s = a.results.scenario_risks[i];
    const model::Scenario& sc = a.model->impacts[s.impact].scenarios[s.scenario];
    auto heat = svg(fmt::format("heat-{}", sc.id));
    if (heat && heat->empty() && a.diagram(fmt::format("heat-{}-aggregated", sc.id)))
      heat = svg(fmt::format("heat-{}-aggregated", sc.id));  // a plant too large to draw
    if (!heat) return heat.error();
    hd.scenario_quant_html.push_back(
        report::quant_section_html(*a.model, *a.profile, sc, a.quant[i], *heat, a.options.lang));
  }
  return write_text(path, report::html_report(*a.model, *a.profile, a.results, *a.tables, hd));
}

/// A text document made piece by piece (a table of a million rows is never held whole).
core::Status write_streamed(const fs::path& path,
                            const std::function<void(const report::TextSink&)>& make) {
  std::ofstream out(path, std::ios::binary);
  report::TextSink sink = [&out](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  };
  if (out) make(sink);
  out.close();
  if (!out) return core::Error{fmt::format("cannot write '{}'", path.string())};
  return core::Ok{};
}

/// Writes documents in a child forked beside this process (write_documents()): the child
/// sends back its Status, "O", or "E" and the message.
core::ForkedChild fork_beside(const std::function<core::Status()>& work) {
  return core::ForkedChild::start([&work]() -> std::string {
    try {
      core::Status st = work();
      return st ? "O" : "E" + st.error().message;
    } catch (const std::exception& e) {
      return fmt::format("E{}", e.what());
    } catch (...) {
      return "Ean unknown exception";
    }
  });
}

/// Waits for `c` and returns its Status.
core::Status finish_beside(core::ForkedChild& c) {
  core::ForkedChild::Ended ended = c.finish();
  if (ended.signal != 0)
    return core::Error{fmt::format("the process writing the workbook stopped with signal {} ({})",
                                   ended.signal, strsignal(ended.signal))};
  if (ended.answer.empty())
    return core::Error{"the process writing the workbook ended without an answer"};
  if (ended.answer.front() == 'E') return core::Error{ended.answer.substr(1)};
  return core::Ok{};
}

/// The tables' row sources: the four IPA tables with the quantitative column, then the small
/// tables assess() made whole.
report::ReportSource table_sources(const Assessment& a) {
  report::ReportSource r = report::report_source(*a.model, *a.profile, a.results, a.options.lang);
  report::add_quant_column(r, a.results, a.quant);
  for (const report::Table& t : a.extra_tables)
    r.tables.push_back(report::view_of(t));
  return r;
}

}  // namespace

std::vector<Document> documents(Assessment& a) {
  const Formats& formats = a.options.formats;
  std::vector<Document> out;
  if (formats.has(Format::kJson))
    out.push_back({"results.json", [&a](const fs::path& p) { return write_json(a, p); }});
  if (formats.tables()) {
    a.tables = table_sources(a);
    const report::ReportSource& rep = *a.tables;
    if (formats.has(Format::kCsv))
      for (const report::TableSource& t : rep.tables)
        out.push_back({t.id + ".csv", [&t](const fs::path& p) {
                         return write_streamed(
                             p, [&t](const report::TextSink& sink) { report::write_csv(t, sink); });
                       }});
    if (formats.has(Format::kMd))
      out.push_back({"report.md", [&a, &rep](const fs::path& p) {
                       return write_streamed(p, [&](const report::TextSink& sink) {
                         report::write_markdown(rep, *a.model, *a.profile, a.results, sink);
                       });
                     }});
    if (formats.has(Format::kXlsx))
      out.push_back({"icsrisk.xlsx",
                     [&rep](const fs::path& p) { return report::write_xlsx(rep, p.string()); },
                     true});
  }
  const bool png = formats.has(Format::kPng);
  for (Diagram& d : a.diagrams) {
    const std::string base = "diagrams/" + d.stem;
    if (formats.has(Format::kDot) && (!d.dot.empty() || d.make_dot))
      out.push_back({base + ".dot", [&a, &d](const fs::path& p) {
                       return write_text(p, d.make_dot ? d.make_dot(a) : d.dot);
                     }});
    if (!d.render || d.dot.empty()) continue;
    if (formats.has(Format::kSvg))
      out.push_back({base + ".svg", [&a, &d, png](const fs::path& p) -> core::Status {
                       auto svg = svg_of(a, d, png);
                       if (!svg) return svg.error();
                       return write_text(p, **svg);
                     }});
    if (formats.has(Format::kPng))
      out.push_back({base + ".png", [&a, &d](const fs::path& p) -> core::Status {
                       if (auto st = svg_of(a, d, true); !st) return st.error();
                       return write_text(p, *d.png);
                     }});
  }
  if (formats.has(Format::kHtml))
    out.push_back({"report.html", [&a](const fs::path& p) { return write_html(a, p); }});
  return out;
}

core::Status write_documents(
    const std::vector<Document>& docs, const fs::path& dir,
    const std::function<core::Status(const fs::path&, const fs::path&)>& make_folders,
    const std::function<void(const std::string&)>& on_write) {
  auto write_one = [&](const Document& d) -> core::Status {
    on_write(d.name);
    if (core::Status st = make_folders(dir, fs::path(d.name).parent_path()); !st) return st;
    return d.write(dir / d.name);
  };
  const auto beside = [](const Document& d) { return d.beside; };
  core::ForkedChild child;
  if (std::thread::hardware_concurrency() >= 2 && std::any_of(docs.begin(), docs.end(), beside) &&
      !std::all_of(docs.begin(), docs.end(), beside))
    child = fork_beside([&]() -> core::Status {
      for (const Document& d : docs)
        if (d.beside)
          if (core::Status st = write_one(d); !st) return st;
      return core::Ok{};
    });
  core::Status mine = core::Ok{};
  for (const Document& d : docs) {
    if (child.started() && d.beside) continue;
    mine = write_one(d);
    if (!mine) break;
  }
  if (!child.started()) return mine;
  if (!mine) child.kill();  // its work is lost with this folder anyway
  core::Status theirs = finish_beside(child);
  return !mine ? mine : theirs;
}

std::string tree_note(const attacktree::TreeFigures& f, model::Lang lang) {
  using attacktree::Domain;
  const report::Words::Tree& w = report::words(lang).tree;
  auto value = [&](Domain d, const std::optional<double>& v,
                   const attacktree::Exactness* exactness = nullptr) {
    std::string text = v ? attacktree::format_value(d, *v) : std::string("n/a");
    if (v && exactness && !exactness->exact)
      text += fmt::format(fmt::runtime(w.not_exact.view()), exactness->reason);
    return text;
  };
  std::string source = f.source == "analyst"
                           ? fmt::format(fmt::runtime(w.analyst_tree.view()), f.file, f.id)
                           : fmt::format(fmt::runtime(w.generated_tree.view()), f.id);
  std::string ipa = f.ipa_level ? fmt::format("{}", *f.ipa_level) : std::string("n/a");
  std::string prob = value(Domain::kProbability, f.probability);
  if (f.probability_naive && (!f.probability || *f.probability != *f.probability_naive))
    prob += fmt::format(fmt::runtime(w.naive.view()),
                        value(Domain::kProbability, f.probability_naive, &f.probability_exactness));
  std::string text =
      fmt::format(fmt::runtime(w.figures.view()), source, ipa, prob,
                  value(Domain::kCost, f.cost, &f.cost_exactness),
                  value(Domain::kTime, f.time, &f.time_exactness), value(Domain::kSkill, f.skill));
  if (f.source == "analyst") text += w.analyst_note.view();
  return text;
}

}  // namespace icsrisk::assessment
