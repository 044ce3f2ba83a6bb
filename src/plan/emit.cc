#include "plan/emit.h"

#include <map>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

namespace icsrisk::plan {

namespace {

/// The indentation of `node`: the text after the last newline of the whitespace before it.
std::string indent_of(pugi::xml_node node) {
  pugi::xml_node prev = node.previous_sibling();
  if (prev.type() != pugi::node_pcdata) return "";
  std::string ws = prev.value();
  std::size_t nl = ws.rfind('\n');
  return nl == std::string::npos ? "" : ws.substr(nl + 1);
}

/// Appends <countermeasure ref=… status="planned"/> to `parent`, indented like its other
/// children (or one step deeper than `parent` when it has none).
void append_measure(pugi::xml_node parent, std::string_view ref) {
  pugi::xml_node last = parent.last_child();
  while (last && last.type() != pugi::node_element)
    last = last.previous_sibling();
  const std::string outer = indent_of(parent);
  const std::string inner = last ? indent_of(last) : outer + "  ";
  pugi::xml_node at;
  if (last) {
    at = parent.insert_child_after(pugi::node_pcdata, last);
    at.set_value(("\n" + inner).c_str());
  } else {
    at = parent.append_child(pugi::node_pcdata);
    at.set_value(("\n" + inner).c_str());
    parent.append_child(pugi::node_pcdata).set_value(("\n" + outer).c_str());
  }
  pugi::xml_node m = parent.insert_child_after("countermeasure", at);
  m.append_attribute("ref").set_value(std::string(ref).c_str());
  m.append_attribute("status").set_value("planned");
}

/// The child elements of `section` named `child`, by id.
std::map<std::string, pugi::xml_node, std::less<>> by_id(pugi::xml_node root, const char* section,
                                                         const char* child) {
  std::map<std::string, pugi::xml_node, std::less<>> out;
  for (pugi::xml_node s : root.children(section))
    for (pugi::xml_node c : s.children(child))
      out.emplace(c.attribute("id").value(), c);
  return out;
}

pugi::xml_node system_section(pugi::xml_node root) {
  if (pugi::xml_node s = root.child("countermeasures")) return s;
  pugi::xml_node last = root.last_child();
  while (last && last.type() != pugi::node_element)
    last = last.previous_sibling();
  const std::string indent = last ? indent_of(last) : "  ";
  pugi::xml_node ws = last ? root.insert_child_after(pugi::node_pcdata, last)
                           : root.append_child(pugi::node_pcdata);
  ws.set_value(("\n" + indent).c_str());
  return root.insert_child_after("countermeasures", ws);
}

}  // namespace

core::Result<std::string> emit_model(std::string_view text, const model::Model& m,
                                     const model::Profile& p,
                                     const std::vector<Candidate>& placements) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_full, pugi::encoding_utf8);
  pugi::xml_node root = doc.document_element();
  if (!parsed || std::string_view(root.name()) != "system")
    return core::Error{"the model text does not parse as a <system>"};
  std::map<ScopeKind, std::map<std::string, pugi::xml_node, std::less<>>> scopes = {
      {ScopeKind::kAsset, by_id(root, "assets", "asset")},
      {ScopeKind::kFlow, by_id(root, "dataflows", "flow")},
      {ScopeKind::kNetwork, by_id(root, "networks", "network")},
      {ScopeKind::kZone, by_id(root, "zones", "zone")}};
  for (const Candidate& c : placements) {
    if (c.in_model) continue;  // declared as planned already
    const std::string& ref = p.countermeasures[c.measure].id;
    if (c.kind == ScopeKind::kSystem) {
      append_measure(system_section(root), ref);
      continue;
    }
    auto& ids = scopes[c.kind];
    auto it = ids.find(scope_id(m, c));
    if (it == ids.end())
      return core::Error{fmt::format("no <{}> with id '{}' in the model text",
                                     kScopeKindIds[static_cast<int>(c.kind)], scope_id(m, c))};
    append_measure(it->second, ref);
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace icsrisk::plan
