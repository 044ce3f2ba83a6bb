// Property: on random small models, the exact scenario risk of the bottleneck search equals the
// worst risk over ALL simple routes, found by brute force; and with a large enough hop bound and
// k, the count and the listed routes agree with the brute force. The brute force below is
// written from method.md §7 alone (own segments, own flow routing by trying every device
// sequence, own countermeasure scopes) and shares no code with src/graph or src/risk.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "unit/case_count.h"
#include "unit/scenario_fixture.h"

namespace icsrisk::testing {

/// The letter of an optional risk: the brute force below works on letters, its own way.
std::optional<char> letter_of(const std::optional<model::Risk>& r) {
  return r ? std::optional<char>(model::letter(*r)) : std::nullopt;
}
namespace {

constexpr int kModels = cases(300);

/// A random model in the test profile: up to 4 networks, hosts, firewalls, one-way gateways,
/// routers, flows, measures on assets/networks/flows, asset and network entries (some on the
/// target), one scenario (some with access="segment").
std::string random_model(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](int percent) { return pick(1, 100) <= percent; };
  const char* measures[] = {"p-access", "d-access", "p-infect", "d-infect", "p-attack", "d-attack"};
  auto some_measures = [&] {
    std::string s;
    for (const char* m : measures)
      if (chance(20)) s += std::string(R"(<countermeasure ref=")") + m + R"("/>)";
    return s;
  };
  int n_nets = pick(1, 4), n_hosts = pick(3, 6), n_dev = pick(0, 3), n_flows = pick(2, 9);
  std::string networks, assets, flows, entries;
  for (int i = 0; i < n_nets; ++i)
    networks += R"(<network id="n)" + std::to_string(i) + R"(" name="n">)" +
                (chance(30) ? some_measures() : "") + "</network>";
  std::vector<std::string> hosts;
  for (int i = 0; i < n_hosts; ++i) {
    std::string id = "h" + std::to_string(i);
    hosts.push_back(id);
    assets += R"(<asset id=")" + id +
              R"(" name="h" type="host" importance="2"><connect network="n)" +
              std::to_string(pick(0, n_nets - 1)) + R"("/>)" + some_measures() + "</asset>";
  }
  for (int i = 0; i < n_dev && n_nets >= 2; ++i) {
    const char* types[] = {"firewall", "diode", "router"};
    std::string type = types[pick(0, 2)];
    int a = pick(0, n_nets - 1), b = pick(0, n_nets - 2);
    if (b >= a) ++b;
    std::string id = "d" + std::to_string(pick(0, 9)) + std::to_string(i);
    std::string up = type == "diode" ? R"(" role="upstream"/>)" : R"("/>)";
    std::string down = type == "diode" ? R"(" role="downstream"/>)" : R"("/>)";
    assets += R"(<asset id=")" + id + R"(" name="d" type=")" + type +
              R"(" importance="3"><connect network="n)" + std::to_string(a) + up +
              R"(<connect network="n)" + std::to_string(b) + down + some_measures() + "</asset>";
  }
  std::map<std::string, std::set<std::string>> senders;
  for (int i = 0; i < n_flows; ++i) {
    int a = pick(0, n_hosts - 1), b = pick(0, n_hosts - 2);
    if (b >= a) ++b;
    senders[hosts[b]].insert(hosts[a]);
    flows += R"(<flow id="f)" + std::to_string(i) + R"(" from=")" + hosts[a] + R"(" to=")" +
             hosts[b] + R"(">)" + (chance(40) ? some_measures() : "") + "</flow>";
  }
  std::string target = hosts[pick(0, n_hosts - 1)];
  int n_entries = pick(1, 3);
  for (int i = 0; i < n_entries; ++i) {
    // Some entries land on the target (method.md §7 "Attacks at the target"); network entries
    // may too, when their segment holds it.
    std::string where =
        chance(30) ? R"(network="n)" + std::to_string(pick(0, n_nets - 1)) + R"(" vector="network")"
        : chance(15) ? R"(asset=")" + target + R"(" vector="mail")"
                     : R"(asset=")" + hosts[pick(0, n_hosts - 1)] + R"(" vector="mail")";
    entries += R"(<entry id="e)" + std::to_string(i) + R"(" name="e" )" + where +
               R"( threat-level=")" + std::to_string(pick(1, 3)) + R"("/>)";
  }
  std::string bases;
  if (chance(30) && !senders[target].empty()) {
    for (const std::string& s : senders[target])
      if (bases.empty() || chance(50)) bases += (bases.empty() ? "" : " ") + s;
  }
  std::string sc = R"(<scenario id="sc" name="sc" target=")" + target + R"(" attack="attack")" +
                   (bases.empty() ? "" : R"( bases=")" + bases + R"(")") +
                   (chance(35) ? R"( access="segment")" : "") + "/>";
  return system_xml(networks, assets, flows, entries, sc, pick(1, 3));
}

/// The brute force of method.md §7.
class BruteForce {
 public:
  explicit BruteForce(const Loaded& l) : l_(l), m_(l.model), p_(l.profile) {
    // Segments: union-find over networks joined by routers.
    seg_.resize(m_.networks.size());
    std::iota(seg_.begin(), seg_.end(), 0);
    for (const model::Asset& a : m_.assets)
      if (a.type == "router")
        for (const model::Connection& c : a.connects)
          join(a.connects[0].network_index, c.network_index);
    for (std::size_t n = 0; n < seg_.size(); ++n)
      seg_[n] = find(n);
  }

  struct R {
    char risk;
    int vul;
    std::size_t hops;
    std::string path;  ///< "entry: a → b → target", as route_path writes a listed route
    std::string entry;
    std::vector<std::string> ids;  ///< the assets before the target (just the target: at it)
    bool at_target = false;        ///< an attack at the target: its final step has no base
    int level() const { return 4 - vul; }
    /// The final step's origin: the attack base, or the target for an attack at the target.
    const std::string& base() const { return ids.back(); }
  };

  /// Every simple route's (risk, vulnerability, hops).
  std::vector<R> routes() {
    std::vector<R> out;
    const model::Scenario& sc = m_.impacts[0].scenarios[0];
    t_ = sc.target_index;
    for (std::size_t e = 0; e < m_.entries.size(); ++e) {
      const model::Entry& en = m_.entries[e];
      std::size_t method = p_.find_threat(p_.vectors[en.vector_index].method);
      for (std::size_t x = 0; x < m_.assets.size(); ++x) {
        int level;
        if (en.asset_index != kNone) {
          if (x != en.asset_index) continue;
          level = lvl(fn_asset(x, method));
        } else {
          bool on = false;
          for (std::size_t s : segs(x))
            on = on || s == seg_[en.network_index];
          if (!on) continue;
          level =
              lvl(fn_asset(x, method) | fn(m_.networks[en.network_index].countermeasures, method));
        }
        if (x == t_) {  // an attack at the target: the final step on the target itself
          int vul = 4 - std::max(level, lvl(fn_asset(t_, sc.attack_index)));
          std::string t(m_.assets[t_].id);
          out.push_back({model::letter(p_.risk_of(m_.impacts[0].level, en.threat_level, vul)),
                         vul,
                         2,
                         std::string(en.id) + ": " + t + " → " + t,
                         std::string(en.id),
                         {t},
                         true});
          continue;
        }
        std::vector<std::size_t> path{x};
        entry_ = e;
        walk(path, level, en.threat_level, out);
      }
    }
    return out;
  }

 private:
  static constexpr std::size_t kNone = model::kNone;

  std::size_t find(std::size_t x) { return seg_[x] == x ? x : seg_[x] = find(seg_[x]); }
  void join(std::size_t a, std::size_t b) { seg_[find(a)] = find(b); }
  std::set<std::size_t> segs(std::size_t a) const {
    std::set<std::size_t> s;
    for (const model::Connection& c : m_.assets[a].connects)
      s.insert(seg_[c.network_index]);
    return s;
  }
  static int lvl(int f) { return f == 3 ? 3 : f != 0 ? 2 : 1; }  // bits: 1 protect, 2 detect
  int fn(const std::vector<model::Placement>& ps, std::size_t threat) const {
    int f = 0;
    for (const model::Placement& pl : ps) {
      if (pl.status != model::Status::kImplemented) continue;
      std::string_view id = pl.ref;
      if (id.substr(2) != p_.threats[threat].id) continue;
      f |= id[0] == 'p' ? 1 : 2;
    }
    return f;
  }
  int fn_asset(std::size_t a, std::size_t threat) const {
    int f = fn(m_.assets[a].countermeasures, threat);
    for (const model::Connection& c : m_.assets[a].connects)
      f |= fn(m_.networks[c.network_index].countermeasures, threat);
    return f;
  }

  /// Devices crossed by a flow: shortest, then lexicographically smallest id sequence, by trying
  /// every sequence of distinct filtering devices. nullopt when unroutable.
  std::optional<std::vector<std::size_t>> route(std::size_t u, std::size_t v) const {
    std::set<std::size_t> su = segs(u), sv = segs(v);
    for (std::size_t s : su)
      if (sv.count(s)) return std::vector<std::size_t>{};
    std::vector<std::size_t> devs;
    for (std::size_t a = 0; a < m_.assets.size(); ++a)
      if (m_.assets[a].type == "firewall" || m_.assets[a].type == "diode") devs.push_back(a);
    std::sort(devs.begin(), devs.end(),
              [&](auto a, auto b) { return m_.assets[a].id < m_.assets[b].id; });
    for (std::size_t len = 1; len <= devs.size(); ++len) {
      std::vector<std::vector<std::size_t>> found;
      std::vector<bool> choose(devs.size(), false);
      std::fill(choose.begin(), choose.begin() + len, true);
      do {
        std::vector<std::size_t> pick;
        for (std::size_t i = 0; i < devs.size(); ++i)
          if (choose[i]) pick.push_back(devs[i]);
        std::sort(pick.begin(), pick.end());  // next_permutation starts from the smallest
        do {
          std::set<std::size_t> at = su;
          for (std::size_t d : pick)
            at = cross(d, at);
          for (std::size_t s : at)
            if (sv.count(s)) found.push_back(pick);
        } while (std::next_permutation(pick.begin(), pick.end()));
      } while (std::prev_permutation(choose.begin(), choose.end()));
      if (found.empty()) continue;
      return *std::min_element(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        return std::lexicographical_compare(
            a.begin(), a.end(), b.begin(), b.end(),
            [&](auto x, auto y) { return m_.assets[x].id < m_.assets[y].id; });
      });
    }
    return std::nullopt;
  }
  std::set<std::size_t> cross(std::size_t d, const std::set<std::size_t>& from) const {
    std::set<std::size_t> out;
    bool diode = m_.assets[d].type == "diode";
    for (const model::Connection& in : m_.assets[d].connects) {
      if (!from.count(seg_[in.network_index]) || (diode && in.role != model::Role::kUpstream))
        continue;
      for (const model::Connection& o : m_.assets[d].connects)
        if (!diode || o.role == model::Role::kDownstream) out.insert(seg_[o.network_index]);
    }
    return out;
  }

  /// The weakest channel level u → v for `method`, flow channels only when `flows_only`.
  int step(std::size_t u, std::size_t v, std::size_t method, bool flows_only) const {
    int best = 4;
    if (!flows_only) {
      std::set<std::size_t> su = segs(u);
      for (std::size_t s : segs(v))
        if (su.count(s)) best = lvl(fn_asset(v, method));
    }
    for (const model::Flow& f : m_.flows) {
      if (f.from_index != u || f.to_index != v) continue;
      auto via = route(u, v);
      if (!via) continue;
      int fns = fn_asset(v, method) | fn(f.countermeasures, method);
      for (std::size_t d : *via)
        fns |= fn(m_.assets[d].countermeasures, method);
      best = std::min(best, lvl(fns));
    }
    return best;
  }

  void walk(std::vector<std::size_t>& path, int level, int threat, std::vector<R>& out) {
    const model::Scenario& sc = m_.impacts[0].scenarios[0];
    std::size_t x = path.back();
    // Segment access: every asset sharing a segment with the target is a base too, and the
    // final step may take the segment channel.
    bool segment = sc.access == model::Access::kSegment;
    bool shares = false;
    for (std::size_t s : segs(x))
      shares = shares || segs(t_).count(s) > 0;
    bool base =
        sc.base_indices.empty() || (segment && shares) ||
        std::find(sc.base_indices.begin(), sc.base_indices.end(), x) != sc.base_indices.end();
    int final = base ? step(x, t_, sc.attack_index, !segment) : 4;
    if (final < 4) {
      int vul = 4 - std::max(level, final);
      std::string text = std::string(m_.entries[entry_].id) + ":";
      std::vector<std::string> ids;
      for (std::size_t a : path) {
        text += (text.back() == ':' ? " " : " → ") + std::string(m_.assets[a].id);
        ids.emplace_back(m_.assets[a].id);
      }
      out.push_back({model::letter(p_.risk_of(m_.impacts[0].level, threat, vul)), vul,
                     path.size() + 1, text + " → " + std::string(m_.assets[t_].id),
                     std::string(m_.entries[entry_].id), ids});
    }
    for (std::size_t y = 0; y < m_.assets.size(); ++y) {
      if (y == t_ || std::find(path.begin(), path.end(), y) != path.end()) continue;
      int s = step(x, y, p_.find_threat(p_.lateral_method), false);
      if (s == 4) continue;
      path.push_back(y);
      walk(path, std::max(level, s), threat, out);
      path.pop_back();
    }
  }

  const Loaded& l_;
  const model::Model& m_;
  const model::Profile& p_;
  std::vector<std::size_t> seg_;
  std::size_t t_ = kNone, entry_ = kNone;
};

using Brute = BruteForce::R;

/// Whether `a` is a proper subsequence of `b`.
bool proper_subsequence(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() >= b.size()) return false;
  std::size_t i = 0;
  for (const std::string& x : b)
    if (i < a.size() && a[i] == x) ++i;
  return i == a.size();
}

/// The routes that are no detour of another, by the definition of method.md §7: a detour has
/// the same entry point and final step as another route whose assets it contains in order, and
/// a level no lower.
std::vector<Brute> non_detours(const std::vector<Brute>& all) {
  std::map<std::pair<std::string, std::string>, std::vector<const Brute*>> by_final;
  for (const Brute& r : all)
    by_final[{r.entry, r.base()}].push_back(&r);
  std::vector<Brute> out;
  for (const Brute& r : all) {
    bool detour = false;
    for (const Brute* o : by_final[{r.entry, r.base()}])
      detour = detour || (proper_subsequence(o->ids, r.ids) && o->level() <= r.level());
    if (!detour) out.push_back(r);
  }
  return out;
}

/// Listing order: risk (worst first), vulnerability (higher first), hops, entry id, asset ids.
bool listed_before(const Brute& a, const Brute& b) {
  return std::tie(a.risk, b.vul, a.hops, a.entry, a.ids) <
         std::tie(b.risk, a.vul, b.hops, b.entry, b.ids);
}

/// The coverage routes: per entry point and per attack base, among its routes the least level,
/// then fewest hops, then entry id and asset ids.
std::set<std::string> coverage(const std::vector<Brute>& all) {
  std::map<std::string, const Brute*> by_entry, by_base;
  auto better = [](const Brute& a, const Brute* b) {
    return !b ||
           std::tie(b->vul, a.hops, a.entry, a.ids) < std::tie(a.vul, b->hops, b->entry, b->ids);
  };
  for (const Brute& r : all) {
    if (better(r, by_entry[r.entry])) by_entry[r.entry] = &r;
    if (!r.at_target && better(r, by_base[r.base()])) by_base[r.base()] = &r;
  }
  std::set<std::string> out;
  for (const auto& [entry, r] : by_entry)
    out.insert(r->path);
  for (const auto& [base, r] : by_base)
    out.insert(r->path);
  return out;
}

/// The expected listing: every coverage route, then the worst other non-detour routes up to
/// `k` in all, in listing order.
std::vector<std::string> expected_listing(std::vector<Brute> nd, const std::set<std::string>& c,
                                          std::size_t k) {
  std::sort(nd.begin(), nd.end(), listed_before);
  std::size_t fill = c.size() >= k ? 0 : k - c.size();
  std::vector<std::string> out;
  for (const Brute& r : nd)
    if (c.count(r.path) || (fill > 0 && (--fill, true))) out.push_back(r.path);
  return out;
}

TEST(ScenarioPropertyTest, BottleneckRiskEqualsBruteForceOverAllSimpleRoutes) {
  std::mt19937 rng(20240611);
  int reachable = 0, with_routes = 0, at_target = 0, by_segment = 0, capped = 0;
  std::size_t detours = 0, covered_beyond_k = 0;
  for (int i = 0; i < kModels; ++i) {
    std::string xml = random_model(rng);
    auto l = load(xml);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "model " << i << ":\n" << xml;
      return;
    }
    std::vector<BruteForce::R> all = BruteForce(*l).routes();
    risk::AnalysisOptions o;
    o.max_hops = 64;
    o.max_routes = 50;
    std::vector<risk::ScenarioRisk> rs = l->analyze(o);
    ASSERT_EQ(rs.size(), 1u);
    const risk::ScenarioRisk& r = rs[0];
    std::optional<char> worst;
    for (const auto& b : all)
      if (!worst || b.risk < *worst) worst = b.risk;
    ASSERT_EQ(letter_of(r.risk), worst) << "model " << i << ":\n" << xml << "\n" << dump(*l, rs);
    if (!worst) continue;
    ++reachable;
    // The first route attains the scenario risk; with these bounds the listing is complete.
    EXPECT_EQ(model::letter(r.routes[0].risk), *worst) << "model " << i;
    const std::vector<Brute> nd = non_detours(all);
    const std::set<std::string> cover = coverage(all);
    if (nd.size() >= risk::kRouteCountCap) {  // a segment full of bases: counted to the cap
      EXPECT_FALSE(r.routes_total_exact) << "model " << i;
      ++capped;
      continue;
    }
    ASSERT_TRUE(r.routes_total_exact) << "model " << i << ": " << nd.size() << " routes";
    // The count is the number of non-detour routes; the listing is every coverage route, then
    // the worst other non-detour routes up to k, in listing order.
    EXPECT_EQ(r.routes_total, nd.size()) << "model " << i << ":\n" << xml;
    std::vector<std::string> listed;
    for (const risk::Route& route : r.routes)
      listed.push_back(route_path(*l, route));
    EXPECT_EQ(listed, expected_listing(nd, cover, o.max_routes)) << "model " << i << ":\n" << xml;
    EXPECT_EQ(r.truncated, nd.size() > listed.size()) << "model " << i;
    detours += all.size() - nd.size();
    // A short list: the coverage routes stay listed beyond k.
    risk::AnalysisOptions two = o;
    two.max_routes = 2;
    std::vector<std::string> listed_two;
    const risk::ScenarioRisk short_list = l->analyze(two)[0];
    for (const risk::Route& route : short_list.routes)
      listed_two.push_back(route_path(*l, route));
    EXPECT_EQ(listed_two, expected_listing(nd, cover, 2)) << "model " << i << ":\n" << xml;
    covered_beyond_k += cover.size() > 2;
    if (all.size() > 1) ++with_routes;
    for (const risk::Route& route : r.routes) {
      const risk::Step& last = route.steps.back();
      if (last.from == last.to) ++at_target;
      if (l->model.impacts[0].scenarios[0].access == model::Access::kSegment &&
          last.flow == model::kNone && last.from != last.to)
        ++by_segment;
    }
    // A small hop bound: the count covers the non-detour routes within it, plus the coverage
    // routes listed although longer; every coverage route is still listed.
    risk::AnalysisOptions small;
    small.max_hops = 3;
    const risk::ScenarioRisk bounded = l->analyze(small)[0];
    std::size_t within =
        std::count_if(nd.begin(), nd.end(), [](const auto& b) { return b.hops <= 3; });
    std::set<std::string> bounded_listed;
    std::size_t longer = 0;
    for (const risk::Route& route : bounded.routes) {
      bounded_listed.insert(route_path(*l, route));
      if (route.steps.size() > 3) {
        ++longer;
        EXPECT_TRUE(cover.count(route_path(*l, route)))
            << "model " << i << ": a longer route " << route_path(*l, route);
      }
    }
    for (const std::string& c : cover)
      EXPECT_TRUE(bounded_listed.count(c)) << "model " << i << ": coverage route " << c;
    EXPECT_EQ(bounded.routes_total, within + longer) << "model " << i;
    EXPECT_GE(bounded.routes_total, bounded.routes.size()) << "model " << i;
    EXPECT_EQ(letter_of(bounded.risk), worst) << "model " << i;
    EXPECT_EQ(model::letter(bounded.routes[0].risk), *worst) << "model " << i;
  }
  // The generator must exercise the interesting cases, not only unreachable targets.
  EXPECT_GT(reachable, kModels / 3);
  EXPECT_GT(with_routes, kModels / 5);
  // ... nor without attacks at the target and final steps over the target's segment.
  EXPECT_GT(at_target, kModels / 10);
  EXPECT_GT(by_segment, kModels / 10);
  EXPECT_LT(capped, kModels / 20);
  // ... nor without detours to leave out.
  EXPECT_GT(detours, std::size_t{kModels});
  std::printf("[ property ] %d reachable, %zu detours left out, %zu listings beyond k\n", reachable,
              detours, covered_beyond_k);
}

}  // namespace
}  // namespace icsrisk::testing
