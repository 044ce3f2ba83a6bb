#include "attacktree/reader_parts.h"

#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/text.h"

namespace icsrisk::attacktree {

std::optional<double> parse_number(std::string_view v, double hi) {
  double d = 0;
  const char* first = v.data();
  const char* last = v.data() + v.size();
  if (first != last && *first == '+') ++first;
  auto [p, ec] = std::from_chars(first, last, d);
  bool ok =
      ec == std::errc() && p == last && first != last && std::isfinite(d) && d >= 0 && d <= hi;
  if (ok) return d;
  return std::nullopt;
}

std::optional<double> read_number(xml::Element& e, core::Diagnostics& diags, const char* name,
                                  double hi) {
  if (!e.has(name)) return std::nullopt;
  std::string_view v = e.optional(name);
  if (std::optional<double> d = parse_number(v, hi)) return d;
  std::string range = hi == 1.0 ? "a number from 0 to 1" : "a number of at least 0";
  diags.error(e.attr_loc(name), fmt::format("attribute '{}' must be {}, not '{}'", name, range, v));
  return std::nullopt;
}

namespace {

/// The defence attributes (attack–defence trees): the measure's cost and its effect.
void read_effects(xml::Element& e, core::Diagnostics& diags, TreeCountermeasure& m) {
  m.cost = read_number(e, diags, "cost", HUGE_VAL);
  m.blocks = e.choice("effect", {"block"}, 1, false) == 0;
  m.probability_factor = read_number(e, diags, "probability-factor", 1.0);
  m.adds_cost = read_number(e, diags, "adds-cost", HUGE_VAL);
  m.adds_time = read_number(e, diags, "adds-time", HUGE_VAL);
  if (m.blocks && (m.probability_factor || m.adds_cost || m.adds_time))
    diags.error(e.attr_loc("effect"),
                "effect=\"block\" removes the event: drop probability-factor, adds-cost and "
                "adds-time");
}

}  // namespace

TreeCountermeasure read_countermeasure(const core::SourceFile& file, core::Diagnostics& diags,
                                       pugi::xml_node n, const model::Profile* p) {
  xml::Element e(file, diags, n,
                 {"ref", "function", "stage", "status", "cost", "effect", "probability-factor",
                  "adds-cost", "adds-time"});
  TreeCountermeasure m;
  m.loc = e.loc();
  m.ref = e.ref("ref");
  if (p && !m.ref.empty()) m.measure = p->find_countermeasure(m.ref);
  if (m.measure != model::kNone) {
    m.function = p->countermeasures[m.measure].function;
    m.stages = p->countermeasures[m.measure].stages;
  }
  std::size_t f = e.choice("function", {"protect", "detect", "mitigate"}, 3, false);
  if (f < 3) m.function = static_cast<model::Function>(1u << f);
  std::size_t s = e.choice("stage", {"intrusion", "objective"}, 2, false);
  if (s < 2) m.stages = static_cast<std::uint8_t>(1u << s);
  m.status = e.choice("status", {"implemented", "planned"}, 0, false) == 0
                 ? model::Status::kImplemented
                 : model::Status::kPlanned;
  read_effects(e, diags, m);
  if (m.measure == model::kNone && !e.has("function") && !m.ref.empty()) {
    std::string hint;
    if (p) {
      std::vector<std::string_view> ids;
      for (const model::Countermeasure& c : p->countermeasures)
        ids.push_back(c.id);
      std::string s2 = core::closest_match(m.ref, ids);
      if (!s2.empty()) hint = fmt::format("; did you mean '{}'?", s2);
    }
    diags.error(e.attr_loc("ref"),
                fmt::format("countermeasure '{}' is not in the profile: give its 'function' "
                            "(protect, detect or mitigate){}",
                            m.ref, hint));
  }
  e.children({});
  return m;
}

}  // namespace icsrisk::attacktree
