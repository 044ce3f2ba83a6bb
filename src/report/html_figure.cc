#include "report/html_figure.h"

#include <fmt/format.h>

#include "report/html_text.h"

namespace icsrisk::report {

namespace {

/// The tool bar's words, one instance per language (every field must be given).
struct FigureWords {
  const char* fit;
  const char* actual;
  const char* zoom_in;
  const char* zoom_out;
  const char* full_svg;
  const char* hint;
};

constexpr FigureWords kFigureJa{
    .fit = "幅に合わせる",
    .actual = "1:1",
    .zoom_in = "拡大",
    .zoom_out = "縮小",
    .full_svg = "SVG ファイルを開く",
    .hint = "図をクリックで 1:1 と幅合わせを切り替え、Ctrl+ホイールで拡大縮小",
};

constexpr FigureWords kFigureEn{
    .fit = "Fit width",
    .actual = "1:1",
    .zoom_in = "Zoom in",
    .zoom_out = "Zoom out",
    .full_svg = "Open the SVG file",
    .hint = "Click the diagram to toggle 1:1 / fit; Ctrl+wheel zooms",
};

}  // namespace

std::string diagram_figure_html(const std::string& inner, std::string_view svg_file,
                                model::Lang lang) {
  if (inner.empty()) return {};
  const FigureWords& w = lang == model::Lang::kEn ? kFigureEn : kFigureJa;
  std::string out = "<figure class=\"diagram fit\">\n<div class=\"diagram-tools\">";
  out += fmt::format(
      "<button type=\"button\" data-zoom=\"fit\">{}</button>"
      "<button type=\"button\" data-zoom=\"actual\">{}</button>"
      "<button type=\"button\" data-zoom=\"in\" aria-label=\"{}\">+</button>"
      "<button type=\"button\" data-zoom=\"out\" aria-label=\"{}\">−</button>",
      w.fit, w.actual, w.zoom_in, w.zoom_out);
  if (!svg_file.empty())
    out +=
        fmt::format(" <a href=\"{}\" target=\"_blank\">{}</a>", html_escape(svg_file), w.full_svg);
  out += fmt::format(" <span class=\"note\">{}</span></div>\n", w.hint);
  out += "<div class=\"diagram-view\">" + inner + "</div>\n</figure>\n";
  return out;
}

}  // namespace icsrisk::report
