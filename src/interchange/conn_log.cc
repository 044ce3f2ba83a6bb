// Reading Zeek's conn.log, in its TSV and JSON forms.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>

#include "core/text.h"
#include "interchange/traffic.h"

namespace icsrisk::interchange {
namespace {

struct Line {
  std::string_view text;
  std::size_t offset = 0;
};

std::vector<Line> lines_of(const std::string& text) {
  std::vector<Line> out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back({l, start});
    start = end + 1;
  }
  return out;
}

// Zeek writes "#separator \x09": the separator as a \x escape.
char separator_of(std::string_view l) {
  std::size_t x = l.find("\\x");
  if (x == std::string_view::npos || x + 4 > l.size()) return '\t';
  std::string hex(l.substr(x + 2, 2));
  char* end = nullptr;
  long v = std::strtol(hex.c_str(), &end, 16);
  return *end == '\0' && v > 0 && v < 128 ? static_cast<char>(v) : '\t';
}

std::vector<std::pair<std::string_view, std::size_t>> split(std::string_view l, char sep) {
  std::vector<std::pair<std::string_view, std::size_t>> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = l.find(sep, start);
    out.emplace_back(l.substr(start, end == std::string_view::npos ? l.npos : end - start), start);
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

bool port_of(std::string_view s, int& port) {
  long long v = 0;
  if (!core::parse_int(s, v) || v < 0 || v > 65535) return false;
  port = static_cast<int>(v);
  return true;
}

void read_tsv(const core::SourceFile& f, const std::vector<Line>& lines,
              std::vector<Connection>& out, core::Diagnostics& d) {
  char sep = '\t';
  std::vector<std::string> fields;
  const char* kNeeded[] = {"id.orig_h", "id.resp_h", "id.resp_p", "proto", "service"};
  int col[5] = {-1, -1, -1, -1, -1};
  for (const Line& l : lines) {
    if (l.text.empty()) continue;
    if (l.text.rfind("#separator", 0) == 0) sep = separator_of(l.text);
    if (l.text.rfind("#fields", 0) == 0) {
      auto parts = split(l.text, sep);
      for (int k = 0; k < 5; ++k) {
        col[k] = -1;
        for (std::size_t i = 1; i < parts.size(); ++i)
          if (parts[i].first == kNeeded[k]) col[k] = static_cast<int>(i - 1);
        if (col[k] < 0 && k < 4)
          d.error({&f, l.offset}, fmt::format("#fields has no '{}' column", kNeeded[k]));
      }
      fields.assign(parts.size() - 1, "");
      continue;
    }
    if (l.text[0] == '#') continue;
    if (fields.empty()) {
      d.error({&f, l.offset}, "a record before the #fields header (is this a Zeek conn.log?)");
      return;
    }
    if (col[0] < 0 || col[1] < 0 || col[2] < 0 || col[3] < 0) return;  // reported at #fields
    auto parts = split(l.text, sep);
    if (parts.size() != fields.size()) {
      d.error({&f, l.offset},
              fmt::format("{} fields where #fields names {}", parts.size(), fields.size()));
      continue;
    }
    Connection c;
    c.loc = {&f, l.offset};
    c.orig = parts[col[0]].first;
    c.resp = parts[col[1]].first;
    c.proto = parts[col[3]].first;
    if (col[4] >= 0 && parts[col[4]].first != "-" && parts[col[4]].first != "(empty)")
      c.service = parts[col[4]].first;
    if (parts[col[2]].first != "-" && !port_of(parts[col[2]].first, c.port)) {
      d.error({&f, l.offset + parts[col[2]].second},
              fmt::format("id.resp_p is a port number, found '{}'", parts[col[2]].first));
      continue;
    }
    out.push_back(std::move(c));
  }
}

// A value of a JSON record: the flat key ("id.orig_h") or the nested one (id → orig_h).
const nlohmann::json* member(const nlohmann::json& j, const char* flat, const char* nested) {
  if (auto it = j.find(flat); it != j.end()) return &*it;
  if (auto id = j.find("id"); id != j.end() && id->is_object())
    if (auto it = id->find(nested); it != id->end()) return &*it;
  return nullptr;
}

void read_json(const core::SourceFile& f, const std::vector<Line>& lines,
               std::vector<Connection>& out, core::Diagnostics& d) {
  for (const Line& l : lines) {
    if (l.text.find_first_not_of(" \t") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(l.text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      d.error({&f, l.offset}, "not a JSON object (Zeek's JSON logs have one record a line)");
      continue;
    }
    const nlohmann::json* orig = member(j, "id.orig_h", "orig_h");
    const nlohmann::json* resp = member(j, "id.resp_h", "resp_h");
    const nlohmann::json* port = member(j, "id.resp_p", "resp_p");
    auto proto = j.find("proto");
    if (!orig || !resp || !port || proto == j.end() || !orig->is_string() || !resp->is_string() ||
        !proto->is_string() || !port->is_number_unsigned()) {
      d.error({&f, l.offset},
              "a conn record needs id.orig_h, id.resp_h (strings), id.resp_p "
              "(a port number) and proto");
      continue;
    }
    Connection c;
    c.loc = {&f, l.offset};
    c.orig = orig->get<std::string>();
    c.resp = resp->get<std::string>();
    c.proto = proto->get<std::string>();
    std::uint64_t p = port->get<std::uint64_t>();
    c.port = p <= 65535 ? static_cast<int>(p) : -1;
    if (auto s = j.find("service"); s != j.end() && s->is_string())
      c.service = s->get<std::string>();
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<Connection> read_conn_log(const core::SourceFile& file, core::Diagnostics& diags) {
  // Zeek writes UTF-8 (other bytes escaped as \xNN): a byte that is not, in a service name say,
  // would go into the model's flows. Found by fuzz_connlog.
  if (!core::require_utf8(file, diags, "Zeek writes UTF-8")) return {};
  std::vector<Line> lines = lines_of(file.text());
  std::vector<Connection> out;
  bool json = false;
  for (const Line& l : lines) {
    std::size_t first = l.text.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    json = l.text[first] == '{';
    break;
  }
  if (json)
    read_json(file, lines, out, diags);
  else
    read_tsv(file, lines, out, diags);
  return out;
}

}  // namespace icsrisk::interchange
