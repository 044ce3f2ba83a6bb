// diag(A⁻¹) from sparse LU factors by sparse triangular solves (see inverse_diagonal.h).

#include "quant/inverse_diagonal.h"

#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace icsrisk::quant::detail {

namespace {

/// A triangular factor by outer index (columns of L, rows of U): the off-diagonal non-zeros.
struct Adjacency {
  std::vector<std::size_t> start;
  std::vector<std::pair<int, double>> nz;  ///< (inner index, value)

  explicit Adjacency(std::vector<std::vector<std::pair<int, double>>>&& lists) {
    start.assign(lists.size() + 1, 0);
    for (std::size_t k = 0; k < lists.size(); ++k)
      start[k + 1] = start[k] + lists[k].size();
    nz.reserve(start.back());
    for (auto& l : lists)
      nz.insert(nz.end(), l.begin(), l.end());
  }
  std::pair<const std::pair<int, double>*, const std::pair<int, double>*> of(int k) const {
    return {nz.data() + start[k], nz.data() + start[k + 1]};
  }
};

/// Unpacks Eigen's supernodal L (whose diagonal blocks also hold U's) and the rest of U.
void unpack(const SparseLu& lu, std::vector<std::vector<std::pair<int, double>>>& l_cols,
            std::vector<std::vector<std::pair<int, double>>>& u_rows, std::vector<double>& diag) {
  const int n = static_cast<int>(lu.rows());
  l_cols.assign(n, {});
  u_rows.assign(n, {});
  diag.assign(n, 0.0);
  const auto& sl = lu.matrixL().m_mapL;
  using LIt = std::remove_cvref_t<decltype(sl)>::InnerIterator;
  for (int j = 0; j < n; ++j)
    for (LIt it(sl, j); it; ++it) {
      const int r = static_cast<int>(it.row());
      if (r > j) l_cols[j].emplace_back(r, it.value());
      if (r < j) u_rows[r].emplace_back(j, it.value());
      if (r == j) diag[j] = it.value();
    }
  const auto& su = lu.matrixU().m_mapU;
  using UIt = std::remove_cvref_t<decltype(su)>::InnerIterator;
  for (int j = 0; j < n; ++j)
    for (UIt it(su, j); it; ++it)
      if (it.value() != 0.0) u_rows[it.index()].emplace_back(j, it.value());
}

/// The nodes reachable from `start` in `adj` (start included), ascending: the non-zero pattern
/// of a triangular solve with a unit right-hand side at `start`.
void reach(const Adjacency& adj, int start, std::vector<int>& mark, int stamp,
           std::vector<int>& stack, std::vector<int>& out) {
  out.clear();
  stack.assign(1, start);
  mark[start] = stamp;
  while (!stack.empty()) {
    int k = stack.back();
    stack.pop_back();
    out.push_back(k);
    for (auto [p, e] = adj.of(k); p != e; ++p)
      if (mark[p->first] != stamp) {
        mark[p->first] = stamp;
        stack.push_back(p->first);
      }
  }
  std::sort(out.begin(), out.end());
}

}  // namespace

std::vector<double> inverse_diagonal(const SparseLu& lu) {
  const int n = static_cast<int>(lu.rows());
  std::vector<std::vector<std::pair<int, double>>> lc, ur;
  std::vector<double> udiag;
  unpack(lu, lc, ur, udiag);
  const Adjacency l(std::move(lc)), u(std::move(ur));
  std::vector<double> y(n, 0.0), w(n, 0.0), out(n, 0.0);
  std::vector<int> mark_l(n, -1), mark_u(n, -1), stack, reach_l, reach_u;
  const auto& pr = lu.rowsPermutation().indices();
  const auto& pc = lu.colsPermutation().indices();
  for (int i = 0; i < n; ++i) {
    const int q = pr[i], p = pc[i];
    reach(l, q, mark_l, i, stack, reach_l);  // y = L⁻¹ e_q, L unit lower
    y[q] = 1.0;
    for (int k : reach_l)
      for (auto [it, e] = l.of(k); it != e; ++it)
        y[it->first] -= it->second * y[k];
    reach(u, p, mark_u, i, stack, reach_u);  // w = U⁻ᵀ e_p
    w[p] = 1.0;
    double z = 0.0;
    for (int k : reach_u) {
      w[k] /= udiag[k];
      for (auto [it, e] = u.of(k); it != e; ++it)
        w[it->first] -= it->second * w[k];
      if (mark_l[k] == i) z += w[k] * y[k];
    }
    out[i] = z;
    for (int k : reach_l)
      y[k] = 0.0;
    for (int k : reach_u)
      w[k] = 0.0;
  }
  return out;
}

}  // namespace icsrisk::quant::detail
