#include "plan/minimal.h"

#include <algorithm>
#include <limits>

#include "plan/floors.h"

namespace icsrisk::plan {

namespace {

constexpr long long kInfinite = std::numeric_limits<long long>::max();

/// The risk after `effect` of baseline `before` at `index` in `changes`.
model::Risk after(const std::vector<Change>& changes, std::size_t index, model::Risk before) {
  for (const Change& c : changes)
    if (c.index == index) return c.after;
  return before;
}

/// How many letters the risks after `effect` still lie above their goals.
int deficit(const WhatIf& w, const Plan& plan, const Effect& e) {
  int out = 0;
  auto gap = [](model::Risk r, model::Risk goal) {
    return std::max(0, static_cast<int>(model::index_of(goal)) - static_cast<int>(index_of(r)));
  };
  for (std::size_t i = 0; i < plan.scenario_goal.size(); ++i)
    if (plan.scenario_goal[i])
      out += gap(after(e.scenarios, i, *w.scenario_risks()[i]), *plan.scenario_goal[i]);
  for (std::size_t i = 0; i < plan.row_goal.size(); ++i)
    out += gap(after(e.rows, i, w.rows()[i].risk), plan.row_goal[i]);
  return out;
}

/// Goals: the target, or the floor where no plan can reach the target.
void set_goals(const WhatIf& w, const PlanOptions& o, Plan& plan) {
  std::vector<std::optional<risk::ScenarioFloor>> floors = scenario_floors(w.context());
  for (std::size_t i = 0; i < w.scenario_risks().size(); ++i) {
    std::optional<model::Risk> goal;
    if (w.scenario_risks()[i] && floors[i]) {
      goal = o.target;
      if (worse_than(floors[i]->risk, o.target)) {
        goal = floors[i]->risk;
        plan.scenarios_below_floor.push_back(i);
      }
    }
    plan.scenario_goal.push_back(goal);
  }
  if (o.scope != Scope::kAll) return;
  std::vector<model::Risk> row_floor = row_floors(w.context());
  for (std::size_t i = 0; i < w.rows().size(); ++i) {
    plan.row_goal.push_back(worse_than(row_floor[i], o.target) ? row_floor[i] : o.target);
    if (worse_than(row_floor[i], o.target)) plan.rows_below_floor.push_back(i);
  }
}

/// Drops placements of a measure that cost no less than the same measure system-wide.
std::vector<Candidate> undominated(const std::vector<Candidate>& all) {
  std::vector<long long> system_cost;
  for (const Candidate& c : all) {
    if (c.kind != ScopeKind::kSystem) continue;
    if (system_cost.size() <= c.measure) system_cost.resize(c.measure + 1, kInfinite);
    system_cost[c.measure] = std::min<long long>(system_cost[c.measure], c.cost);
  }
  std::vector<Candidate> out;
  for (const Candidate& c : all) {
    bool dominated = c.kind != ScopeKind::kSystem && c.measure < system_cost.size() &&
                     system_cost[c.measure] <= c.cost;
    if (!dominated) out.push_back(c);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
  return out;
}

class Search {
 public:
  Search(const WhatIf& w, Plan& plan, std::vector<Candidate> cands, std::size_t budget)
      : w_(w), plan_(plan), c_(std::move(cands)), budget_(budget) {}

  void run() {
    order_by_reach();
    seed_greedy();
    std::vector<Candidate> chosen;
    dfs(0, chosen, 0, nullptr);
    plan_.exact = !stopped_;
    plan_.lower_bound = stopped_ ? std::min(lower_, best_) : best_;
  }

  long long best() const { return best_; }
  const std::vector<Candidate>& best_set() const { return best_set_; }

 private:
  Effect evaluate(const std::vector<Candidate>& set) {
    ++plan_.evaluations;
    return w_.evaluate(set, !plan_.row_goal.empty());
  }

  void accept(const std::vector<Candidate>& set, long long cost) {
    if (cost >= best_) return;
    best_ = cost;
    best_set_ = set;
  }

  /// What a plan below a node still costs at least. Every goal `e` misses needs one of the
  /// candidates i.. that can change it; goals whose sets of such candidates are disjoint need
  /// distinct ones, so the sum of their cheapest over a disjoint family (picked greedily, dearest
  /// first) is a lower bound. kInfinite when some missed goal has no candidate left.
  long long still_needed(const Effect& e, std::size_t i) const {
    struct Need {
      long long cheapest = kInfinite;
      std::vector<char> who;
    };
    std::vector<Need> needs;
    auto add = [&](auto&& can_change) {
      Need n;
      n.who.assign(c_.size() - i, 0);
      for (std::size_t k = i; k < c_.size(); ++k)
        if (can_change(c_[k]))
          n.who[k - i] = 1, n.cheapest = std::min<long long>(n.cheapest, c_[k].cost);
      needs.push_back(std::move(n));
      return needs.back().cheapest != kInfinite;
    };
    for (std::size_t g = 0; g < plan_.scenario_goal.size(); ++g) {
      if (!plan_.scenario_goal[g] ||
          !worse_than(after(e.scenarios, g, *w_.scenario_risks()[g]), *plan_.scenario_goal[g]))
        continue;
      if (!add([&](const Candidate& x) { return w_.scenario_affected(g, x.measure); }))
        return kInfinite;
    }
    for (std::size_t g = 0; g < plan_.row_goal.size(); ++g) {
      if (!worse_than(after(e.rows, g, w_.rows()[g].risk), plan_.row_goal[g])) continue;
      if (!add([&](const Candidate& x) { return w_.row_affected(g, x); })) return kInfinite;
    }
    std::stable_sort(needs.begin(), needs.end(),
                     [](const Need& a, const Need& b) { return a.cheapest > b.cheapest; });
    std::vector<char> taken(c_.size() - i, 0);
    long long bound = 0;
    for (const Need& n : needs) {
      bool disjoint = true;
      for (std::size_t k = 0; k < taken.size() && disjoint; ++k)
        disjoint = !(n.who[k] && taken[k]);
      if (!disjoint) continue;
      bound += n.cheapest;
      for (std::size_t k = 0; k < taken.size(); ++k)
        taken[k] = static_cast<char>(taken[k] | n.who[k]);
    }
    return bound;
  }

  /// Cheap candidates that can serve many missed goals first: the search then meets good plans
  /// early and prunes the rest (on model-plant --scope all: 729 evaluations, not 20,000+).
  void order_by_reach() {
    std::vector<double> score(c_.size(), 0);
    for (std::size_t k = 0; k < c_.size(); ++k) {
      double served = 0;
      for (std::size_t g = 0; g < plan_.scenario_goal.size(); ++g)
        if (plan_.scenario_goal[g] &&
            worse_than(*w_.scenario_risks()[g], *plan_.scenario_goal[g]) &&
            w_.scenario_affected(g, c_[k].measure))
          served += 1;
      for (std::size_t g = 0; g < plan_.row_goal.size(); ++g)
        if (worse_than(w_.rows()[g].risk, plan_.row_goal[g]) && w_.row_affected(g, c_[k]))
          served += 1;
      score[k] = static_cast<double>(c_[k].cost) / (1.0 + served);
    }
    std::vector<std::size_t> order(c_.size());
    for (std::size_t k = 0; k < order.size(); ++k)
      order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    std::vector<Candidate> sorted;
    for (std::size_t k : order)
      sorted.push_back(c_[k]);
    c_ = std::move(sorted);
  }

  /// Most deficit removed per cost, until the goals are met; then drops what is not needed.
  void seed_greedy() {
    std::vector<Candidate> chosen;
    std::vector<char> used(c_.size(), 0);
    int now = deficit(w_, plan_, evaluate(chosen));
    while (now > 0) {
      std::size_t pick = c_.size();
      double best_ratio = 0;
      for (std::size_t i = 0; i < c_.size(); ++i) {
        if (used[i]) continue;
        chosen.push_back(c_[i]);
        int d = deficit(w_, plan_, evaluate(chosen));
        chosen.pop_back();
        double ratio = static_cast<double>(now - d) / static_cast<double>(c_[i].cost);
        if (d < now && ratio > best_ratio) best_ratio = ratio, pick = i;
      }
      if (pick == c_.size()) return;  // no single step helps: leave it to the search
      used[pick] = 1;
      chosen.push_back(c_[pick]);
      now = deficit(w_, plan_, evaluate(chosen));
    }
    for (std::size_t i = chosen.size(); i-- > 0;) {
      std::vector<Candidate> fewer = chosen;
      fewer.erase(fewer.begin() + static_cast<long>(i));
      if (deficit(w_, plan_, evaluate(fewer)) == 0) chosen = std::move(fewer);
    }
    long long cost = 0;
    for (const Candidate& c : chosen)
      cost += c.cost;
    accept(chosen, cost);
  }

  /// `known`: the effect of `chosen` when the parent evaluated it (it fell short of the goals).
  void dfs(std::size_t i, std::vector<Candidate>& chosen, long long cost, const Effect* known) {
    if (cost >= best_) return;
    if (plan_.evaluations >= budget_) {
      stopped_ = true;
      long long need = known ? still_needed(*known, i) : 0;
      if (need != kInfinite) lower_ = std::min(lower_, cost + need);
      return;
    }
    Effect here;
    if (!known) {
      here = evaluate(chosen);
      if (deficit(w_, plan_, here) == 0) return accept(chosen, cost);
      known = &here;
    }
    long long need = still_needed(*known, i);
    if (need == kInfinite || cost + need >= best_) return;
    std::vector<Candidate> all = chosen;
    all.insert(all.end(), c_.begin() + static_cast<long>(i), c_.end());
    if (deficit(w_, plan_, evaluate(all)) != 0) return;
    chosen.push_back(c_[i]);
    dfs(i + 1, chosen, cost + c_[i].cost, nullptr);
    chosen.pop_back();
    dfs(i + 1, chosen, cost, known);
  }

  const WhatIf& w_;
  Plan& plan_;
  std::vector<Candidate> c_;
  std::size_t budget_;
  long long best_ = kInfinite;
  long long lower_ = kInfinite;
  bool stopped_ = false;
  std::vector<Candidate> best_set_;
};

}  // namespace

bool meets(const WhatIf& w, const Plan& plan, const Effect& e) {
  return deficit(w, plan, e) == 0;
}

Plan minimal_plan(const WhatIf& w, const std::vector<Candidate>& candidates, const PlanOptions& o) {
  Plan plan;
  set_goals(w, o, plan);
  Search search(w, plan, undominated(candidates), plan.evaluations + o.max_evaluations);
  search.run();
  if (search.best() == kInfinite) {
    plan.met = false;
    plan.cost = 0;
    plan.effect = w.evaluate({});
    return plan;
  }
  plan.cost = search.best();
  plan.placements = search.best_set();
  std::sort(plan.placements.begin(), plan.placements.end(),
            [&](const Candidate& a, const Candidate& b) {
              return std::find(candidates.begin(), candidates.end(), a) <
                     std::find(candidates.begin(), candidates.end(), b);
            });
  plan.effect = w.evaluate(plan.placements);
  return plan;
}

}  // namespace icsrisk::plan
