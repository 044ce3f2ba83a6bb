#pragma once
// The parameters of the quantitative propagation (method.md §9), part of a profile (`<quant>`).

#include <array>

namespace icsrisk::model {

/// Per step level L (index L, 1..3; [0] unused): `s[L]`, the probability that one attempt at a
/// step of level L succeeds, and `c[L]`, that it ends the attack (detected or given up). The
/// built-in values are illustrative (method.md §9, reconstructed). A loaded profile guarantees
/// 0 ≤ s, c, s + c ≤ 1 and s + c > 0 per level.
struct QuantParams {
  std::array<double, 4> s{0.0, 0.5, 0.2, 0.05};
  std::array<double, 4> c{0.0, 0.01, 0.05, 0.1};
  bool reconstructed = true;  ///< the values are illustrative, to be calibrated
};

}  // namespace icsrisk::model
