#include "attacktree/stream_parts.h"

#include <cmath>
#include <initializer_list>

#include "attacktree/reader_parts.h"

namespace icsrisk::attacktree {

bool is_foreign_attribute(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:") || name.starts_with("xsi:") ||
         name.starts_with("xml:");
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Reserving the bound keeps the node vector from growing (and copying itself) while reading;
// capacity never touched is never resident, and the cap keeps a file of such tags inside
// comments from reserving more than ten times its size.
std::size_t node_bound(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    std::string_view rest = text.substr(i + 1, 5);
    for (std::string_view tag : {"or", "and", "sand", "step", "leaf"})
      if (rest.starts_with(tag)) {
        ++count;
        break;
      }
  }
  return std::min(count, text.size() / 16);
}

namespace {

constexpr std::size_t kBad = kNone - 1;

/// The index of `value` among `choices`; kNone when absent, kBad when none matches.
std::size_t choose(const char* value, std::initializer_list<std::string_view> choices) {
  if (!value) return kNone;
  std::size_t i = 0;
  for (std::string_view c : choices) {
    if (c == value) return i;
    ++i;
  }
  return kBad;
}

/// cost, probability-factor, adds-cost, adds-time; false on a malformed one.
bool read_effects(const std::array<const char*, 4>& values, TreeCountermeasure& m) {
  std::optional<double>* numbers[] = {&m.cost, &m.probability_factor, &m.adds_cost, &m.adds_time};
  for (std::size_t k = 0; k < 4; ++k) {
    if (!values[k]) continue;
    *numbers[k] = parse_number(values[k], k == 1 ? 1.0 : HUGE_VAL);
    if (!*numbers[k]) return false;
  }
  return !(m.blocks && (m.probability_factor || m.adds_cost || m.adds_time));
}

}  // namespace

bool read_stream_measure(const char** atts, const model::Profile* p, TreeCountermeasure& m) {
  std::array<const char*, 9> v;
  if (!take(atts,
            std::array<std::string_view, 9>{"ref", "function", "stage", "status", "cost", "effect",
                                            "probability-factor", "adds-cost", "adds-time"},
            v) ||
      !v[0] || !*v[0])
    return false;
  m.ref = v[0];
  if (p) m.measure = p->find_countermeasure(m.ref);
  if (m.measure != kNone) {
    m.function = p->countermeasures[m.measure].function;
    m.stages = p->countermeasures[m.measure].stages;
  } else if (!v[1]) {
    return false;  // the full reader asks for the function
  }
  std::size_t f = choose(v[1], {"protect", "detect", "mitigate"});
  std::size_t st = choose(v[2], {"intrusion", "objective"});
  std::size_t status = choose(v[3], {"implemented", "planned"});
  std::size_t effect = choose(v[5], {"block"});
  if (f == kBad || st == kBad || status == kBad || effect == kBad) return false;
  if (f != kNone) m.function = static_cast<model::Function>(1u << f);
  if (st != kNone) m.stages = static_cast<std::uint8_t>(1u << st);
  m.status = status == 1 ? model::Status::kPlanned : model::Status::kImplemented;
  m.blocks = effect == 0;
  return read_effects({v[4], v[6], v[7], v[8]}, m);
}

}  // namespace icsrisk::attacktree
