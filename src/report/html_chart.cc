#include "report/html_chart.h"

#include <algorithm>

#include <cmath>

#include <fmt/format.h>

#include "report/html_text.h"
#include "report/risk_colours.h"

namespace icsrisk::report {

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
      int h =
          static_cast<int>(std::lround(static_cast<double>(v) * height / static_cast<double>(max)));
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

}  // namespace icsrisk::report
