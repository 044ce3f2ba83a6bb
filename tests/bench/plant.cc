// The synthetic plant's structure: a corporate WAN, sites (office, DMZ, maintenance line,
// wireless net) and areas (control-information, control and field networks), with the
// receivers of each asset's flows chosen so every flow can be routed (method.md §7).

#include <algorithm>

#include <fmt/format.h>

#include "plant.h"

namespace icsrisk::bench::detail {

namespace {

constexpr std::size_t kAreaSize = 100;    // assets per area (each area stays 50–200)
constexpr std::size_t kSiteSize = 1000;   // assets per site
constexpr std::size_t kAreaCore = 11;     // assets every area has before its controllers

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
    std::size_t sites = std::max<std::size_t>(1, (n - 2 + kSiteSize / 2) / kSiteSize);
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
    for (std::size_t x : nets) a.connects.push_back({x});
    a.cms = std::move(cms);
    p_.assets.push_back(std::move(a));
    return p_.assets.size() - 1;
  }
  Asset& at(std::size_t i) { return p_.assets[i]; }
  void scope(const char* ref, bool planned, std::size_t z) { p_.scoped.push_back({{ref, planned}, z}); }
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
    std::size_t fixed = 21 + pc_groups;
    std::size_t rest = budget > fixed ? budget - fixed : 0;
    std::size_t areas = std::max<std::size_t>(1, (rest + kAreaSize / 2) / kAreaSize);
    for (std::size_t a = 0; a < areas; ++a)
      area(t, a + 1, rest / areas + (a < rest % areas ? 1 : 0));
    wireless(t);
    site_peers(t, erp, hq_dc);
  }

  void office(Site& t) {
    std::size_t fw = asset({t.prefix + "fw-wan", t.name + " FW(WAN/情報系)", "firewall",
                            Role::kNetDevice, 3},
                           {n_wan_, t.n_office}, {{"fw-packet-filter"}, {"log-collection"}});
    std::size_t sw = asset({t.prefix + "office-sw", t.name + " 情報系L2スイッチ", "l2-switch",
                            Role::kNetDevice, 1},
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
    std::size_t fw_dmz = asset({t.prefix + "fw-dmz", t.name + " FW(情報系/DMZ)", "firewall",
                                Role::kNetDevice, 3},
                               {t.n_office, t.n_dmz}, {{"fw-packet-filter"}, {"log-collection"}});
    t.site_devices = {fw, sw, fw_dmz};
  }

  void dmz(Site& t) {
    t.site_devices.push_back(asset({t.prefix + "dmz-sw", t.name + " DMZ L2スイッチ", "l2-switch",
                                    Role::kNetDevice, 2},
                                   {t.n_dmz}));
    auto server = [&](const char* id, const char* name, const char* type, Role r,
                      std::vector<Cm> cms) {
      std::size_t i = asset({t.prefix + id, t.name + " " + name, type, r, 2}, {t.n_dmz},
                            std::move(cms));
      at(i).os = "Windows Server 2019";
      return i;
    };
    t.relay = server("relay-srv", "中継サーバ", "server", Role::kRelay,
                     {{"anti-virus"}, {"access-control"}, maybe_planned("integrity-check", 50)});
    t.patch = server("patch-srv", "パッチ配信サーバ", "server", Role::kPatch, {{"patching"}});
    t.av = server("av-srv", "ウイルス定義配信サーバ", "server", Role::kAntiVirus, {{"anti-virus"}});
    t.replica = server("hist-replica", "ヒストリアン(複製)", "historian", Role::kReplica,
                       {{"access-control"}});
    std::size_t vpn = asset({t.prefix + "vpn-gw", t.name + " リモート保守VPNルータ", "vpn-gateway",
                             Role::kNetDevice, 2, 1, kNo, "D社"},
                            {t.n_maint, t.n_dmz},
                            {{"peer-authentication"}, {"log-collection"},
                             maybe_planned("account-management", 60)});
    at(vpn).threats.push_back({"overload", 3});
    t.site_devices.push_back(vpn);
    t.vendor = asset({t.prefix + "vendor-pc", t.name + " 保守ベンダ端末", "terminal",
                      Role::kVendorPc, 1},
                     {t.n_maint}, {{"anti-virus"}});
    p_.entries.push_back({t.prefix + "ep-remote", t.name + " リモート保守回線", vpn, kNo,
                          "remote", 3});
  }

  void wireless(Site& t) {
    std::size_t ap = asset({t.prefix + "wlan-ap", t.name + " 無線アクセスポイント", "wireless-ap",
                            Role::kNetDevice, 1},
                           {t.n_wlan}, {{"wireless-security"}});
    std::size_t gw = asset({t.prefix + "iot-gw", t.name + " IoTゲートウェイ", "gateway",
                            Role::kNetDevice, 2},
                           {t.n_wlan, t.first_ci}, {maybe_planned("device-error-detection", 50)});
    std::size_t srv = asset({t.prefix + "iot-srv", t.name + " 設備監視サーバ", "server",
                             Role::kIotServer, 1},
                            {t.first_ci}, {maybe_planned("access-control", 50)});
    std::size_t sensor = asset({t.prefix + "iot-sensor", t.name + " 無線振動センサ", "iot-device",
                                Role::kIotDevice, 1, rng_.between(4, 16)},
                               {t.n_wlan}, {{"device-locking"}});
    at(sensor).peers = {srv};
    at(srv).peers = {t.first_historian};
    for (std::size_t d : {ap, gw}) at(d).peers = {t.log};
    p_.entries.push_back({t.prefix + "ep-mail", t.name + " 標的型メール", t.pcs[0], kNo, "mail", 3});
    p_.entries.push_back({t.prefix + "ep-web", t.name + " Web閲覧", t.pcs[0], kNo, "web", 3});
    p_.entries.push_back({t.prefix + "ep-wlan", t.name + " 無線LAN", kNo, t.n_wlan, "network", 3});
  }

  void site_peers(Site& t, std::size_t erp, std::size_t hq_dc) {
    auto with = [](std::vector<std::size_t> v, const std::vector<std::size_t>& more) {
      v.insert(v.end(), more.begin(), more.end());
      return v;
    };
    for (std::size_t pc : t.pcs) at(pc).peers = {t.file, t.mail, t.proxy, t.production, t.dc};
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
    for (std::size_t d : t.site_devices) at(d).peers = {t.log};
    at(erp).peers.push_back(t.production);
    at(hq_dc).peers.push_back(t.dc);
  }

  void area(Site& t, std::size_t a, std::size_t budget);

  const GeneratorOptions& o_;
  Rng& rng_;
  Plant p_;
  std::size_t n_wan_ = kNo;
};

}  // namespace

#include "plant_area.inc"

Plant build_plant(const GeneratorOptions& o, Rng& rng) { return Builder(o, rng).run(); }

}  // namespace icsrisk::bench::detail
