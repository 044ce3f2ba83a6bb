#pragma once
// Internal to src/quant: the diagonal of the inverse of a sparse matrix from its sparse LU
// factors, without one full solve per diagonal entry.
//
// SparseLU factorises P_r A P_c = L U (Eigen's convention: a solve is x = P_c⁻¹ U⁻¹ L⁻¹ P_r b).
// - With diagonal pivots (P_r = P_c as index maps, a symmetric permutation; the quant stage
//   asks for them, A being an M-matrix): selected inversion, Takahashi's recurrences on the
//   filled pattern of the factors, about the cost of the factorisation (Takahashi, Fagan and
//   Chen 1973; Erisman and Tinney 1975).
// - Otherwise: (A⁻¹)[i,i] = (U⁻ᵀ e_p)ᵀ (L⁻¹ e_q) with p = P_c(i), q = P_r(i), both sparse
//   triangular solves restricted to the nodes reachable from p and q (Gilbert and Peierls,
//   1988): the length of the elimination-tree paths per entry.

#include <vector>

#include <Eigen/OrderingMethods>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

namespace icsrisk::quant::detail {

using SparseMatrix = Eigen::SparseMatrix<double>;
/// Eigen's SparseLU on a matrix the caller has already ordered (quant.cc: one COLAMD ordering
/// per model, see StateOrder there), with panels of 2 columns instead of 16: the chains' factors
/// have a few non-zeros per column and almost no supernodes, and wide panels only cost
/// (QuantStage/100000: factorisation 125 ms → 75 ms per scenario; same factors).
class SparseLu : public Eigen::SparseLU<SparseMatrix, Eigen::NaturalOrdering<int>> {
 public:
  SparseLu() { this->m_perfv.panel_size = 2; }
};

/// diag(A⁻¹) for the matrix `lu` has factorised successfully. Time: with diagonal pivots
/// Σ_j Σ_{k in column j} |column k| over the filled pattern, memory O(its size); otherwise Σ_i
/// of the reach sizes of entry i in L and Uᵀ times their column lengths.
std::vector<double> inverse_diagonal(const SparseLu& lu);

}  // namespace icsrisk::quant::detail
