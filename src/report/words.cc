#include "report/words.h"

namespace icsrisk::report {

namespace {

// clang-format off
const Words kJa = {
    "資産一覧", "データフローマトリクス", "資産ベースのリスク分析シート",
    "事業被害ベースのリスク分析シート", "サマリー",
    "No.", "ID", "名称", "種別", "カテゴリ", "ゾーン", "接続ネットワーク", "台数", "重要度", "対策",
    "送信元 \\ 受信先", "送信元", "受信先", "データ (プロトコル)",
    "送信元×受信先が多いため、フローの一覧で示す",
    "資産/ネットワーク", "脅威(攻撃手法)", "脅威レベル", "対策レベル", "脆弱性レベル", "リスク値",
    "計画中の対策の実施後", "計画中の対策", "ネットワーク",
    "事業被害", "事業被害レベル", "攻撃シナリオ", "ルートNo.", "侵入口", "攻撃ステップ",
    "攻撃元 → 攻撃先 : 攻撃手法", "ステップの対策", "ルートの評価", "シナリオのリスク値",
    "シナリオのリスク値(計画後)", "備考", "攻撃者", "経由", "攻撃対象に到達する経路なし",
    "全{}ルート中{}件を表示", "{}ルート以上のうち{}件を表示", "(計画)",
    "評価基準", "再構成値を含む(ガイド本文と未照合の値がある)", "、",
    {"資産一覧", "データフローマトリクス", "資産ベースのリスク分析シート",
     "事業被害ベースのリスク分析シート"},
    {"防御", "検知", "被害低減"},
    {"侵入・拡散段階", "目的遂行段階"},
    {"計算機", "制御機器", "ネットワーク機器", "フィールド機器", "可搬媒体"},
    {"有線", "無線", "シリアル", "フィールドバス"},
};

const Words kEn = {
    "Asset list", "Data-flow matrix", "Asset-based risk analysis sheet",
    "Business-impact-based risk analysis sheet", "Summary",
    "No.", "ID", "Name", "Type", "Category", "Zone", "Networks", "Count", "Importance",
    "Countermeasures",
    "Sender \\ receiver", "Sender", "Receiver", "Data (protocol)",
    "Too many senders × receivers for a matrix: flows listed instead",
    "Asset/network", "Threat (attack method)", "Threat level", "Countermeasure level",
    "Vulnerability level", "Risk", "After planned countermeasures", "Planned countermeasures",
    "Network",
    "Business impact", "Impact level", "Attack scenario", "Route No.", "Entry point",
    "Attack step", "Source → destination : method", "Step countermeasures", "Route evaluation",
    "Scenario risk", "Scenario risk (planned)", "Remarks", "attacker", "via",
    "No route reaches the target", "{1} of {0} routes listed", "{1} of at least {0} routes listed",
    " (planned)",
    "Profile", "contains reconstructed values (not checked against the guide's text)", ", ",
    {"Asset list", "Data-flow matrix", "Asset-based risk", "Business-impact risk"},
    {"Protect", "Detect", "Mitigate"},
    {"Intrusion/spread", "Objective"},
    {"Computer", "Controller", "Network device", "Field device", "Media"},
    {"wired", "wireless", "serial", "fieldbus"},
};
// clang-format on

}  // namespace

const Words& words(model::Lang lang) {
  return lang == model::Lang::kJa ? kJa : kEn;
}

}  // namespace icsrisk::report
