#include "model/model.h"

#include <algorithm>

namespace icsrisk::model {

std::vector<std::size_t> zones_of(const Model& m, const Asset& a) {
  std::vector<std::size_t> out;
  if (a.zone_index != kNone) {
    out.push_back(a.zone_index);
    return out;
  }
  if (!a.zone.empty()) return out;  // named an unknown zone
  for (const Connection& c : a.connects) {
    if (c.network_index == kNone) continue;
    std::size_t z = m.networks[c.network_index].zone_index;
    if (z != kNone) out.push_back(z);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace icsrisk::model
