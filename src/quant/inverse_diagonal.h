#pragma once
// Internal to src/quant: the diagonal of the inverse of a sparse matrix from its sparse LU
// factors, without one full solve per diagonal entry.
//
// SparseLU factorises P_r A P_c = L U (L unit lower, U upper; Eigen's convention: a solve is
// x = P_c⁻¹ U⁻¹ L⁻¹ P_r b). Then (A⁻¹)[i,i] = (U⁻ᵀ e_p)ᵀ (L⁻¹ e_q) with p = P_c(i), q = P_r(i).
// Both vectors are sparse: L⁻¹ e_q is non-zero only on the nodes reachable from q in the graph
// of L's columns, U⁻ᵀ e_p only on those reachable from p in the graph of U's rows (Gilbert and
// Peierls, "Sparse partial pivoting in time proportional to arithmetic operations", 1988). Each
// entry costs the size of those two reaches — the paths to the root of the elimination tree,
// short for the tree-like graphs of plant networks — instead of an O(nnz(L + U)) dense solve.

#include <vector>

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

namespace icsrisk::quant::detail {

using SparseMatrix = Eigen::SparseMatrix<double>;
using SparseLu = Eigen::SparseLU<SparseMatrix, Eigen::COLAMDOrdering<int>>;

/// diag(A⁻¹) for the matrix `lu` has factorised successfully. Time: Σ_i of the reach sizes of
/// entry i in L and Uᵀ, times their column lengths; memory O(nnz(L + U)).
std::vector<double> inverse_diagonal(const SparseLu& lu);

}  // namespace icsrisk::quant::detail
