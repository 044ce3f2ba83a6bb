#pragma once
// How many random cases a property test runs. CI runs the whole suite twice: in the release
// build every case, and again under AddressSanitizer + UndefinedBehaviorSanitizer, where the
// point is memory and undefined-behaviour errors on every code path rather than more cases, and
// where each case costs 20–60× more. There a property test runs a quarter of its cases (the
// first quarter of the same seeded sequence).

namespace icsrisk::testing {

constexpr int cases(int full) {
#ifdef ICSRISK_SANITIZE
  return full / 4;
#else
  return full;
#endif
}

}  // namespace icsrisk::testing
