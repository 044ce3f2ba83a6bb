// The numbers of the quant stage (method.md §9) against the chain as the method words it
// (unit/quant_reference.h): an exact dense solve on random small models, a seeded Monte-Carlo
// simulation on ≥ 200 random models and on the bundled examples, and the monotonicity of
// p_goal in the step levels.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>
#include <string>

#include "quant/quant.h"
#include "unit/golden.h"
#include "unit/quant_reference.h"
#include "unit/quant_test_models.h"

namespace icsrisk::testing {
namespace {

/// Five standard errors; at least 5 / runs, the resolution of a frequency over `runs` walks.
void expect_near_mc(double exact, double mc, double se, int runs, const std::string& what) {
  EXPECT_LE(std::abs(exact - mc), 5 * std::max(se, 1.0 / runs))
      << what << ": exact " << exact << ", simulated " << mc;
}

/// The standard error of a frequency estimating probability p over `runs` walks.
double frequency_se(double p, int runs) {
  return std::sqrt(p * (1 - p) / runs);
}

/// The library's values against the simulation of the reference chain.
void check_against_mc(const QuantCase& s, std::size_t i, int runs, unsigned seed,
                      const std::string& label) {
  const RefChain& c = s.chains[i];
  const quant::ScenarioQuant& q = s.quant[i];
  McValues mc = monte_carlo(c, all_entries(c), runs, seed);
  expect_near_mc(q.p_goal, mc.p_goal, frequency_se(q.p_goal, runs), runs, label + " p_goal");
  expect_near_mc(q.expected_attempts, mc.attempts, mc.attempts_se, runs, label + " attempts");
  for (std::size_t v = 0; v < c.n; ++v)
    expect_near_mc(q.visit[v], mc.visit[v], frequency_se(q.visit[v], runs), runs,
                   label + " visit " + std::string(s.l->model.assets[v].id));
  // Each entry point alone (the attacker always starts there), with a quarter of the walks.
  for (std::size_t e = 0; e < c.entry.size(); ++e) {
    const int r = runs / 4;
    McValues one = monte_carlo(c, {e}, r, seed + 1000 * static_cast<unsigned>(e + 1));
    const std::string at = label + " entry " + std::string(s.l->model.entries[e].id);
    expect_near_mc(q.entries[e].p_goal, one.p_goal, frequency_se(q.entries[e].p_goal, r), r,
                   at + " p_goal");
    expect_near_mc(q.entries[e].expected_attempts, one.attempts, one.attempts_se, r,
                   at + " attempts");
  }
}

TEST(QuantValidationTest, AgreesWithExactDenseSolveOnRandomModels) {
  for (unsigned seed = 1; seed <= 250; ++seed) {
    QuantCase s = solve_case(random_quant_model(seed));
    ASSERT_EQ(s.quant.size(), 1u);
    const RefChain& c = s.chains[0];
    const quant::ScenarioQuant& q = s.quant[0];
    RefValues d = dense_solve(c, all_entries(c));
    const std::string at = "seed " + std::to_string(seed);
    EXPECT_NEAR(q.p_goal, d.p_goal, 1e-10) << at;
    EXPECT_NEAR(q.expected_attempts, d.attempts, 1e-8 * (1 + d.attempts)) << at;
    for (std::size_t v = 0; v < c.n; ++v)
      EXPECT_NEAR(q.visit[v], d.visit[v], 1e-10) << at << " visit " << v;
    for (std::size_t e = 0; e < c.entry.size(); ++e) {
      RefValues de = dense_solve(c, {e});
      EXPECT_NEAR(q.entries[e].p_goal, de.p_goal, 1e-10) << at << " entry " << e;
      EXPECT_NEAR(q.entries[e].expected_attempts, de.attempts, 1e-8 * (1 + de.attempts))
          << at << " entry " << e;
    }
  }
}

TEST(QuantValidationTest, AgreesWithMonteCarloOnRandomModels) {
  int reaching = 0;
  for (unsigned seed = 1; seed <= 220; ++seed) {
    QuantCase s = solve_case(random_quant_model(seed));
    check_against_mc(s, 0, 4000, seed, "seed " + std::to_string(seed));
    reaching += s.quant[0].p_goal > 0 ? 1 : 0;
  }
  EXPECT_GE(reaching, 150);  // the models are not mostly trivial
}

TEST(QuantValidationTest, AgreesWithMonteCarloOnTheExamples) {
  for (const char* file : {"models/small-plant.xml", "models/model-plant.xml"}) {
    QuantCase s = solve_case(read_text(source_path(file)), /*builtin=*/true);
    ASSERT_FALSE(s.quant.empty()) << file;
    for (std::size_t i = 0; i < s.quant.size(); ++i) {
      EXPECT_GT(s.quant[i].p_goal, 0.0) << file << " scenario " << i;
      check_against_mc(s, i, 20000, 7 + static_cast<unsigned>(i),
                       std::string(file) + " scenario " + std::to_string(i));
    }
  }
}

TEST(QuantValidationTest, PGoalNeverIncreasesWhenTheFinalStepLevelRises) {
  // A measure against the final method on a host raises the final steps onto it (the target)
  // and nothing else: p_goal may only fall.
  int lowered = 0;
  for (unsigned seed = 1; seed <= 200; ++seed)
    for (const char* ref : {"p-attack", "d-attack"})
      for (int host = 0; host < 6; ++host) {
        QuantCase before = solve_case(random_quant_model(seed));
        if (static_cast<std::size_t>(host) >= before.l->model.assets.size()) continue;
        QuantCase after = solve_case(random_quant_model(seed, measure(ref), host));
        EXPECT_LE(after.quant[0].p_goal, before.quant[0].p_goal + 1e-12)
            << "seed " << seed << " " << ref << " on h" << host;
        lowered += after.quant[0].p_goal < before.quant[0].p_goal - 1e-12 ? 1 : 0;
      }
  EXPECT_GE(lowered, 100);
}

TEST(QuantValidationTest, PGoalNeverIncreasesWhenAStepTowardsTheGoalIsStrengthened) {
  // Raising one step's level lowers its s and raises its c. In the chain of §9 that can only
  // lower p_goal when the step leads to a state at least as close to the goal as its source
  // (g[dest] ≥ g[source]); a step into a dead end, once harder, lures the attacker less and
  // p_goal rises (pinned below). Checked for every step of the reference chain.
  int checked = 0, rose = 0;
  for (unsigned seed = 1; seed <= 200; ++seed) {
    QuantCase s = solve_case(random_quant_model(seed));
    RefChain c = s.chains[0];
    std::vector<std::size_t> entries = all_entries(c);
    const RefValues base = dense_solve(c, entries);
    auto g = [&](std::size_t state) {
      return state == kGoal ? 1.0 : base.goal_from[state == model::kNone ? 0 : state + 1];
    };
    auto each = [&](std::size_t from, std::vector<RefStep>& steps) {
      for (RefStep& st : steps) {
        if (st.level == 3) continue;
        ++st.level;
        const double p = dense_solve(c, entries).p_goal;
        --st.level;
        if (g(st.to) >= g(from) - 1e-12) {
          EXPECT_LE(p, base.p_goal + 1e-12) << "seed " << seed;
          ++checked;
        } else {
          rose += p > base.p_goal + 1e-12 ? 1 : 0;
        }
      }
    };
    for (auto& steps : c.entry)
      each(model::kNone, steps);
    for (std::size_t u = 0; u < c.n; ++u)
      each(u, c.at[u]);
  }
  EXPECT_GE(checked, 1000);
  EXPECT_GT(rose, 0);  // the exception is real, not hypothetical
}

TEST(QuantValidationTest, StrengtheningAStepAwayFromTheGoalCanRaisePGoal) {
  // The exception above, in the library on real models: a measure against lateral movement on
  // a host that leads away from the goal (a dead end, or a detour) makes the attacker waste
  // fewer attempts there, and p_goal rises. README, "Method readings".
  int rose = 0, fell = 0;
  for (unsigned seed = 1; seed <= 200; ++seed)
    for (int host = 0; host < 6; ++host) {
      QuantCase before = solve_case(random_quant_model(seed));
      if (static_cast<std::size_t>(host) >= before.l->model.assets.size()) continue;
      QuantCase after = solve_case(random_quant_model(seed, measure("p-access"), host));
      rose += after.quant[0].p_goal > before.quant[0].p_goal + 1e-9 ? 1 : 0;
      fell += after.quant[0].p_goal < before.quant[0].p_goal - 1e-9 ? 1 : 0;
    }
  EXPECT_GT(rose, 0);
  EXPECT_GT(fell, rose);  // the common case is still that a measure lowers p_goal
}

}  // namespace
}  // namespace icsrisk::testing
