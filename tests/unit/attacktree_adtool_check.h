#pragma once
// A checker of ADTool 2 <adtree> files for the tests, from ADTool 2's reader
// (lu.uni.adtool.tree.TreeLayout.importXml, ADTNode.importXml / fromXml): what a file must be
// for ADTool to open it and give it the values we mean.

#include <pugixml.hpp>

#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace icsrisk::attacktree::testing {

class AdtoolChecker {
 public:
  /// The problems of `text` as an ADTool 2 file (empty when none).
  std::vector<std::string> check(const std::string& text) {
    pugi::xml_document doc;
    if (!doc.load_string(text.c_str())) return {"not well-formed XML"};
    pugi::xml_node root = doc.document_element();
    sandtree_ = std::string(root.name()) == "sandtree";
    if (std::string(root.name()) != "adtree" && !sandtree_)
      problems_.push_back("the root is neither <adtree> nor <sandtree>");
    for (pugi::xml_node d : root.children("domain"))
      domain(d);
    std::vector<pugi::xml_node> nodes;
    for (pugi::xml_node n : root.children("node"))
      nodes.push_back(n);
    if (nodes.size() != 1) problems_.push_back("not exactly one root <node>");
    if (!nodes.empty()) node(nodes.front(), false);
    return problems_;
  }

 private:
  void domain(pugi::xml_node d) {
    std::string id = d.attribute("id").value();
    std::string cls = d.child_value("class");
    const std::string prefix = sandtree_ ? "lu.uni.adtool.domains.sandpredefined."
                                         : "lu.uni.adtool.domains.adtpredefined.";
    static const std::set<std::string> kAdt = {"ProbSucc", "MinCost", "MinTimePar", "MinTimeSeq",
                                               "MinSkill"};
    static const std::set<std::string> kSand = {"MinTime"};
    const std::set<std::string>& kKnown = sandtree_ ? kSand : kAdt;
    if (id.empty() || !domains_.emplace(id, cls).second) problems_.push_back("domain id " + id);
    if (cls.rfind(prefix, 0) != 0 || !kKnown.count(cls.substr(prefix.size())))
      problems_.push_back("unknown domain class " + cls);
    if (cls == prefix + "MinSkill" && std::string(d.child_value("range")).empty())
      problems_.push_back("MinSkill without <range>");
  }

  void node(pugi::xml_node n, bool defender) {
    std::string refinement = n.attribute("refinement").value();
    if (refinement != "disjunctive" && refinement != "conjunctive" &&
        !(sandtree_ && refinement == "sequential"))
      problems_.push_back("refinement '" + refinement + "'");
    std::string label = n.child_value("label");
    if (label.empty() || std::string(n.first_child().name()) != "label")
      problems_.push_back("a node whose first child is not a non-empty <label>");
    std::string values;
    for (pugi::xml_node p : n.children("parameter"))
      values += parameter(p) + ";";
    // ADTool keys basic values by role and label: one label, one set of values.
    auto [it, inserted] = values_.emplace(std::make_pair(defender, label), values);
    if (!inserted && it->second != values) problems_.push_back("label '" + label + "' twice");
    std::vector<pugi::xml_node> kids;
    for (pugi::xml_node c : n.children("node"))
      kids.push_back(c);
    for (std::size_t k = 0; k < kids.size(); ++k) {
      std::string sw = kids[k].attribute("switchRole").value();
      if (!sw.empty() && (sw != "yes" || sandtree_)) problems_.push_back("switchRole " + sw);
      bool other = sw == "yes";
      if (other && k + 1 != kids.size())
        problems_.push_back("a child of the other role that is not the last: " + label);
      node(kids[k], other ? !defender : defender);
    }
  }

  std::string parameter(pugi::xml_node p) {
    std::string id = p.attribute("domainId").value();
    std::string value = p.child_value();
    if (!domains_.count(id)) problems_.push_back("parameter of undeclared domain " + id);
    if (std::string(p.attribute("category").value()) != "basic")
      problems_.push_back("parameter without category=\"basic\"");
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (value != "Infinity" && (value.empty() || *end != '\0' || v < 0))
      problems_.push_back("value '" + value + "'");
    if (domains_[id].find("ProbSucc") != std::string::npos && v > 1)
      problems_.push_back("probability " + value);
    return id + "=" + value;
  }

  bool sandtree_ = false;
  std::map<std::string, std::string> domains_;
  std::map<std::pair<bool, std::string>, std::string> values_;
  std::vector<std::string> problems_;
};

}  // namespace icsrisk::attacktree::testing
