#pragma once
// Internal to src/quant: lists of items grouped by a small integer key in one allocation (the
// compressed rows of sparse-matrix codes), built by a counting sort without copies.

#include <cstddef>
#include <utility>
#include <vector>

namespace icsrisk::quant::detail {

/// List k is items[start[k] .. start[k + 1]).
template <class T>
struct Lists {
  std::vector<std::size_t> start;
  std::vector<T> items;

  std::pair<const T*, const T*> of(std::size_t k) const {
    return {items.data() + start[k], items.data() + start[k + 1]};
  }
};

/// The `n` lists of the (list, item) pairs that `each(emit)` emits by calling emit(list, item),
/// items in their order of emission. `each` is called twice (count, then fill) and must emit
/// the same pairs both times.
template <class T, class Each>
Lists<T> grouped(std::size_t n, Each&& each) {
  Lists<T> out;
  out.start.assign(n + 1, 0);
  each([&](std::size_t k, const T&) { ++out.start[k + 1]; });
  for (std::size_t k = 0; k < n; ++k)
    out.start[k + 1] += out.start[k];
  out.items.resize(out.start.back());
  std::vector<std::size_t> fill(out.start.begin(), out.start.end() - 1);
  each([&](std::size_t k, const T& item) { out.items[fill[k]++] = item; });
  return out;
}

}  // namespace icsrisk::quant::detail
