// The synthetic plant's structure: a corporate WAN, sites (office, DMZ, maintenance line,
// wireless net) and areas (control-information, control and field networks), with the
// receivers of each asset's flows chosen so every flow can be routed (method.md §7).

#include <algorithm>

#include <fmt/format.h>

#include "plant.h"

namespace icsrisk::bench::detail {

namespace {

constexpr std::size_t kAreaCore = 11;  // assets every area has before its controllers

/// The site-level assets areas refer to.
struct Site {
  std::string prefix, name;
  std::size_t z_office, z_dmz, z_maint, z_wireless;
  std::size_t n_office, n_dmz, n_maint, n_wlan;
  std::size_t mail, proxy, file, dc, production, log, relay, patch, av, replica, vendor;
  std::vector<std::size_t> pcs, scadas, hmis, ews, site_devices;
  std::size_t first_ci = kNo, first_historian = kNo;
};

class Builder {
 public:
  Builder(const GeneratorOptions& o, Rng& rng) : o_(o), rng_(rng) {}

  Plant run() {
    std::size_t z_corp = zone("z-corp", "本社", "5");
    n_wan_ = net("n-wan", "本社WAN", z_corp, "wired");
    std::size_t erp = asset({"erp-srv", "基幹業務サーバ(ERP)", "server", Role::kErp, 2}, {n_wan_},
                            {{"backup"}, {"access-control"}});
    std::size_t hq_dc = asset({"hq-dc", "ドメインコントローラ(本社)", "server", Role::kHqDc, 2},
                              {n_wan_}, {{"account-management"}, {"privilege-management"}});
    std::size_t n = std::max<std::size_t>(o_.assets, 3);
    std::size_t site_size = std::max<std::size_t>(o_.site_size, 40);
    std::size_t sites = std::max<std::size_t>(1, (n - 2 + site_size / 2) / site_size);
    p_.sites = sites;
    for (std::size_t s = 0; s < sites; ++s) {
      std::size_t budget = (n - 2) / sites + (s < (n - 2) % sites ? 1 : 0);
      site(s + 1, budget, erp, hq_dc);
    }
    p_.scoped.push_back({{"log-collection"}});
    p_.scoped.push_back({{"incident-response", true}});
    return std::move(p_);
  }

 private:
  std::size_t zone(std::string id, std::string name, const char* level) {
    p_.zones.push_back({std::move(id), std::move(name), level, {}});
    return p_.zones.size() - 1;
  }
  std::size_t net(std::string id, std::string name, std::size_t z, const char* medium) {
    p_.networks.push_back({std::move(id), std::move(name), z, medium, {}});
    return p_.networks.size() - 1;
  }
  std::size_t asset(Asset a, std::vector<std::size_t> nets, std::vector<Cm> cms = {}) {
    for (std::size_t x : nets)
      a.connects.push_back({x});
    a.cms = std::move(cms);
    p_.assets.push_back(std::move(a));
    return p_.assets.size() - 1;
  }
  Asset& at(std::size_t i) { return p_.assets[i]; }
  void scope(const char* ref, bool planned, std::size_t z) {
    p_.scoped.push_back({{ref, planned}, z});
  }
  /// A planned placement with probability `percent`, implemented otherwise.
  Cm maybe_planned(const char* ref, int percent) { return {ref, rng_.chance(percent)}; }

  void site(std::size_t s, std::size_t budget, std::size_t erp, std::size_t hq_dc) {
    Site t;
    t.prefix = fmt::format("s{}-", s);
    t.name = fmt::format("拠点{}", s);
    t.z_office = zone(t.prefix + "z-office", t.name + " 情報系", "4");
    t.z_dmz = zone(t.prefix + "z-dmz", t.name + " DMZ", "3.5");
    t.z_maint = zone(t.prefix + "z-maint", t.name + " 保守", "3");
    t.z_wireless = zone(t.prefix + "z-wireless", t.name + " 無線", "3");
    t.n_office = net(t.prefix + "n-office", t.name + " 情報系LAN", t.z_office, "wired");
    t.n_dmz = net(t.prefix + "n-dmz", t.name + " DMZ LAN", t.z_dmz, "wired");
    t.n_maint = net(t.prefix + "n-maint", t.name + " 保守回線", t.z_maint, "wired");
    p_.networks[t.n_maint].cms.push_back({"encryption"});
    t.n_wlan = net(t.prefix + "n-wlan", t.name + " 無線LAN", t.z_wireless, "wireless");
    p_.networks[t.n_wlan].cms.push_back({"wireless-security"});
    scope("anti-virus", false, t.z_office);
    scope("patching", false, t.z_office);
    scope("physical-entry-control", false, t.z_dmz);

    office(t);
    std::size_t pc_groups = std::max<std::size_t>(1, budget / 100);
    for (std::size_t k = 1; k <= pc_groups; ++k) {
      std::size_t pc = asset({fmt::format("{}office-pc-{}", t.prefix, k),
                              fmt::format("{} 事務用端末(第{}事務所)", t.name, k), "terminal",
                              Role::kOfficePc, 1, rng_.between(10, 40)},
                             {t.n_office});
      at(pc).os = "Windows 11";
      if (k == 1) at(pc).threats.push_back({"unauthorized-media", 3});
      t.pcs.push_back(pc);
    }
    dmz(t);
    std::size_t fixed = 20 + pc_groups;
    std::size_t rest = budget > fixed ? budget - fixed : 0;
    std::size_t area_size = std::max<std::size_t>(o_.area_size, 15);
    std::size_t areas = std::max<std::size_t>(1, (rest + area_size / 2) / area_size);
    for (std::size_t a = 0; a < areas; ++a)
      area(t, a + 1, rest / areas + (a < rest % areas ? 1 : 0));
    wireless(t);
    site_peers(t, erp, hq_dc);
  }

  void office(Site& t) {
    std::size_t fw =
        asset({t.prefix + "fw-wan", t.name + " FW(WAN/情報系)", "firewall", Role::kNetDevice, 3},
              {n_wan_, t.n_office}, {{"fw-packet-filter"}, {"log-collection"}});
    std::size_t sw = asset(
        {t.prefix + "office-sw", t.name + " 情報系L2スイッチ", "l2-switch", Role::kNetDevice, 1},
        {t.n_office});
    auto server = [&](const char* id, const char* name, Role r, int imp, std::vector<Cm> cms) {
      std::size_t i = asset({t.prefix + id, t.name + " " + name, "server", r, imp}, {t.n_office},
                            std::move(cms));
      at(i).os = r == Role::kMail || r == Role::kProxy ? "Linux" : "Windows Server 2022";
      return i;
    };
    t.mail = server("mail-srv", "メールサーバ", Role::kMail, 2, {{"ips"}});
    t.proxy = server("proxy", "Webプロキシ", Role::kProxy, 2, {{"access-control"}});
    t.file = server("file-srv", "ファイルサーバ", Role::kFileServer, 1, {{"backup"}});
    t.dc = server("office-dc", "ドメインコントローラ", Role::kDomainController, 2,
                  {{"account-management"}, {"privilege-management"}});
    t.production = server("prod-mgmt-srv", "生産管理サーバ", Role::kProduction, 2,
                          {{"backup"}, maybe_planned("access-control", 30)});
    t.log = server("log-srv", "ログ収集サーバ", Role::kLogServer, 2, {{"integrity-check", true}});
    std::size_t fw_dmz =
        asset({t.prefix + "fw-dmz", t.name + " FW(情報系/DMZ)", "firewall", Role::kNetDevice, 3},
              {t.n_office, t.n_dmz}, {{"fw-packet-filter"}, {"log-collection"}});
    t.site_devices = {fw, sw, fw_dmz};
  }

  void dmz(Site& t) {
    t.site_devices.push_back(
        asset({t.prefix + "dmz-sw", t.name + " DMZ L2スイッチ", "l2-switch", Role::kNetDevice, 2},
              {t.n_dmz}));
    auto server = [&](const char* id, const char* name, const char* type, Role r,
                      std::vector<Cm> cms) {
      std::size_t i =
          asset({t.prefix + id, t.name + " " + name, type, r, 2}, {t.n_dmz}, std::move(cms));
      at(i).os = "Windows Server 2019";
      return i;
    };
    t.relay = server("relay-srv", "中継サーバ", "server", Role::kRelay,
                     {{"anti-virus"}, {"access-control"}, maybe_planned("integrity-check", 50)});
    t.patch = server("patch-srv", "パッチ配信サーバ", "server", Role::kPatch, {{"patching"}});
    t.av = server("av-srv", "ウイルス定義配信サーバ", "server", Role::kAntiVirus, {{"anti-virus"}});
    t.replica = server("hist-replica", "ヒストリアン(複製)", "historian", Role::kReplica,
                       {{"access-control"}});
    std::size_t vpn = asset(
        {t.prefix + "vpn-gw", t.name + " リモート保守VPNルータ", "vpn-gateway", Role::kNetDevice, 2,
         1, kNo, "D社"},
        {t.n_maint, t.n_dmz},
        {{"peer-authentication"}, {"log-collection"}, maybe_planned("account-management", 60)});
    at(vpn).threats.push_back({"overload", 3});
    t.site_devices.push_back(vpn);
    t.vendor =
        asset({t.prefix + "vendor-pc", t.name + " 保守ベンダ端末", "terminal", Role::kVendorPc, 1},
              {t.n_maint}, {{"anti-virus"}});
    p_.entries.push_back(
        {t.prefix + "ep-remote", t.name + " リモート保守回線", vpn, kNo, "remote", 3});
  }

  void wireless(Site& t) {
    std::size_t ap = asset({t.prefix + "wlan-ap", t.name + " 無線アクセスポイント", "wireless-ap",
                            Role::kNetDevice, 1},
                           {t.n_wlan}, {{"wireless-security"}});
    std::size_t gw =
        asset({t.prefix + "iot-gw", t.name + " IoTゲートウェイ", "gateway", Role::kNetDevice, 2},
              {t.n_wlan, t.first_ci}, {maybe_planned("device-error-detection", 50)});
    std::size_t srv =
        asset({t.prefix + "iot-srv", t.name + " 設備監視サーバ", "server", Role::kIotServer, 1},
              {t.first_ci}, {maybe_planned("access-control", 50)});
    std::size_t sensor = asset({t.prefix + "iot-sensor", t.name + " 無線振動センサ", "iot-device",
                                Role::kIotDevice, 1, rng_.between(4, 16)},
                               {t.n_wlan}, {{"device-locking"}});
    at(sensor).peers = {srv};
    at(srv).peers = {t.first_historian};
    for (std::size_t d : {ap, gw})
      at(d).peers = {t.log};
    p_.entries.push_back(
        {t.prefix + "ep-mail", t.name + " 標的型メール", t.pcs[0], kNo, "mail", 3});
    p_.entries.push_back({t.prefix + "ep-web", t.name + " Web閲覧", t.pcs[0], kNo, "web", 3});
    p_.entries.push_back({t.prefix + "ep-wlan", t.name + " 無線LAN", kNo, t.n_wlan, "network", 3});
  }

  void site_peers(Site& t, std::size_t erp, std::size_t hq_dc) {
    auto with = [](std::vector<std::size_t> v, const std::vector<std::size_t>& more) {
      v.insert(v.end(), more.begin(), more.end());
      return v;
    };
    for (std::size_t pc : t.pcs)
      at(pc).peers = {t.file, t.mail, t.proxy, t.production, t.dc};
    at(t.mail).peers = with({}, t.pcs);
    at(t.proxy).peers = with({t.patch, t.av}, t.pcs);
    at(t.file).peers = with({}, t.pcs);
    at(t.dc).peers = with({hq_dc}, t.pcs);
    at(t.production).peers = with({t.relay, erp}, t.pcs);
    at(t.log).peers = {erp, t.dc};
    at(t.relay).peers = with({t.production}, t.scadas);
    at(t.patch).peers = with(with({}, t.scadas), t.ews);
    at(t.av).peers = with(with({}, t.hmis), t.ews);
    at(t.replica).peers = with({t.production}, t.pcs);
    at(t.vendor).peers = with(with({}, t.ews), t.scadas);
    for (std::size_t d : t.site_devices)
      at(d).peers = {t.log};
    at(erp).peers.push_back(t.production);
    at(hq_dc).peers.push_back(t.dc);
  }

  void area(Site& t, std::size_t a, std::size_t budget) {
    std::string pre = fmt::format("{}a{}-", t.prefix, a);
    std::string name = fmt::format("{} 第{}工区", t.name, a);
    std::size_t z_ci = zone(pre + "z-ci", name + " 制御情報系", "3");
    std::size_t z_ctl = zone(pre + "z-ctl", name + " 制御系", "1");
    std::size_t z_fld = zone(pre + "z-field", name + " フィールド", "0");
    p_.zones[z_ci].cms.push_back({"physical-entry-control"});
    std::size_t n_ci = net(pre + "n-ci", name + " 制御情報LAN", z_ci, "wired");
    std::size_t n_ctl = net(pre + "n-ctl", name + " 制御LAN", z_ctl, "wired");
    scope("backup", false, z_ci);
    scope("network-monitoring", a % 2 == 0, z_ci);
    scope("physical-entry-control", false, z_ctl);
    scope("physical-entry-control", false, z_fld);
    if (a % 3 == 0) p_.scoped.push_back({{"ids", true}, kNo, n_ctl});

    std::vector<std::size_t> devices;
    devices.push_back(asset({pre + "fw-dmz", name + " FW(DMZ/制御情報系)", "firewall",
                             Role::kNetDevice, 3, 1, kNo, "A社"},
                            {t.n_dmz, n_ci}, {{"fw-packet-filter"}, maybe_planned("ips", 50)}));
    bool diode = a % 4 == 3;  // some areas also send process data out through a data diode
    if (diode) {
      std::size_t d = asset({pre + "diode", name + " 一方向ゲートウェイ", "one-way-gateway",
                             Role::kNetDevice, 3, 1, kNo, "B社"},
                            {}, {{"one-way-transfer"}});
      at(d).connects = {{n_ci, "upstream"}, {t.n_dmz, "downstream"}};
      devices.push_back(d);
    }
    devices.push_back(
        asset({pre + "ci-sw", name + " 制御情報系L2スイッチ", "l2-switch", Role::kNetDevice, 2},
              {n_ci}, {maybe_planned("port-locking", 50)}));
    Area out{name};
    out.replica = t.replica;
    std::size_t scada = out.scada = asset(
        {pre + "scada", name + " 制御サーバ(SCADA)", "control-server", Role::kScada, 3, 1, kNo,
         "C社"},
        {n_ci},
        {{"anti-virus"}, {"patching"}, {"access-control"}, maybe_planned("whitelisting", 70)});
    std::size_t standby = asset({pre + "scada-standby", name + " 制御サーバ(待機系)",
                                 "control-server", Role::kStandby, 3, 1, kNo, "C社"},
                                {n_ci}, {{"anti-virus"}, {"patching"}, {"redundancy"}});
    std::size_t hmi =
        asset({pre + "hmi", name + " 操作端末(HMI)", "hmi", Role::kHmi, 2, rng_.between(2, 4), kNo,
               "C社"},
              {n_ci},
              {{"whitelisting"}, {"operator-authentication"}, maybe_planned("media-control", 60)});
    if (rng_.chance(50)) at(hmi).threats.push_back({"erroneous-operation", 3});
    std::size_t ews = asset(
        {pre + "ews", name + " エンジニアリング端末(EWS)", "ews", Role::kEws, 2, 1, kNo, "C社"},
        {n_ci},
        {{"anti-virus"},
         {"media-control"},
         {"operator-authentication"},
         maybe_planned("privilege-management", 60)});
    std::size_t historian = out.historian =
        asset({pre + "historian", name + " ヒストリアン", "historian", Role::kHistorian, 2}, {n_ci},
              {{"anti-virus"}, {"access-control"}, maybe_planned("encryption", 50)});
    std::size_t mon = asset({pre + "mon-pc", name + " 監視端末", "terminal", Role::kMonitor, 1},
                            {n_ci}, {{"anti-virus"}});
    std::size_t nms =
        asset({pre + "nms", name + " ネットワーク監視サーバ", "server", Role::kNms, 1}, {n_ci},
              {{"log-collection"}});
    devices.push_back(asset({pre + "fw-ctl", name + " FW(制御情報系/制御系)", "firewall",
                             Role::kNetDevice, 3, 1, kNo, "A社"},
                            {n_ci, n_ctl}, {{"fw-packet-filter"}, maybe_planned("ids", 50)}));
    devices.push_back(asset(
        {pre + "ctl-sw", name + " 制御LAN L2スイッチ", "l2-switch", Role::kNetDevice, 2}, {n_ctl}));
    for (std::size_t d : devices)
      at(d).peers = {nms};

    std::vector<std::size_t> ctrls =
        controllers(pre, name, budget, kAreaCore + (diode ? 1 : 0), z_ctl, z_fld, n_ctl, out);
    for (std::size_t c : ctrls) {
      at(c).peers.insert(at(c).peers.begin(), {scada, historian});
    }
    at(scada).peers = ctrls;
    at(scada).peers.insert(at(scada).peers.end(), {hmi, historian});
    at(standby).peers = {scada, historian};
    at(hmi).peers = {scada, historian};
    at(ews).peers = ctrls;
    at(ews).peers.push_back(scada);
    at(historian).peers = {t.replica, scada, t.relay};
    at(mon).peers = {historian, scada};
    at(nms).peers = {t.log, historian};
    t.scadas.push_back(scada);
    t.hmis.push_back(hmi);
    t.ews.push_back(ews);
    if (a == 1) {
      t.first_ci = n_ci;
      t.first_historian = historian;
      p_.entries.push_back({t.prefix + "ep-usb", t.name + " USBメモリ(EWS)", ews, kNo, "media", 2});
      p_.entries.push_back({t.prefix + "ep-field", t.name + " 現場への物理的侵入",
                            at(ctrls[0]).peers.back(), kNo, "physical", 1});
    }
    p_.areas.push_back(std::move(out));
  }

  /// Controllers, each with its own field network and groups of field devices, until the
  /// area has `budget` assets (at least one controller). The first is the area's SIS.
  std::vector<std::size_t> controllers(const std::string& pre, const std::string& name,
                                       std::size_t budget, std::size_t used, std::size_t z_ctl,
                                       std::size_t z_fld, std::size_t n_ctl, Area& out) {
    struct Kind {
      const char* id;
      const char* name;
      const char* type;
      std::vector<const char*> fields;
    };
    static const Kind kinds[] = {
        {"sis", "安全計装システム(SIS)", "sis", {"安全計装用圧力スイッチ", "緊急遮断弁"}},
        {"plc", "PLC", "plc", {"圧力伝送器", "ポンプ駆動インバータ", "リミットスイッチ", "電磁弁"}},
        {"dcs", "DCSコントローラ", "dcs-controller", {"温度センサ", "流量計", "調節弁", "液面計"}},
        {"rtu", "遠隔監視装置(RTU)", "rtu", {"遠隔流量計", "遠隔ポンプ"}},
    };
    std::vector<std::size_t> out_ctrls;
    for (int k = 1; used < budget || out_ctrls.empty(); ++k) {
      int r = rng_.between(0, 9);
      const Kind& kind = k == 1 ? kinds[0] : kinds[r < 6 ? 1 : r < 9 ? 2 : 3];
      bool rtu = &kind == &kinds[3];
      std::size_t fb = net(fmt::format("{}n-fb{}", pre, k),
                           fmt::format("{} {}{}", name, rtu ? "シリアル回線" : "フィールドバス", k),
                           z_fld, rtu ? "serial" : "fieldbus");
      Asset c{fmt::format("{}{}-{}", pre, kind.id, k),
              fmt::format("{} {}{}", name, kind.name, k),
              kind.type,
              Role::kController,
              rtu ? 2 : 3,
              1,
              z_ctl,
              "E社"};
      std::vector<Cm> cms = {{"device-error-detection"}};
      if (&kind == &kinds[0])
        cms = {{"device-locking"}, {"redundancy"}, maybe_planned("integrity-check", 50)};
      else if (rng_.chance(50))
        cms.push_back(maybe_planned("manual-operation", 30));
      std::size_t ctrl = asset(std::move(c), {n_ctl, fb}, std::move(cms));
      out_ctrls.push_back(ctrl);
      if (&kind == &kinds[0]) out.sis.push_back(ctrl);
      if (&kind == &kinds[1]) out.plcs.push_back(ctrl);
      if (&kind == &kinds[2]) out.dcs.push_back(ctrl);
      ++used;
      std::size_t left = budget > used ? budget - used : 0;
      std::size_t groups = std::min<std::size_t>(left, rng_.between(2, 5));
      if (groups == 0) groups = 1;
      if (left - std::min(left, groups) == 1) ++groups;  // never leave one asset over
      for (std::size_t j = 1; j <= groups; ++j) {
        const char* what = kind.fields[(j - 1) % kind.fields.size()];
        bool valve = std::string_view(what).find("弁") != std::string_view::npos;
        Asset f{fmt::format("{}fd-{}-{}", pre, k, j),
                fmt::format("{} {}{}", name, what, j),
                "field-device",
                Role::kField,
                valve ? 3 : 2,
                rng_.between(2, 12)};
        std::vector<Cm> fcms;
        if (&kind == &kinds[0]) fcms.push_back({"redundancy"});
        if (valve) fcms.push_back({"manual-operation"});
        std::size_t fd = asset(std::move(f), {fb}, std::move(fcms));
        if (rng_.chance(10)) at(fd).threats.push_back({"physical-intrusion", 2});
        at(fd).peers = {ctrl};
        at(ctrl).peers.push_back(fd);
      }
      used += groups;
    }
    return out_ctrls;
  }

  const GeneratorOptions& o_;
  Rng& rng_;
  Plant p_;
  std::size_t n_wan_ = kNo;
};

}  // namespace

Plant build_plant(const GeneratorOptions& o, Rng& rng) {
  return Builder(o, rng).run();
}

}  // namespace icsrisk::bench::detail
