// The traffic comparison as text for a reader (icsrisk import traffic), in Japanese or English.

#include <fmt/format.h>

#include "interchange/traffic.h"

namespace icsrisk::interchange {
namespace {

// Words of this report; one instance per language, so a missing word fails to compile.
struct TrafficWords {
  const char *summary, *unexpected, *unobserved, *unaddressed, *unknown, *first_at;
};

constexpr TrafficWords kJa{
    .summary =
        "{} 接続: モデルの資産間で観測したフロー {} 件(うち想定外 {} 件)、"
        "同じ資産グループ内 {} 件、未知のアドレス {} 件",
    .unexpected = "想定外のフロー(観測したがモデルにない): {}",
    .unobserved = "観測されなかったモデルのフロー: {}",
    .unaddressed = "(端点にアドレスがなく確かめられないフロー: {} 件)",
    .unknown = "未知のアドレス(どの <connect address> にもない): {}",
    .first_at = "初出",
};

constexpr TrafficWords kEn{
    .summary =
        "{} connections: {} observed flows between modelled assets ({} unexpected), {} "
        "within one asset group, {} unknown addresses",
    .unexpected = "Unexpected flows (observed, not in the model): {}",
    .unobserved = "Modelled flows never observed: {}",
    .unaddressed = "(not checkable, an end has no address: {} flows)",
    .unknown = "Unknown addresses (in no <connect address>): {}",
    .first_at = "first at",
};

// Text from the model or the log, with control characters (terminal escapes included) shown
// as U+FFFD, so a record cannot rewrite the screen.
std::string shown(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    out += b < 0x20 || b == 0x7F ? std::string("\xEF\xBF\xBD") : std::string(1, c);
  }
  return out;
}

std::string where(const core::Loc& loc) {
  if (!loc.known()) return "";
  return fmt::format("{}:{}", shown(loc.file->name()), loc.file->line_of(loc.offset));
}

std::string port_text(const ObservedFlow& o) {
  std::string s = o.port < 0 ? shown(o.proto) : fmt::format("{}/{}", shown(o.proto), o.port);
  return o.service.empty() ? s : fmt::format("{} ({})", s, shown(o.service));
}

}  // namespace

std::string traffic_report(const model::Model& m, const TrafficComparison& c, model::Lang lang) {
  const TrafficWords& w = lang == model::Lang::kJa ? kJa : kEn;
  std::size_t unexpected = 0;
  for (const ObservedFlow& o : c.observed)
    unexpected += o.flow == model::kNone ? 1 : 0;
  std::string out = fmt::format(fmt::runtime(w.summary), c.connections, c.observed.size(),
                                unexpected, c.within_asset, c.unknown.size());
  out += "\n\n" + fmt::format(fmt::runtime(w.unexpected), unexpected) + "\n";
  for (const ObservedFlow& o : c.observed)
    if (o.flow == model::kNone)
      out += fmt::format("  {} -> {}  {}  x{}  ({} {})\n", m.assets[o.from].id, m.assets[o.to].id,
                         port_text(o), o.count, w.first_at, where(o.first));
  out += "\n" + fmt::format(fmt::runtime(w.unobserved), c.unobserved.size()) + "\n";
  for (std::size_t f : c.unobserved)
    out += fmt::format("  {}  {} -> {}  {}\n", m.flows[f].id, m.flows[f].from, m.flows[f].to,
                       shown(m.flows[f].protocol));
  if (!c.unaddressed.empty())
    out += "  " + fmt::format(fmt::runtime(w.unaddressed), c.unaddressed.size()) + "\n";
  out += "\n" + fmt::format(fmt::runtime(w.unknown), c.unknown.size()) + "\n";
  for (const UnknownAddress& u : c.unknown)
    out +=
        fmt::format("  {}  x{}  ({} {})\n", shown(u.address), u.count, w.first_at, where(u.first));
  return out;
}

}  // namespace icsrisk::interchange
