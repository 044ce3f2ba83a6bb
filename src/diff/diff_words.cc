#include "diff/diff_words.h"

namespace icsrisk::diff {

namespace {

constexpr DiffWords kJa{
    .title = "モデル・分析結果の比較",
    .results_only = "分析結果(results.json)どうしの比較のため、モデルの変更は比較していません。",
    .model_changes = "モデルの変更",
    .asset_rows = "資産ベースのリスク分析シート: 変化した行",
    .scenarios = "事業被害ベースのリスク分析シート: 変化したシナリオ",
    .no_change = "変化なし",
    .added = "追加",
    .removed = "削除",
    .changed = "変更",
    .worse = "悪化",
    .better = "改善",
    .change = "変化",
    .element = "要素",
    .id = "ID",
    .name = "名称",
    .what = "変更内容",
    .no = "No.",
    .target = "資産・ネットワーク",
    .threat = "脅威",
    .risk = "リスク値",
    .risk_planned = "計画中の対策後",
    .routes = "攻撃ルート",
    .new_route = "新しいルート",
    .lost_route = "なくなったルート",
    .scenario = "シナリオ",
    .no_route = "ルートなし",
    .verdict_worse = "悪化したリスクがあります。",
    .verdict_same = "悪化したリスクはありません。",
    .counts = "{0}件(悪化 {1}、改善 {2}、追加 {3}、削除 {4})",
};

constexpr DiffWords kEn{
    .title = "Comparison of models and analysis results",
    .results_only = "Two results.json files were compared: model changes are not shown.",
    .model_changes = "Model changes",
    .asset_rows = "Asset-based risk analysis sheet: changed rows",
    .scenarios = "Business-impact-based risk analysis sheet: changed scenarios",
    .no_change = "no change",
    .added = "added",
    .removed = "removed",
    .changed = "changed",
    .worse = "worse",
    .better = "better",
    .change = "Change",
    .element = "Element",
    .id = "ID",
    .name = "Name",
    .what = "What changed",
    .no = "No.",
    .target = "Asset / network",
    .threat = "Threat",
    .risk = "Risk",
    .risk_planned = "After planned measures",
    .routes = "Attack routes",
    .new_route = "new route",
    .lost_route = "lost route",
    .scenario = "Scenario",
    .no_route = "no route",
    .verdict_worse = "A risk got worse.",
    .verdict_same = "No risk got worse.",
    .counts = "{0} (worse {1}, better {2}, added {3}, removed {4})",
};

}  // namespace

const DiffWords& diff_words(model::Lang lang) {
  return lang == model::Lang::kEn ? kEn : kJa;
}

}  // namespace icsrisk::diff
