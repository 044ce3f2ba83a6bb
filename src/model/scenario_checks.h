#pragma once
// Internal to src/model: the union-find of network indices used by linking, and the checks of a
// scenario against the method that need the profile (validate.cc calls them while linking).

#include <numeric>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"
#include "model/profile.h"

namespace icsrisk::model {

/// Union-find over network indices (path halving).
class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x)
      x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

/// The segments of method.md §7 as far as linking needs them: networks joined by non-filtering
/// network devices. Unresolved references are ignored. O((N + C) α) to build.
class SegmentIndex {
 public:
  SegmentIndex(const Model& m, const Profile& p);
  /// Whether assets a and b have networks in one segment. O(connections of a · of b).
  bool share(std::size_t a, std::size_t b) const;

 private:
  const Model& m_;
  std::vector<std::size_t> segment_;  ///< per network: its segment's representative
};

/// Reports, at the scenario's `attack`, a final attack that does not apply to the asset type of
/// its target (method.md §3), naming the threats that do. Needs the scenario's indices linked.
void check_final_attack(const Model& m, const Profile& p, const Scenario& s,
                        core::Diagnostics& diags);

}  // namespace icsrisk::model
