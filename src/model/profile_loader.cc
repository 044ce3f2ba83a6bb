// The profile file format (design.md "Profile file (criteria)"), and its checks.

#include <fmt/format.h>

#include <regex>

#include "core/text.h"
#include "model/loader.h"
#include "model/profile_quant.h"
#include "xml/reader.h"

namespace icsrisk::model {

std::size_t Profile::find_asset_type(std::string_view id) const {
  auto it = asset_type_index.find(id);
  return it == asset_type_index.end() ? kNone : it->second;
}
std::size_t Profile::find_threat(std::string_view id) const {
  auto it = threat_index.find(id);
  return it == threat_index.end() ? kNone : it->second;
}
std::size_t Profile::find_countermeasure(std::string_view id) const {
  auto it = countermeasure_index.find(id);
  return it == countermeasure_index.end() ? kNone : it->second;
}
std::size_t Profile::find_vector(std::string_view id) const {
  auto it = vector_index.find(id);
  return it == vector_index.end() ? kNone : it->second;
}

bool Profile::applies_to_asset(const Threat& t, const AssetType& type) const {
  const char* category = kCategoryIds[static_cast<std::size_t>(type.category)];
  for (const std::string& a : t.applies_to) {
    if (a == category || a == type.id) return true;
  }
  return false;
}

bool Profile::applies_to_network(const Threat& t, Medium medium) const {
  std::string specific = fmt::format("network:{}", kMediumIds[static_cast<std::size_t>(medium)]);
  for (const std::string& a : t.applies_to) {
    if (a == "network" || a == specific) return true;
  }
  return false;
}

void Profile::reindex() {
  asset_type_index.clear();
  threat_index.clear();
  countermeasure_index.clear();
  vector_index.clear();
  for (std::size_t i = 0; i < asset_types.size(); ++i)
    asset_type_index.emplace(asset_types[i].id, i);
  for (std::size_t i = 0; i < threats.size(); ++i)
    threat_index.emplace(threats[i].id, i);
  for (std::size_t i = 0; i < countermeasures.size(); ++i)
    countermeasure_index.emplace(countermeasures[i].id, i);
  for (std::size_t i = 0; i < vectors.size(); ++i)
    vector_index.emplace(vectors[i].id, i);
}

namespace {

class ProfileReader {
 public:
  ProfileReader(const core::SourceFile& file, core::Diagnostics& diags)
      : file_(file), diags_(diags), errors_before_(diags.error_count()) {}

  std::optional<Profile> read(pugi::xml_node root) {
    if (std::string_view(root.name()) != "profile") {
      diags_.error(xml::loc_of(file_, root),
                   fmt::format("the root element must be <profile>, not <{}>", root.name()));
      return std::nullopt;
    }
    xml::check_namespace(file_, diags_, root, "urn:icsrisk:profile:1");
    xml::Element e(file_, diags_, root, {"id", "name", "reconstructed"});
    p_.id = e.id();
    p_.name = e.optional("name", p_.id);
    note_reconstructed(e);
    bool have_matrix = false, have_lateral = false;
    for (pugi::xml_node c :
         e.children({"description", "scale", "risk-matrix", "asset-types", "threats",
                     "countermeasures", "entry-vectors", "lateral", "quant"})) {
      std::string_view n = c.name();
      if (n == "description") p_.description = c.child_value();
      if (n == "scale") scale(c);
      if (n == "risk-matrix") {
        if (once(c, matrix_loc_, "<risk-matrix>")) matrix(c);
        have_matrix = true;
      }
      if (n == "asset-types") section(c, "asset-type", [&](pugi::xml_node x) { asset_type(x); });
      if (n == "threats") section(c, "threat", [&](pugi::xml_node x) { threat(x); });
      if (n == "countermeasures")
        section(c, "countermeasure", [&](pugi::xml_node x) { countermeasure(x); });
      if (n == "entry-vectors") section(c, "vector", [&](pugi::xml_node x) { vector(x); });
      if (n == "lateral" && once(c, lateral_elem_loc_, "<lateral>")) {
        have_lateral = true;
        xml::Element le(file_, diags_, c, {"method", "reconstructed"});
        note_reconstructed(le);
        p_.lateral_method = le.ref("method");
        lateral_loc_ = le.attr_loc("method");
      }
      if (n == "quant" && once(c, quant_loc_, "<quant>"))
        p_.reconstructed = read_quant(file_, diags_, c, p_.quant) || p_.reconstructed;
    }
    check_scales(e.loc());
    if (!have_matrix) diags_.error(e.loc(), "the profile has no <risk-matrix>");
    if (!have_lateral) diags_.error(e.loc(), "the profile has no <lateral method=…/>");
    if (p_.threats.empty()) diags_.error(e.loc(), "the profile has no threats");
    if (p_.asset_types.empty()) diags_.error(e.loc(), "the profile has no asset types");
    p_.reindex();
    cross_check();
    if (diags_.error_count() > errors_before_) return std::nullopt;
    return std::move(p_);
  }

 private:
  template <typename F>
  void section(pugi::xml_node s, std::string_view child, F&& each) {
    xml::Element e(file_, diags_, s, {"reconstructed"});
    note_reconstructed(e);
    for (pugi::xml_node c : e.children({child}))
      each(c);
  }

  /// False (after an error with a note) when an element that may appear once appears again.
  bool once(pugi::xml_node n, core::Loc& first, const char* what) {
    core::Loc here = xml::loc_of(file_, n);
    if (!first.known()) {
      first = here;
      return true;
    }
    diags_.error(here, fmt::format("the profile has a second {}; only one is allowed", what));
    diags_.note(first, "first defined here");
    return false;
  }

  bool note_reconstructed(xml::Element& e) {
    bool r = e.boolean("reconstructed", false);
    p_.reconstructed = p_.reconstructed || r;
    return r;
  }

  Text text(xml::Element& e) {
    Text t;
    t.ja = e.required("ja");
    t.en = e.required("en");
    return t;
  }

  void unique(std::unordered_map<std::string, core::Loc>& seen, const std::string& id,
              core::Loc loc, const char* what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, loc);
    if (!inserted) {
      diags_.error(core::attribute_loc(loc, "id"), fmt::format("duplicate {} id '{}'", what, id));
      diags_.note(core::attribute_loc(it->second, "id"), "first defined here");
    }
  }

  void scale(pugi::xml_node n) {
    xml::Element e(file_, diags_, n, {"id", "reconstructed"});
    note_reconstructed(e);
    std::size_t which =
        e.choice("id", {"importance", "business-impact", "threat", "vulnerability"}, kNone, true);
    if (which == kNone) return;
    Scale* s[] = {&p_.importance, &p_.business_impact, &p_.threat, &p_.vulnerability};
    Scale& sc = *s[which];
    if (!sc.id.empty()) {
      diags_.error(e.loc(), fmt::format("scale '{}' is defined twice", e.optional("id")));
      diags_.note(scale_loc_[which], "first defined here");
      return;
    }
    sc.id = e.optional("id");
    scale_loc_[which] = e.loc();
    for (pugi::xml_node c : e.children({"level"})) {
      xml::Element le(file_, diags_, c, {"value", "ja", "en", "reconstructed"});
      int v = le.integer("value", 1, 3, 0, true);
      bool r = note_reconstructed(le);
      Text t = text(le);
      if (v == 0) continue;
      if (sc.levels[v].value != 0) {
        diags_.error(le.loc(), fmt::format("level {} of scale '{}' is defined twice", v, sc.id));
        diags_.note(level_loc_[which][v], "first defined here");
        continue;
      }
      level_loc_[which][v] = le.loc();
      sc.levels[v] = ScaleLevel{v, std::move(t), r};
    }
  }

  void check_scales(core::Loc root) {
    const char* names[] = {"importance", "business-impact", "threat", "vulnerability"};
    Scale* s[] = {&p_.importance, &p_.business_impact, &p_.threat, &p_.vulnerability};
    for (int i = 0; i < 4; ++i) {
      if (s[i]->id.empty()) {
        diags_.error(root, fmt::format("the profile has no <scale id=\"{}\">", names[i]));
        continue;
      }
      for (int v = 1; v <= 3; ++v) {
        if (s[i]->levels[v].value == 0)
          diags_.error(root, fmt::format("scale '{}' has no level {}", names[i], v));
      }
    }
  }

  void matrix(pugi::xml_node n) {
    xml::Element e(file_, diags_, n, {"reconstructed"});
    note_reconstructed(e);
    std::array<std::array<std::array<core::Loc, 4>, 4>, 4> seen{};
    for (pugi::xml_node c : e.children({"cell"})) {
      xml::Element ce(file_, diags_, c,
                      {"first", "threat", "vulnerability", "risk", "reconstructed"});
      note_reconstructed(ce);
      int f = ce.integer("first", 1, 3, 0, true);
      int t = ce.integer("threat", 1, 3, 0, true);
      int v = ce.integer("vulnerability", 1, 3, 0, true);
      std::size_t r = ce.choice("risk", {"A", "B", "C", "D", "E"}, kNone, true);
      if (f == 0 || t == 0 || v == 0 || r == kNone) continue;
      if (seen[f][t][v].known()) {
        diags_.error(ce.loc(), fmt::format("risk-matrix cell first={} threat={} vulnerability={} "
                                           "is defined twice",
                                           f, t, v));
        diags_.note(seen[f][t][v], "first defined here");
        continue;
      }
      seen[f][t][v] = ce.loc();
      p_.risk[f][t][v] = kRisks[r];
    }
    for (int f = 3; f >= 1; --f)
      for (int t = 3; t >= 1; --t)
        for (int v = 3; v >= 1; --v)
          if (!seen[f][t][v].known())
            diags_.error(e.loc(),
                         fmt::format("risk-matrix cell first={} threat={} vulnerability={} "
                                     "is missing (all 27 cells are required)",
                                     f, t, v));
    // The scenario risk is exact only for a matrix whose risk does not fall as vulnerability
    // rises (method.md §7: the minimax route level gives the highest risk).
    for (int f = 1; f <= 3; ++f)
      for (int t = 1; t <= 3; ++t)
        for (int v = 1; v < 3; ++v)
          if (seen[f][t][v].known() && seen[f][t][v + 1].known() &&
              worse_than(p_.risk[f][t][v], p_.risk[f][t][v + 1]))
            diags_.warning(
                seen[f][t][v + 1],
                fmt::format("risk-matrix cell first={} threat={} vulnerability={} gives a "
                            "lower risk than vulnerability={}; scenario risks assume a "
                            "matrix monotone in vulnerability",
                            f, t, v + 1, v));
  }

  void asset_type(pugi::xml_node n) {
    xml::Element e(file_, diags_, n, {"id", "ja", "en", "category", "filtering", "reconstructed"});
    AssetType a;
    a.loc = e.loc();
    a.id = e.id();
    a.name = text(e);
    a.reconstructed = note_reconstructed(e);
    a.category = static_cast<Category>(e.choice(
        "category",
        {kCategoryIds[0], kCategoryIds[1], kCategoryIds[2], kCategoryIds[3], kCategoryIds[4]}, 0,
        true));
    a.filtering = static_cast<Filtering>(e.choice("filtering", {"no", "yes", "one-way"}, 0, false));
    if (e.has("filtering") && a.category != Category::kNetworkDevice) {
      diags_.error(e.attr_loc("filtering"), "only network-device asset types filter traffic");
    }
    unique(type_ids_, a.id, a.loc, "asset type");
    p_.asset_types.push_back(std::move(a));
  }

  void threat(pugi::xml_node n) {
    xml::Element e(file_, diags_, n,
                   {"id", "ja", "en", "stage", "level", "applies-to", "reconstructed"});
    Threat t;
    t.loc = e.loc();
    t.id = e.id();
    t.name = text(e);
    t.reconstructed = note_reconstructed(e);
    t.stage = e.choice("stage", {"intrusion", "objective"}, 0, true) == 0 ? Stage::kIntrusion
                                                                          : Stage::kObjective;
    t.level = e.integer("level", 1, 3, 3, true);
    std::vector<std::string_view> applies = core::split_ws(e.required("applies-to"));
    t.applies_to.assign(applies.begin(), applies.end());
    unique(threat_ids_, t.id, t.loc, "threat");
    p_.threats.push_back(std::move(t));
  }

  void countermeasure(pugi::xml_node n) {
    xml::Element e(file_, diags_, n,
                   {"id", "ja", "en", "function", "stages", "counters", "attack-ics",
                    "reconstructed", "cost"});
    Countermeasure c;
    c.loc = e.loc();
    c.id = e.id();
    c.name = text(e);
    c.reconstructed = note_reconstructed(e);
    c.function = static_cast<Function>(
        1u << e.choice("function", {kFunctionIds[0], kFunctionIds[1], kFunctionIds[2]}, 0, true));
    core::AttributeTokens stage_locs(e.loc(), "stages");
    for (std::string_view s : core::split_ws(e.required("stages"))) {
      if (s == "intrusion")
        c.stages |= static_cast<std::uint8_t>(Stage::kIntrusion);
      else if (s == "objective")
        c.stages |= static_cast<std::uint8_t>(Stage::kObjective);
      else
        diags_.error(stage_locs.find(s),
                     fmt::format("unknown stage '{}': use 'intrusion' and/or 'objective'", s));
    }
    std::vector<std::string_view> counters = core::split_ws(e.required("counters"));
    c.counters.assign(counters.begin(), counters.end());
    std::vector<std::string_view> attack_ics = core::split_ws(e.optional("attack-ics"));
    c.attack_ics.assign(attack_ics.begin(), attack_ics.end());
    static const std::regex kMitigation("M0[89][0-9][0-9]");
    core::AttributeTokens mitigation_locs(e.loc(), "attack-ics");
    for (const std::string& m : c.attack_ics) {
      if (!std::regex_match(m, kMitigation))
        diags_.error(
            mitigation_locs.find(m),
            fmt::format("'{}' is not an ATT&CK for ICS mitigation id (M08xx or M09xx)", m));
    }
    c.cost = e.integer("cost", 1, kMaxCost, 1, false);
    unique(measure_ids_, c.id, c.loc, "countermeasure");
    p_.countermeasures.push_back(std::move(c));
  }

  void vector(pugi::xml_node n) {
    xml::Element e(file_, diags_, n, {"id", "method", "ja", "en", "reconstructed"});
    note_reconstructed(e);
    EntryVector v;
    v.loc = e.loc();
    v.id = e.id();
    v.method = e.ref("method");
    v.name.ja = e.optional("ja", v.id);
    v.name.en = e.optional("en", v.id);
    unique(vector_ids_, v.id, v.loc, "entry vector");
    p_.vectors.push_back(std::move(v));
  }

  void unknown_threat(core::Loc loc, const std::string& id) {
    std::vector<std::string_view> ids;
    for (const Threat& t : p_.threats)
      ids.push_back(t.id);
    std::string s = core::closest_match(id, ids);
    diags_.error(loc, fmt::format("unknown threat '{}'{}", id,
                                  s.empty() ? "" : fmt::format("; did you mean '{}'?", s)));
  }

  void cross_check() {
    for (const Threat& t : p_.threats) {
      core::AttributeTokens locs(t.loc, "applies-to");
      for (const std::string& a : t.applies_to) {
        bool ok = a == "network" || p_.find_asset_type(a) != kNone;
        for (const char* c : kCategoryIds)
          ok = ok || a == c;
        for (const char* m : kMediumIds)
          ok = ok || a == fmt::format("network:{}", m);
        if (!ok)
          diags_.error(locs.find(a),
                       fmt::format("applies-to '{}' is neither a category, an asset type, "
                                   "'network' nor 'network:MEDIUM'",
                                   a));
      }
    }
    for (const Countermeasure& c : p_.countermeasures) {
      core::AttributeTokens locs(c.loc, "counters");
      for (const std::string& t : c.counters)
        if (p_.find_threat(t) == kNone) unknown_threat(locs.find(t), t);
    }
    for (const EntryVector& v : p_.vectors)
      if (!v.method.empty() && p_.find_threat(v.method) == kNone)
        unknown_threat(core::attribute_loc(v.loc, "method"), v.method);
    if (!p_.lateral_method.empty() && p_.find_threat(p_.lateral_method) == kNone)
      unknown_threat(lateral_loc_, p_.lateral_method);
  }

  const core::SourceFile& file_;
  core::Diagnostics& diags_;
  std::size_t errors_before_;
  Profile p_;
  core::Loc lateral_loc_, lateral_elem_loc_, matrix_loc_;
  core::Loc quant_loc_;
  std::array<core::Loc, 4> scale_loc_{};
  std::array<std::array<core::Loc, 4>, 4> level_loc_{};
  std::unordered_map<std::string, core::Loc> type_ids_, threat_ids_, measure_ids_, vector_ids_;
};

}  // namespace

std::optional<Profile> load_profile(const core::SourceFile& file, core::Diagnostics& diags) {
  xml::Document doc;
  pugi::xml_node root = xml::parse(file, diags, doc);
  if (!root) return std::nullopt;
  return ProfileReader(file, diags).read(root);
}

}  // namespace icsrisk::model
