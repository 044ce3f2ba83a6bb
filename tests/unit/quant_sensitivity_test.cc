// The sensitivities of the quant stage (method.md §9): d p_goal / d s of the listed steps
// against central finite differences of the exact dense solve of the reference chain
// (unit/quant_reference.h), and the list being the steps with the largest positive
// derivatives. And diag(A⁻¹) from the sparse LU factors against a dense inverse.

#include <gtest/gtest.h>

#include <Eigen/Dense>

#include <algorithm>
#include <numeric>
#include <random>

#include "quant/inverse_diagonal.h"
#include "quant/quant.h"
#include "unit/quant_reference.h"
#include "unit/quant_test_models.h"

namespace icsrisk::testing {
namespace {

/// d p_goal / d s of one step of the reference chain, by central differences.
double finite_difference(RefChain& c, RefStep& step, const std::vector<std::size_t>& entries) {
  const double h = 1e-6;
  step.ds = h;
  double up = dense_solve(c, entries).p_goal;
  step.ds = -h;
  double down = dense_solve(c, entries).p_goal;
  step.ds = 0;
  return (up - down) / (2 * h);
}

TEST(QuantSensitivityTest, DerivativesMatchFiniteDifferencesAndAreTheLargest) {
  int checked = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    QuantCase s = solve_case(random_quant_model(seed));
    RefChain c = s.chains[0];
    const quant::ScenarioQuant& q = s.quant[0];
    std::vector<std::size_t> entries(c.entry.size());
    std::iota(entries.begin(), entries.end(), 0);
    // Every step's derivative, by finite differences (the step's `ds` is varied in place).
    std::vector<double> all;
    for (auto& steps : c.entry)
      for (RefStep& st : steps)
        all.push_back(finite_difference(c, st, entries));
    for (auto& steps : c.at)
      for (RefStep& st : steps)
        all.push_back(finite_difference(c, st, entries));
    std::vector<double> positive;
    for (double d : all)
      if (d > 1e-6) positive.push_back(d);
    std::sort(positive.rbegin(), positive.rend());
    for (std::size_t i = 0; i < std::min(quant::kSensitiveSteps, positive.size()); ++i) {
      ASSERT_LT(i, q.sensitive_steps.size()) << "seed " << seed;
      EXPECT_NEAR(q.sensitive_steps[i].derivative, positive[i], 1e-6 * (1 + positive[i]))
          << "seed " << seed << " rank " << i;
      ++checked;
    }
  }
  EXPECT_GE(checked, 200);
}

TEST(QuantSensitivityTest, InverseDiagonalFromSparseFactorsMatchesDenseInverse) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 50; ++trial) {
    const int n = 2 + trial % 40;
    // A random sub-stochastic Q (a few non-zeros a row) and A = I − Q, like a chain's.
    Eigen::MatrixXd dense = Eigen::MatrixXd::Identity(n, n);
    for (int r = 0; r < n; ++r)
      for (int k = 0; k < 3; ++k)
        dense(r, static_cast<int>(u(rng) * n)) -= 0.3 * u(rng);
    quant::detail::SparseMatrix a = dense.sparseView();
    Eigen::MatrixXd inv = dense.inverse();
    // Threshold 0: diagonal pivots, selected inversion; 1: partial pivoting, triangular solves.
    for (double threshold : {0.0, 1.0}) {
      quant::detail::SparseLu lu;
      lu.setPivotThreshold(threshold);
      lu.compute(a);
      ASSERT_EQ(lu.info(), Eigen::Success);
      std::vector<double> diag = quant::detail::inverse_diagonal(lu);
      for (int i = 0; i < n; ++i)
        EXPECT_NEAR(diag[i], inv(i, i), 1e-10 * (1 + std::abs(inv(i, i))))
            << trial << " " << i << " threshold " << threshold;
    }
  }
}

TEST(QuantSensitivityTest, InverseDiagonalUnderRowPivotingMatchesDenseInverse) {
  // Small diagonals force partial pivoting off the diagonal: the triangular-solve path.
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  int pivoted = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 3 + trial % 20;
    Eigen::MatrixXd dense = 0.01 * Eigen::MatrixXd::Identity(n, n);
    for (int r = 0; r < n; ++r)
      for (int k = 0; k < 3; ++k)
        dense(r, (r + 1 + static_cast<int>((u(rng) + 1) * n)) % n) += u(rng);
    if (std::abs(dense.determinant()) < 1e-6) continue;
    quant::detail::SparseMatrix a = dense.sparseView();
    quant::detail::SparseLu lu;
    lu.compute(a);
    if (lu.info() != Eigen::Success) continue;
    pivoted += lu.rowsPermutation().indices() == lu.colsPermutation().indices() ? 0 : 1;
    std::vector<double> diag = quant::detail::inverse_diagonal(lu);
    Eigen::MatrixXd inv = dense.inverse();
    for (int i = 0; i < n; ++i)
      EXPECT_NEAR(diag[i], inv(i, i), 1e-8 * (1 + std::abs(inv(i, i)))) << trial << " " << i;
  }
  EXPECT_GE(pivoted, 10);
}

}  // namespace
}  // namespace icsrisk::testing
