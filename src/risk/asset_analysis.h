#pragma once
// The asset-based risk analysis (資産ベースのリスク分析, method.md §6).

#include <vector>

#include "model/model.h"
#include "model/profile.h"
#include "risk/coverage.h"
#include "risk/results.h"

namespace icsrisk::risk {

/// The importance of each network (method.md §6): its `importance` attribute when given; else
/// the highest importance of the assets connected to it, network devices (asset types of
/// category network-device) excluded; 1 when none is. Indexed like Model::networks.
/// O(connections).
std::vector<int> network_importance(const model::Model& model, const model::Profile& profile);

/// The rows of the asset-based sheet of a linked, error-free model: every asset in model order
/// with each threat applicable to its type in catalogue order, then every network in model order
/// with each threat applicable to its medium. A group (count="N") is one row. Each row carries
/// both the implemented evaluation and the one with planned measures counted as implemented.
/// O(rows · measures per target).
std::vector<AssetRiskRow> analyze_assets(const model::Model& model, const model::Profile& profile,
                                         const Coverage& coverage);

}  // namespace icsrisk::risk
