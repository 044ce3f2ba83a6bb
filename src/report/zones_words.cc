#include "report/zones_words.h"

namespace icsrisk::report {

namespace {

constexpr ZonesWords kJa = {
    .title = "ゾーンとコンジット",
    .sheet = "ゾーンとコンジット",
    .note =
        "ゾーン間のデータフローを方向・プロトコル・ポートごとに1行にまとめる "
        "(IEC 62443-3-2 のゾーンとコンジット)。コンジット機器は両ゾーンのネットワークに"
        "接続する機器。",
    .outside = "(どのゾーンにも属さない)",
    .no_level = "パデューレベルなし",
    .zone_a = "ゾーン A",
    .zone_b = "ゾーン B",
    .devices = "コンジット機器",
    .direction = "方向",
    .protocol = "プロトコル",
    .port = "ポート",
    .data = "データ",
    .flows = "フロー数",
    .via = "通過するフィルタリング機器",
    .filtering = "フィルタリング機器",
    .one_way = "一方向ゲートウェイ",
    .network_device = "フィルタリングなしのネットワーク機器",
    .host = "複数ゾーンに接続する機器",
    .no_device = "両ゾーンを直接つなぐ機器なし",
    .group_counts = "資産 {} · ネットワーク {}",
    .zone_count = "ゾーン {}",
    .flow_count = "フロー {}",
    .more = "ほか {} 行",
    .by_level = "{} ゾーンをパデューレベルごとにまとめて表示",
    .aggregated = "資産 {}・ゾーン {}・ネットワーク {}: 資産を{}ごとに集約",
    .internal = "内部フロー {}",
    .highest = "最高重要度 {}",
    .no_network = "(ネットワークなし)",
    .per_network = "ネットワーク",
    .per_zone = "ゾーン",
    .per_level = "パデューレベル",
};

constexpr ZonesWords kEn = {
    .title = "Zones and conduits",
    .sheet = "Zones and conduits",
    .note =
        "One row per direction, protocol and port of the data flows between two zones "
        "(IEC 62443-3-2 zones and conduits). Conduit devices are connected to networks of "
        "both zones.",
    .outside = "(outside any zone)",
    .no_level = "no Purdue level",
    .zone_a = "Zone A",
    .zone_b = "Zone B",
    .devices = "Conduit devices",
    .direction = "Direction",
    .protocol = "Protocol",
    .port = "Port",
    .data = "Data",
    .flows = "Flows",
    .via = "Filtering devices crossed",
    .filtering = "filtering device",
    .one_way = "one-way gateway",
    .network_device = "network device without filtering",
    .host = "host on several zones",
    .no_device = "no device joins both zones",
    .group_counts = "{} assets · {} networks",
    .zone_count = "{} zones",
    .flow_count = "{} flows",
    .more = "{} more lines",
    .by_level = "{} zones grouped by Purdue level",
    .aggregated = "{} assets, {} zones, {} networks: assets counted per {}",
    .internal = "{} flows inside",
    .highest = "highest importance {}",
    .no_network = "(no network)",
    .per_network = "network",
    .per_zone = "zone",
    .per_level = "Purdue level",
};

}  // namespace

const ZonesWords& zones_words(model::Lang lang) {
  return lang == model::Lang::kEn ? kEn : kJa;
}

}  // namespace icsrisk::report
