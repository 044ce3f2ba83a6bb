#pragma once
// The report words of the quantitative propagation (method.md §9), one instance per language:
// designated initializers, so a missing word is a compile error.

#include "model/profile.h"

namespace icsrisk::report {

struct QuantWords {
  const char* section;       ///< profile show: the section title
  const char* level;         ///< the step-level column
  const char* success;       ///< s
  const char* stop;          ///< c
  const char* builtin_note;  ///< the values are illustrative
  const char* column;        ///< the business-impact sheet column
  const char* column_note;   ///< what that column is, under the sheet
  const char* heat_title;    ///< HTML: the heat map's heading
  const char* heat_note;     ///< HTML: what the shading means
  const char* sensitive;     ///< HTML: the sensitive-steps table's heading
  const char* derivative;    ///< its column: d p_goal / d s
  const char* attacker;      ///< the source of an entry step
  const char* attempts;      ///< HTML: expected attempts
  const char* step;          ///< HTML: the step column
  const char* method;        ///< HTML: the method column
  const char* darkest;       ///< heat map title: the visit of the darkest shade
  const char* group_visit;   ///< aggregated heat map: a group's highest visit ({:.3g})
};

inline constexpr QuantWords kQuantJa = {
    .section = "定量的な伝播 (method.md §9): 段階ごとの成功確率 s と中断確率 c",
    .level = "対策レベル",
    .success = "s (1回の試行の成功確率)",
    .stop = "c (1回の試行で攻撃が終わる確率)",
    .builtin_note = "例示の値です (要校正)。リスク値には影響しません。",
    .column = "到達確率 (モデル推定・例示パラメータ、リスクレベルではない)",
    .column_note =
        "到達確率: 侵入口から攻撃が最終攻撃まで成功する確率のモデル推定値 "
        "(method.md §9、例示のパラメータ)。リスクレベルではありません。",
    .heat_title = "ヒートマップ: 攻撃者が資産を保持する確率",
    .heat_note =
        "濃い色ほど、攻撃者がその資産を一度でも保持する確率 visit が高い "
        "(最も高い資産を最も濃く表示。モデル推定、例示のパラメータ。"
        "リスクレベルではありません)。",
    .sensitive = "強化の効果が大きいステップ (d p_goal / d s の大きい順)",
    .derivative = "d p_goal / d s",
    .attacker = "攻撃者",
    .attempts = "期待試行回数",
    .step = "ステップ",
    .method = "攻撃手法",
    .darkest = "最も濃い色の visit",
    .group_visit = "最高 visit {:.3g}",
};

inline constexpr QuantWords kQuantEn = {
    .section = "Quantitative propagation (method.md §9): per step level, success s and stop c",
    .level = "Countermeasure level",
    .success = "s (one attempt succeeds)",
    .stop = "c (one attempt ends the attack)",
    .builtin_note = "Illustrative values, to be calibrated. They never change a risk value.",
    .column = "p(goal): model estimate, illustrative parameters (not a risk level)",
    .column_note =
        "p(goal): the model's estimate of the probability that an attack from the "
        "entry points achieves the final attack (method.md §9, illustrative "
        "parameters). It is not a risk level.",
    .heat_title = "Heat map: probability that the attacker holds each asset",
    .heat_note =
        "The darker an asset, the higher visit, the probability that the attacker ever "
        "holds it; the most visited asset is darkest (model estimate with illustrative "
        "parameters, not a risk level).",
    .sensitive = "Steps whose strengthening lowers p_goal most (largest d p_goal / d s first)",
    .derivative = "d p_goal / d s",
    .attacker = "attacker",
    .attempts = "expected attempts",
    .step = "Step",
    .method = "Method",
    .darkest = "darkest shade: visit",
    .group_visit = "highest visit {:.3g}",
};

inline const QuantWords& quant_words(model::Lang lang) {
  return lang == model::Lang::kJa ? kQuantJa : kQuantEn;
}

}  // namespace icsrisk::report
