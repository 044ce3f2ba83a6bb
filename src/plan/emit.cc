#include "plan/emit.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <pugixml.hpp>

namespace icsrisk::plan {

namespace {

/// Where an element sits in the text, found from pugixml's offsets: the new children are
/// spliced into the original text, so everything else stays byte for byte.
struct Spot {
  std::size_t insert = 0;     ///< where the new children go
  bool self_closing = false;  ///< `/>` at [insert, insert + 2): becomes `>` … `</tag>`
  std::string indent;         ///< the element's own indentation
  std::string tag;
};

/// The '<' of `node`'s start tag (pugixml's offset points at its name).
std::size_t start_of(std::string_view text, pugi::xml_node node) {
  auto at = static_cast<std::size_t>(node.offset_debug());
  std::size_t lt = text.rfind('<', at);
  return lt == std::string_view::npos ? 0 : lt;
}

std::string indent_at(std::string_view text, std::size_t lt) {
  std::size_t nl = text.rfind('\n', lt);
  std::size_t from = nl == std::string_view::npos ? 0 : nl + 1;
  std::string_view ws = text.substr(from, lt - from);
  return ws.find_first_not_of(" \t") == std::string_view::npos ? std::string(ws) : "";
}

Spot spot_of(std::string_view text, pugi::xml_node node) {
  Spot s;
  s.tag = node.name();
  const std::size_t lt = start_of(text, node);
  s.indent = indent_at(text, lt);
  char quote = 0;
  std::size_t i = lt;
  for (; i < text.size(); ++i) {  // the end of the start tag, outside attribute values
    if (quote != 0) {
      if (text[i] == quote) quote = 0;
    } else if (text[i] == '"' || text[i] == '\'') {
      quote = text[i];
    } else if (text[i] == '>') {
      break;
    }
  }
  if (i > lt && text[i - 1] == '/') {
    s.self_closing = true;
    s.insert = i - 1;
    return s;
  }
  std::size_t from = i;
  if (pugi::xml_node last = node.last_child(); last) {
    from = std::max(from, static_cast<std::size_t>(last.offset_debug()));
    if (last.type() == pugi::node_comment) from = text.find("-->", from);
  }
  s.insert = from == std::string_view::npos ? from : text.find("</" + s.tag, from);
  if (s.insert == std::string_view::npos) return s;  // not found: the caller reports it
  // Children go on their own lines, before the line of the closing tag.
  std::size_t line = text.rfind('\n', s.insert);
  if (line != std::string_view::npos && line > i &&
      text.substr(line + 1, s.insert - line - 1).find_first_not_of(" \t\r") == std::string::npos)
    s.insert = line + 1;
  return s;
}

std::string measure_line(const std::string& indent, const std::string& ref, const char* nl) {
  return fmt::format("{}  <countermeasure ref=\"{}\" status=\"planned\"/>{}", indent, ref, nl);
}

std::map<std::string, pugi::xml_node, std::less<>> by_id(pugi::xml_node root, const char* section,
                                                         const char* child) {
  std::map<std::string, pugi::xml_node, std::less<>> out;
  for (pugi::xml_node s : root.children(section))
    for (pugi::xml_node c : s.children(child))
      out.emplace(c.attribute("id").value(), c);
  return out;
}

}  // namespace

core::Result<std::string> emit_model(std::string_view text, const model::Model& m,
                                     const model::Profile& p,
                                     const std::vector<Candidate>& placements) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_comments, pugi::encoding_utf8);
  pugi::xml_node root = doc.document_element();
  if (!parsed || std::string_view(root.name()) != "system")
    return core::Error{"the model text does not parse as a <system>"};
  const char* nl = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::map<ScopeKind, std::map<std::string, pugi::xml_node, std::less<>>> scopes = {
      {ScopeKind::kAsset, by_id(root, "assets", "asset")},
      {ScopeKind::kFlow, by_id(root, "dataflows", "flow")},
      {ScopeKind::kNetwork, by_id(root, "networks", "network")},
      {ScopeKind::kZone, by_id(root, "zones", "zone")}};
  std::map<std::size_t, std::pair<Spot, std::string>> edits;  // by element start: spot, lines
  std::string system_lines;
  for (const Candidate& c : placements) {
    if (c.in_model) continue;  // declared as planned already
    const std::string& ref = p.countermeasures[c.measure].id;
    pugi::xml_node node;
    if (c.kind == ScopeKind::kSystem) {
      node = root.child("countermeasures");
      if (!node) {
        system_lines += measure_line("  ", ref, nl);
        continue;
      }
    } else {
      auto& ids = scopes[c.kind];
      auto it = ids.find(scope_id(m, c));
      if (it == ids.end())
        return core::Error{fmt::format("no <{}> with id '{}' in the model text",
                                       kScopeKindIds[static_cast<int>(c.kind)], scope_id(m, c))};
      node = it->second;
    }
    auto [e, fresh] = edits.try_emplace(start_of(text, node));
    if (fresh) e->second.first = spot_of(text, node);
    e->second.second += measure_line(e->second.first.indent, ref, nl);
  }
  if (!system_lines.empty()) {
    Spot s = spot_of(text, root);
    s.indent = "";
    edits[start_of(text, root)] = {
        s, fmt::format("  <countermeasures>{}{}  </countermeasures>{}", nl, system_lines, nl)};
  }
  std::vector<std::pair<Spot, std::string>> ordered;
  for (auto& [start, edit] : edits)
    ordered.push_back(std::move(edit));
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first.insert > b.first.insert; });
  for (const auto& [spot, lines] : ordered)
    if (spot.insert == std::string_view::npos)
      return core::Error{fmt::format("cannot find the end of <{}> in the model text", spot.tag)};
  std::string out(text);
  for (const auto& [spot, lines] : ordered) {  // from the end of the text: offsets hold
    if (spot.self_closing)
      out.replace(spot.insert, 2, fmt::format(">{}{}{}</{}>", nl, lines, spot.indent, spot.tag));
    else
      out.insert(spot.insert, lines);
  }
  return out;
}

}  // namespace icsrisk::plan
