// diag(A⁻¹) from sparse LU factors by sparse triangular solves (see inverse_diagonal.h).

#include "quant/inverse_diagonal.h"

#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "quant/lists.h"

namespace icsrisk::quant::detail {

namespace {

/// The lists of `pairs` (list, item) by list, items in their order in `pairs`.
template <class T>
Lists<T> by_list(const std::vector<std::pair<int, T>>& pairs, int n) {
  return grouped<T>(static_cast<std::size_t>(n), [&](auto&& emit) {
    for (const auto& [k, item] : pairs)
      emit(static_cast<std::size_t>(k), item);
  });
}

/// A triangular factor by outer index (columns of L, rows of U): the off-diagonal non-zeros as
/// (inner index, value).
using Adjacency = Lists<std::pair<int, double>>;

/// Unpacks Eigen's supernodal L (whose diagonal blocks also hold U's) and the rest of U,
/// straight into their lists (no intermediate copy).
void unpack(const SparseLu& lu, Adjacency& l, Adjacency& u, std::vector<double>& diag) {
  const int n = static_cast<int>(lu.rows());
  const auto& sl = lu.matrixL().m_mapL;
  const auto& su = lu.matrixU().m_mapU;
  using LIt = std::remove_cvref_t<decltype(sl)>::InnerIterator;
  using UIt = std::remove_cvref_t<decltype(su)>::InnerIterator;
  diag.assign(n, 0.0);
  for (int j = 0; j < n; ++j)
    for (LIt it(sl, j); it; ++it)
      if (static_cast<int>(it.row()) == j) diag[j] = it.value();
  using Item = std::pair<int, double>;
  l = grouped<Item>(n, [&](auto&& emit) {
    for (int j = 0; j < n; ++j)
      for (LIt it(sl, j); it; ++it)
        if (const int r = static_cast<int>(it.row()); r > j) emit(j, Item{r, it.value()});
  });
  u = grouped<Item>(n, [&](auto&& emit) {
    for (int j = 0; j < n; ++j)
      for (LIt it(sl, j); it; ++it)
        if (const int r = static_cast<int>(it.row()); r < j) emit(r, Item{j, it.value()});
    for (int j = 0; j < n; ++j)
      for (UIt it(su, j); it; ++it)
        if (it.value() != 0.0) emit(static_cast<std::size_t>(it.index()), Item{j, it.value()});
  });
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

/// The column patterns (rows below the diagonal, ascending) of the Cholesky factor of the
/// symmetric pattern of L + Uᵀ: closed under the Takahashi recurrences (if i and k are in
/// column j's pattern, (max, min) is in column min's). Elimination tree, then each row's
/// pattern by walking up the tree (Davis, "Direct Methods for Sparse Linear Systems", 4.1).
Lists<int> filled_columns(const Adjacency& l, const Adjacency& u, int n) {
  std::vector<std::pair<int, int>> below;  // (k, i): i < k are neighbours
  below.reserve(l.items.size() + u.items.size());
  for (int j = 0; j < n; ++j) {
    for (auto [p, e] = l.of(j); p != e; ++p)
      below.emplace_back(p->first, j);
    for (auto [p, e] = u.of(j); p != e; ++p)
      below.emplace_back(p->first, j);
  }
  const Lists<int> lower = by_list(below, n);
  std::vector<int> parent(n, -1), ancestor(n, -1), mark(n, -1);
  for (int k = 0; k < n; ++k)
    for (auto [p, e] = lower.of(k); p != e; ++p)
      for (int i = *p, next; i != -1 && i < k; i = next) {
        next = ancestor[i];
        ancestor[i] = k;
        if (next == -1) parent[i] = k;
      }
  std::vector<std::pair<int, int>> filled;  // (column i, row k), k ascending
  for (int k = 0; k < n; ++k) {
    mark[k] = k;
    for (auto [p, e] = lower.of(k); p != e; ++p)
      for (int i = *p; i != -1 && mark[i] != k; i = parent[i]) {
        mark[i] = k;
        filled.emplace_back(i, k);
      }
  }
  return by_list(filled, n);  // stable: every column stays sorted
}

/// diag(Z) for Z = (L U)⁻¹, L unit lower, U = D·Ũ, by Takahashi's recurrences
/// Z = D⁻¹L⁻¹ + (I − Ũ)Z and Z = Ũ⁻¹D⁻¹ + Z(I − L), evaluated only on the filled pattern,
/// columns from last to first (Takahashi, Fagan and Chen 1973; Erisman and Tinney 1975).
/// Cost Σ_j Σ_{k in column j} |column k|: about that of the factorisation.
std::vector<double> takahashi(const Adjacency& l, const Adjacency& u, const std::vector<double>& d,
                              int n) {
  const Lists<int> cols = filled_columns(l, u, n);
  // Z[i][j] and Z[j][i] for i in column j, at the positions of cols.items.
  std::vector<double> zl(cols.items.size(), 0.0), zu(cols.items.size(), 0.0);
  std::vector<double> diag(n, 0.0), lval(n, 0.0), uval(n, 0.0);
  std::vector<int> where(n, -1), stamp(n, -1);
  for (int j = n - 1; j >= 0; --j) {
    const std::size_t base = cols.start[j], size = cols.start[j + 1] - base;
    const int* c = cols.items.data() + base;
    double* lo = zl.data() + base;
    double* up = zu.data() + base;
    for (auto [p, e] = l.of(j); p != e; ++p)
      lval[p->first] = p->second;
    for (auto [p, e] = u.of(j); p != e; ++p)
      uval[p->first] = p->second / d[j];
    for (std::size_t x = 0; x < size; ++x)
      where[c[x]] = static_cast<int>(x), stamp[c[x]] = j;
    for (std::size_t xk = 0; xk < size; ++xk) {
      const int k = c[xk];
      lo[xk] -= diag[k] * lval[k];
      up[xk] -= uval[k] * diag[k];
      const std::size_t kb = cols.start[k], ke = cols.start[k + 1];
      for (std::size_t y = kb; y < ke; ++y) {
        const int i = cols.items[y];
        if (stamp[i] != j) continue;
        const auto xi = static_cast<std::size_t>(where[i]);
        lo[xi] -= zl[y] * lval[k];  // Z_ij −= Z_ik L_kj
        lo[xk] -= zu[y] * lval[i];  // Z_kj −= Z_ki L_ij
        up[xi] -= uval[k] * zu[y];  // Z_ji −= Ũ_jk Z_ki
        up[xk] -= uval[i] * zl[y];  // Z_jk −= Ũ_ji Z_ik
      }
    }
    double zjj = 1.0 / d[j];
    for (std::size_t xk = 0; xk < size; ++xk)
      zjj -= uval[c[xk]] * lo[xk];
    diag[j] = zjj;
    for (std::size_t x = 0; x < size; ++x)
      lval[c[x]] = uval[c[x]] = 0.0;
  }
  return diag;
}

}  // namespace

std::vector<double> inverse_diagonal(const SparseLu& lu) {
  const int n = static_cast<int>(lu.rows());
  Adjacency l, u;
  std::vector<double> udiag;
  unpack(lu, l, u, udiag);
  if (lu.rowsPermutation().indices() == lu.colsPermutation().indices()) {
    // Diagonal pivots (a symmetric permutation, P A Pᵀ = L U): selected inversion.
    std::vector<double> z = takahashi(l, u, udiag, n), out(n);
    for (int i = 0; i < n; ++i)
      out[i] = z[lu.colsPermutation().indices()[i]];
    return out;
  }
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
