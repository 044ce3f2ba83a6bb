// Flows, scenarios and the XML text of the synthetic plant (see plant.cc for its structure).

#include "generator.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "plant.h"

namespace icsrisk::bench {

namespace detail {

namespace {

struct Label {
  const char* data;
  const char* protocol;
};

/// Data and protocol of the `round`-th flow from a `from` asset to a `to` asset.
Label label(Role from, Role to, std::size_t round) {
  auto pick = [round](std::initializer_list<Label> l) { return l.begin()[round % l.size()]; };
  switch (from) {
    case Role::kOfficePc:
      switch (to) {
        case Role::kFileServer:
          return {"共有ファイル", "SMB"};
        case Role::kMail:
          return {"送信メール", "SMTP"};
        case Role::kProxy:
          return {"Webアクセス要求", "HTTP"};
        case Role::kProduction:
          return {"生産実績照会", "HTTPS"};
        default:
          return {"認証要求", "Kerberos"};
      }
    case Role::kMail:
      return pick({{"電子メール", "IMAPS"}, {"メール通知", "IMAPS"}});
    case Role::kProxy:
      if (to == Role::kPatch) return {"更新プログラム", "HTTPS"};
      if (to == Role::kAntiVirus) return {"ウイルス定義ファイル", "HTTPS"};
      return {"Webコンテンツ", "HTTPS"};
    case Role::kFileServer:
      return {"共有ファイル", "SMB"};
    case Role::kDomainController:
      return to == Role::kHqDc ? Label{"ディレクトリ複製", "LDAP"}
                               : Label{"グループポリシー", "LDAP"};
    case Role::kProduction:
      if (to == Role::kRelay) return {"生産計画", "SFTP"};
      if (to == Role::kErp) return {"生産実績", "HTTPS"};
      return {"生産計画・生産実績", "HTTPS"};
    case Role::kLogServer:
      return to == Role::kErp ? pick({{"監査ログ", "Syslog over TLS"}, {"ログ集計", "HTTPS"}})
                              : pick({{"認証要求", "Kerberos"}, {"時刻同期", "NTP"}});
    case Role::kRelay:
      return to == Role::kProduction ? Label{"運転実績", "SFTP"} : Label{"生産計画", "SFTP"};
    case Role::kPatch:
      return {"更新プログラム", "WSUS (HTTPS)"};
    case Role::kAntiVirus:
      return {"ウイルス定義ファイル", "HTTPS"};
    case Role::kReplica:
      return {"プロセスデータ(参照)", "HTTPS"};
    case Role::kScada:
      if (to == Role::kController)
        return pick({{"制御コマンド", "Modbus/TCP"}, {"設定値", "OPC UA"}, {"時刻同期", "NTP"}});
      if (to == Role::kHmi) return {"画面データ", "OPC UA"};
      return {"運転データ", "OPC UA"};
    case Role::kStandby:
      return to == Role::kScada
                 ? pick({{"冗長化同期", "ベンダ独自プロトコル"}, {"死活監視", "ICMP"}})
                 : Label{"運転データ", "OPC UA"};
    case Role::kHmi:
      return to == Role::kScada ? pick({{"操作指示", "OPC UA"}, {"アラーム確認", "OPC UA"}})
                                : pick({{"トレンド照会", "OPC UA"}, {"操作ログ", "OPC UA"}});
    case Role::kEws:
      return to == Role::kController ? pick({{"制御プログラム", "ベンダ独自プロトコル"},
                                             {"パラメータ", "ベンダ独自プロトコル"}})
                                     : Label{"エンジニアリングデータ", "SMB"};
    case Role::kHistorian:
      if (to == Role::kReplica) return {"プロセスデータ", "OPC UA"};
      if (to == Role::kRelay) return {"運転実績", "SFTP"};
      return {"履歴データ", "OPC UA"};
    case Role::kMonitor:
      return to == Role::kHistorian ? pick({{"トレンド照会", "HTTPS"}, {"帳票要求", "HTTPS"}})
                                    : Label{"監視画面要求", "OPC UA"};
    case Role::kNms:
      return to == Role::kLogServer
                 ? pick({{"ネットワーク機器ログ", "Syslog"}, {"監視アラート", "SMTP"}})
                 : Label{"ネットワーク統計", "SNMP"};
    case Role::kController:
      if (to == Role::kScada) return pick({{"監視データ", "Modbus/TCP"}, {"アラーム", "OPC UA"}});
      if (to == Role::kHistorian) return {"プロセスデータ", "OPC UA"};
      return {"制御出力", "PROFIBUS DP"};
    case Role::kField:
      return pick({{"計測値", "PROFIBUS PA"}, {"機器状態", "HART"}, {"診断情報", "HART"}});
    case Role::kNetDevice:
      return pick({{"機器ログ", "Syslog"}, {"SNMPトラップ", "SNMP"}, {"設定変更通知", "SNMP"}});
    case Role::kVendorPc:
      return {"リモート保守操作", "RDP (IPsec VPN)"};
    case Role::kIotDevice:
      return pick({{"振動データ", "MQTT"}, {"電池残量", "MQTT"}, {"温度", "MQTT"}});
    case Role::kIotServer:
      return pick({{"設備監視データ", "OPC UA"}, {"異常検知結果", "OPC UA"}, {"稼働率", "OPC UA"}});
    case Role::kErp:
      return pick({{"受注・生産指示", "HTTPS"}, {"原材料在庫", "HTTPS"}, {"出荷計画", "HTTPS"}});
    case Role::kHqDc:
      return pick(
          {{"ディレクトリ複製", "LDAP"}, {"時刻同期", "NTP"}, {"証明書失効リスト", "HTTP"}});
  }
  return {"データ", "TCP"};
}

/// Countermeasures of a flow, as engineers typically place them.
std::vector<Cm> flow_cms(const Asset& from, const Asset& to, Rng& rng) {
  if (from.role == Role::kVendorPc) return {{"peer-authentication"}};
  if (from.role == Role::kScada && to.role == Role::kController && rng.chance(40))
    return {{"peer-authentication", rng.chance(50)}};
  if (from.role == Role::kEws && std::string_view(to.type) == "sis")
    return {{"operation-confirmation"}};
  if (from.role == Role::kHistorian && to.role == Role::kReplica) return {{"encryption", true}};
  return {};
}

}  // namespace

void add_flows(Plant& p, const GeneratorOptions& o, Rng& rng) {
  p.flows.reserve(p.assets.size() * o.flows_per_asset);
  for (std::size_t i = 0; i < p.assets.size(); ++i) {
    const Asset& a = p.assets[i];
    if (a.peers.empty()) continue;
    for (std::size_t k = 0; k < o.flows_per_asset; ++k) {
      std::size_t to = a.peers[k % a.peers.size()];
      const Asset& b = p.assets[to];
      Label l = label(a.role, b.role, k / a.peers.size());
      p.flows.push_back({i, to, l.data, l.protocol, flow_cms(a, b, rng)});
    }
  }
}

void add_scenarios(Plant& p, const GeneratorOptions& o, Rng& rng) {
  std::vector<std::vector<std::size_t>> senders(p.assets.size());
  for (const Flow& f : p.flows) {
    std::vector<std::size_t>& s = senders[f.to];
    if (std::find(s.begin(), s.end(), f.from) == s.end()) s.push_back(f.from);
  }
  struct Kind {
    const char* attack;
    int level;
    const char* name;
  };
  static const Kind kinds[] = {
      {"unauthorized-transmission", 3, "不正なコマンド送信による{}の停止"},
      {"function-stop", 3, "{}の安全計装システムの機能停止"},
      {"information-tampering", 2, "設定値改ざんによる{}の品質異常"},
      {"information-theft", 1, "{}のプロセスデータ窃取"},
      {"function-stop", 2, "制御サーバ停止による{}の監視不能"},
  };
  static const char* impact_names[] = {"", "生産情報の漏洩", "製品品質の低下・生産停止",
                                       "プラント停止・設備破壊"};
  static const std::size_t impact_sizes[] = {2, 1, 3};
  std::size_t left_in_impact = 0;
  for (std::size_t i = 0; i < o.scenarios; ++i) {
    const Area& area = p.areas[(i * p.areas.size()) / o.scenarios];
    const Kind& kind = kinds[i % 5];
    // The first controller a control-room host sends to (not only its field devices).
    auto controller = [&](std::initializer_list<const std::vector<std::size_t>*> lists) {
      for (const std::vector<std::size_t>* list : lists)
        for (std::size_t c : *list)
          for (std::size_t from : senders[c])
            if (p.assets[from].role != Role::kField) return c;
      return area.scada;
    };
    std::size_t target = area.scada;
    if (i % 5 == 0) target = controller({&area.plcs, &area.dcs});
    if (i % 5 == 1) target = controller({&area.sis, &area.plcs});
    if (i % 5 == 2) target = controller({&area.dcs, &area.plcs});
    if (i % 5 == 3) target = i % 2 == 0 ? area.historian : area.replica;
    if (senders[target].empty()) target = area.scada;  // the HMI always sends to it
    if (left_in_impact == 0) {
      left_in_impact = impact_sizes[p.impacts.size() % 3];
      std::size_t n = p.impacts.size() + 1;
      p.impacts.push_back({fmt::format("bi-{}", n),
                           fmt::format("{} ({})", impact_names[kind.level], n),
                           kind.level,
                           {}});
    }
    --left_in_impact;
    Impact& impact = p.impacts.back();
    Scenario s{fmt::format("sc-{}", i + 1),
               fmt::format(fmt::runtime(kind.name), area.name),
               target,
               kind.attack,
               {}};
    if (i % 3 == 1) {
      // Explicit bases: up to two senders, control-room hosts before field devices.
      std::vector<std::size_t> from = senders[target];
      std::stable_partition(from.begin(), from.end(),
                            [&](std::size_t a) { return p.assets[a].role != Role::kField; });
      std::size_t n = std::min<std::size_t>(from.size(), rng.between(1, 2));
      s.bases.assign(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(n));
    }
    impact.scenarios.push_back(std::move(s));
  }
}

}  // namespace detail

GeneratedModel generate_model(const GeneratorOptions& options) {
  detail::Rng rng(options.seed);
  detail::Plant plant = detail::build_plant(options, rng);
  detail::add_flows(plant, options, rng);
  detail::add_scenarios(plant, options, rng);
  GeneratedModel out;
  out.xml = detail::write_xml(plant, options);
  out.zones = plant.zones.size();
  out.networks = plant.networks.size();
  out.assets = plant.assets.size();
  out.flows = plant.flows.size();
  out.entries = plant.entries.size();
  out.impacts = plant.impacts.size();
  out.scenarios = options.scenarios;
  out.sites = plant.sites;
  out.areas = plant.areas.size();
  return out;
}

}  // namespace icsrisk::bench
