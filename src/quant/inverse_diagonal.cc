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

/// The column patterns (rows below the diagonal, ascending) of the Cholesky factor of the
/// symmetric pattern of L + Uᵀ: closed under the Takahashi recurrences (if i and k are in
/// column j's pattern, (max, min) is in column min's). Elimination tree, then each row's
/// pattern by walking up the tree (Davis, "Direct Methods for Sparse Linear Systems", 4.1).
std::vector<std::vector<int>> filled_columns(const Adjacency& l, const Adjacency& u, int n) {
  std::vector<std::vector<int>> lower(n);  // for each k, its neighbours i < k
  for (int j = 0; j < n; ++j) {
    for (auto [p, e] = l.of(j); p != e; ++p)
      lower[p->first].push_back(j);
    for (auto [p, e] = u.of(j); p != e; ++p)
      lower[p->first].push_back(j);
  }
  std::vector<int> parent(n, -1), ancestor(n, -1), mark(n, -1);
  for (int k = 0; k < n; ++k)
    for (int i : lower[k])
      for (int next; i != -1 && i < k; i = next) {
        next = ancestor[i];
        ancestor[i] = k;
        if (next == -1) parent[i] = k;
      }
  std::vector<std::vector<int>> cols(n);
  for (int k = 0; k < n; ++k) {
    mark[k] = k;
    for (int i : lower[k])
      for (; i != -1 && mark[i] != k; i = parent[i]) {
        mark[i] = k;
        cols[i].push_back(k);  // k ascending: every column stays sorted
      }
  }
  return cols;
}

/// diag(Z) for Z = (L U)⁻¹, L unit lower, U = D·Ũ, by Takahashi's recurrences
/// Z = D⁻¹L⁻¹ + (I − Ũ)Z and Z = Ũ⁻¹D⁻¹ + Z(I − L), evaluated only on the filled pattern,
/// columns from last to first (Takahashi, Fagan and Chen 1973; Erisman and Tinney 1975).
/// Cost Σ_j Σ_{k in column j} |column k|: about that of the factorisation.
std::vector<double> takahashi(const Adjacency& l, const Adjacency& u, const std::vector<double>& d,
                              int n) {
  const std::vector<std::vector<int>> cols = filled_columns(l, u, n);
  std::vector<std::vector<double>> zl(n), zu(n);  // Z[i][j], Z[j][i] for i in cols[j]
  std::vector<double> diag(n, 0.0), lval(n, 0.0), uval(n, 0.0);
  std::vector<int> where(n, -1), stamp(n, -1);
  for (int j = n - 1; j >= 0; --j) {
    const std::vector<int>& c = cols[j];
    for (auto [p, e] = l.of(j); p != e; ++p)
      lval[p->first] = p->second;
    for (auto [p, e] = u.of(j); p != e; ++p)
      uval[p->first] = p->second / d[j];
    for (std::size_t x = 0; x < c.size(); ++x)
      where[c[x]] = static_cast<int>(x), stamp[c[x]] = j;
    std::vector<double> lo(c.size(), 0.0), up(c.size(), 0.0);
    for (std::size_t xk = 0; xk < c.size(); ++xk) {
      const int k = c[xk];
      lo[xk] -= diag[k] * lval[k];
      up[xk] -= uval[k] * diag[k];
      const std::vector<int>& ck = cols[k];
      for (std::size_t y = 0; y < ck.size(); ++y) {
        const int i = ck[y];
        if (stamp[i] != j) continue;
        const auto xi = static_cast<std::size_t>(where[i]);
        lo[xi] -= zl[k][y] * lval[k];  // Z_ij −= Z_ik L_kj
        lo[xk] -= zu[k][y] * lval[i];  // Z_kj −= Z_ki L_ij
        up[xi] -= uval[k] * zu[k][y];  // Z_ji −= Ũ_jk Z_ki
        up[xk] -= uval[i] * zl[k][y];  // Z_jk −= Ũ_ji Z_ik
      }
    }
    double zjj = 1.0 / d[j];
    for (std::size_t xk = 0; xk < c.size(); ++xk)
      zjj -= uval[c[xk]] * lo[xk];
    diag[j] = zjj;
    zl[j] = std::move(lo);
    zu[j] = std::move(up);
    for (int k : c)
      lval[k] = uval[k] = 0.0;
  }
  return diag;
}

}  // namespace

std::vector<double> inverse_diagonal(const SparseLu& lu) {
  const int n = static_cast<int>(lu.rows());
  std::vector<std::vector<std::pair<int, double>>> lc, ur;
  std::vector<double> udiag;
  unpack(lu, lc, ur, udiag);
  const Adjacency l(std::move(lc)), u(std::move(ur));
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
