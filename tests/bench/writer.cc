// The synthetic plant as a model file (design.md "Model file (XML), version 1").

#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "core/text.h"
#include "plant.h"

namespace icsrisk::bench::detail {

namespace {

/// Escapes text for an XML attribute value.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const char* entity = core::markup_entity(c, core::Entities::kQuote);
    if (entity)
      out += entity;
    else
      out += c;
  }
  return out;
}

class Writer {
 public:
  Writer(const Plant& p, std::string& out, bool compact) : p_(p), out_(out), compact_(compact) {}

  void run(const GeneratorOptions& o) {
    put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put("<!-- synthetic plant written by icsrisk_genmodel: assets {}, flows per asset {}, "
        "scenarios {}, seed {}",
        o.assets, o.flows_per_asset, o.scenarios, o.seed);
    if (o.area_size != GeneratorOptions{}.area_size || o.site_size != GeneratorOptions{}.site_size)
      put(", area size {}, site size {}", o.area_size, o.site_size);
    if (o.compact) put(", compact");
    put(" -->\n");
    put("<system id=\"synthetic-plant\" name=\"合成プラント({}資産)\" "
        "xmlns=\"urn:icsrisk:model:1\">\n",
        p_.assets.size());
    put("  <description>合成プラント(負荷試験用): 拠点 {}、工区 {}。</description>\n", p_.sites,
        p_.areas.size());
    put("  <zones>\n");
    for (const Zone& z : p_.zones) {
      put("    <zone id=\"{}\"{} purdue-level=\"{}\"", z.id, name(z.name), z.level);
      children("zone", z.cms, 4);
    }
    put("  </zones>\n  <networks>\n");
    for (const Network& n : p_.networks) {
      put("    <network id=\"{}\"{} zone=\"{}\" medium=\"{}\"", n.id, name(n.name),
          p_.zones[n.zone].id, n.medium);
      children("network", n.cms, 4);
    }
    put("  </networks>\n  <assets>\n");
    for (const Asset& a : p_.assets)
      asset(a);
    put("  </assets>\n  <dataflows>\n");
    for (std::size_t i = 0; i < p_.flows.size(); ++i) {
      const Flow& f = p_.flows[i];
      put("    <flow id=\"df-{}\" from=\"{}\" to=\"{}\"", i + 1, p_.assets[f.from].id,
          p_.assets[f.to].id);
      if (!compact_) put(" data=\"{}\"", esc(f.data));
      put(" protocol=\"{}\"", esc(f.protocol));
      children("flow", f.cms, 4);
    }
    put("  </dataflows>\n  <entry-points>\n");
    for (const Entry& e : p_.entries) {
      put("    <entry id=\"{}\" name=\"{}\" ", e.id, esc(e.name));
      if (e.asset != kNo)
        put("asset=\"{}\"", p_.assets[e.asset].id);
      else
        put("network=\"{}\"", p_.networks[e.net].id);
      put(" vector=\"{}\" threat-level=\"{}\"/>\n", e.vector, e.level);
    }
    put("  </entry-points>\n  <countermeasures>\n");
    for (const Scoped& s : p_.scoped) {
      put("    <countermeasure ref=\"{}\"", s.cm.ref);
      if (s.zone != kNo) put(" zone=\"{}\"", p_.zones[s.zone].id);
      if (s.net != kNo) put(" network=\"{}\"", p_.networks[s.net].id);
      put("{}/>\n", s.cm.planned ? " status=\"planned\"" : "");
    }
    put("  </countermeasures>\n  <business-impacts>\n");
    for (const Impact& i : p_.impacts)
      impact(i);
    put("  </business-impacts>\n</system>\n");
  }

 private:
  template <typename... Args>
  void put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out_), f, std::forward<Args>(args)...);
  }

  /// The name attribute, or nothing in a compact file.
  std::string name(std::string_view text) const {
    return compact_ ? std::string() : fmt::format(" name=\"{}\"", esc(text));
  }

  void cm(const Cm& c, int indent) {
    put("{:{}}<countermeasure ref=\"{}\"{}/>\n", "", indent, c.ref,
        c.planned ? " status=\"planned\"" : "");
  }

  /// Closes a start tag written without its '>': empty when there are no placements.
  void children(const char* tag, const std::vector<Cm>& cms, int indent) {
    if (cms.empty()) {
      put("/>\n");
      return;
    }
    put(">\n");
    for (const Cm& c : cms)
      cm(c, indent + 2);
    put("{:{}}</{}>\n", "", indent, tag);
  }

  void asset(const Asset& a) {
    put("    <asset id=\"{}\"{} type=\"{}\" importance=\"{}\"", a.id, name(a.name), a.type,
        a.importance);
    if (a.zone != kNo) put(" zone=\"{}\"", p_.zones[a.zone].id);
    if (a.count > 1) put(" count=\"{}\"", a.count);
    if (a.vendor) put(" vendor=\"{}\"", a.vendor);
    if (a.os) put(" os=\"{}\"", a.os);
    put(">\n");
    for (const Connect& c : a.connects) {
      put("      <connect network=\"{}\"{}/>\n", p_.networks[c.net].id,
          c.role ? fmt::format(" role=\"{}\"", c.role) : std::string());
    }
    for (const Cm& c : a.cms)
      cm(c, 6);
    for (const auto& [ref, level] : a.threats)
      put("      <threat ref=\"{}\" level=\"{}\"/>\n", ref, level);
    put("    </asset>\n");
  }

  void impact(const Impact& i) {
    put("    <impact id=\"{}\" name=\"{}\" level=\"{}\">\n", i.id, esc(i.name), i.level);
    for (const Scenario& s : i.scenarios) {
      put("      <scenario id=\"{}\" name=\"{}\" target=\"{}\" attack=\"{}\"", s.id, esc(s.name),
          p_.assets[s.target].id, s.attack);
      if (!s.bases.empty()) {
        std::string bases;
        for (std::size_t b : s.bases)
          bases += (bases.empty() ? "" : " ") + p_.assets[b].id;
        put(" bases=\"{}\"", bases);
      }
      put("/>\n");
    }
    put("    </impact>\n");
  }

  const Plant& p_;
  std::string& out_;
  bool compact_;
};

/// `text` without the spaces that start its lines.
std::string unindented(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (char c : text) {
    if (line_start && c == ' ') continue;
    line_start = c == '\n';
    out += c;
  }
  return out;
}

}  // namespace

std::string write_xml(const Plant& p, const GeneratorOptions& o) {
  std::string out;
  // ~300 bytes an asset and ~110 a flow: one allocation for the whole text.
  out.reserve(4096 + p.assets.size() * 320 + p.flows.size() * 120);
  Writer(p, out, o.compact).run(o);
  return o.compact ? unindented(out) : out;
}

}  // namespace icsrisk::bench::detail
