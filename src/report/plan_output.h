#pragma once
// The outputs of `icsrisk plan` (issue 11): a readable table for the terminal and plan.json.

#include <cstddef>
#include <string>
#include <vector>

#include "plan/minimal.h"
#include "plan/whatif.h"

namespace icsrisk::report {

/// What the plan command computed: the baseline, the ranked candidates, the minimal plan.
struct PlanOutput {
  const plan::WhatIf* whatif = nullptr;
  std::vector<plan::Ranked> ranking;  ///< every candidate, ranked
  plan::Plan plan;
  plan::PlanOptions options;
  std::size_t candidates = 0;  ///< candidates considered
};

/// The terminal view: the plan's placements, its risks before and after, the goals below a
/// floor, and the first `top` ranked placements that lower some risk. Model text is shown as
/// text (control characters replaced). Deterministic.
std::string plan_text(const PlanOutput& out, model::Lang lang, std::size_t top = 20);

/// plan.json: target, scope, exactness, cost and bound; placements (measure, scope kind, scope
/// id, cost); the risks of every scenario and asset-based row before and after the plan; the
/// ranking of every placement that lowers some risk with the scenarios and rows it changes.
/// Deterministic (fixed key order, two-space indent, LF).
std::string plan_json(const PlanOutput& out);

}  // namespace icsrisk::report
