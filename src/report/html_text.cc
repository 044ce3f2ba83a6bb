#include "report/html_text.h"

#include "core/text.h"

namespace icsrisk::report {

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

}  // namespace icsrisk::report
