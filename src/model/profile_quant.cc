// The `<quant>` section of a profile (see profile_quant.h).

#include "model/profile_quant.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "xml/reader.h"

namespace icsrisk::model {

namespace {

/// A probability attribute: a decimal number in [0, 1]; an error at the attribute otherwise.
std::optional<double> probability(xml::Element& e, core::Diagnostics& diags, const char* name) {
  std::string v(e.required(name));
  if (v.empty()) return std::nullopt;  // required() reported it
  double d = 0;
  const char* first = v.data();
  const char* last = v.data() + v.size();
  auto [p, ec] = std::from_chars(first, last, d);
  if (ec == std::errc() && p == last && std::isfinite(d) && d >= 0 && d <= 1) return d;
  diags.error(e.attr_loc(name),
              fmt::format("attribute '{}' must be a number from 0 to 1, not '{}'", name, v));
  return std::nullopt;
}

}  // namespace

bool read_quant(const core::SourceFile& file, core::Diagnostics& diags, pugi::xml_node node,
                QuantParams& out) {
  xml::Element q(file, diags, node, {"reconstructed"});
  bool reconstructed = q.boolean("reconstructed", false);
  std::array<bool, 4> seen{};
  for (pugi::xml_node c : q.children({"level"})) {
    xml::Element l(file, diags, c, {"value", "s", "c", "reconstructed"});
    reconstructed = l.boolean("reconstructed", false) || reconstructed;
    const int value = l.integer("value", 1, 3, 0, true);
    std::optional<double> s = probability(l, diags, "s");
    std::optional<double> k = probability(l, diags, "c");
    if (value == 0) continue;
    if (seen[value]) {
      diags.error(l.loc(), fmt::format("<quant> has a second <level value=\"{}\">", value));
      continue;
    }
    seen[value] = true;
    if (!s || !k) continue;
    if (*s + *k > 1.0)
      diags.error(l.attr_loc("c"), fmt::format("s + c must be at most 1 (s = {}, c = {})", *s, *k));
    else if (*s + *k <= 0.0)
      diags.error(l.attr_loc("s"),
                  "s + c must be above 0: an attempt that never succeeds nor ends the attack "
                  "leaves the chain without absorption");
    else
      out.s[value] = *s, out.c[value] = *k;
  }
  for (int v = 1; v <= 3; ++v)
    if (!seen[v])
      diags.error(q.loc(), fmt::format("<quant> has no <level value=\"{}\" s=… c=…/>", v));
  out.reconstructed = reconstructed;
  return reconstructed;
}

}  // namespace icsrisk::model
