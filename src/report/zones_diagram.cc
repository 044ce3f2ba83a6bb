#include "report/zones_diagram.h"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "report/diagram.h"
#include "report/diagram_style.h"
#include "report/dot.h"
#include "report/zones_words.h"

namespace icsrisk::report {

namespace {

using dot::attr;
using dot::Attrs;

constexpr const char* kNoDevice = "#c62828";

std::string level_text(double level) {
  std::string s = fmt::format("{:.2f}", level);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string group_node(std::size_t g) {
  return fmt::format("g:{}", g);
}

/// Name in bold, "Purdue level N" (per-zone groups), the zone count (per-level groups), counts.
std::string group_label(const model::Model& m, const ZoneGroup& g, model::Lang lang) {
  const ZonesWords& w = zones_words(lang);
  std::string s = "<B>" + dot::html_escape(group_name(m, g, lang)) + "</B>";
  auto line = [&](const std::string& text) {
    s += "<BR/><FONT POINT-SIZE=\"9\">" + dot::html_escape(text) + "</FONT>";
  };
  if (g.zone != model::kNone && g.has_level)
    line(fmt::format(fmt::runtime(words(lang).diagram.purdue_level.view()), level_text(g.level)));
  if (g.zone == model::kNone && !g.outside)
    line(fmt::format(fmt::runtime(w.zone_count.view()), g.zones));
  line(fmt::format(fmt::runtime(w.group_counts.view()), g.assets, g.networks));
  return s;
}

const char* kind_word(DeviceKind k, const ZonesWords& w) {
  static constexpr std::array<const Word ZonesWords::*, 4> kWords = {
      &ZonesWords::filtering, &ZonesWords::one_way, &ZonesWords::network_device, &ZonesWords::host};
  return (w.*kWords[static_cast<std::size_t>(k)]).text;
}

/// The devices by name, or counted by kind when there are more than kConduitLabelLines.
std::string device_lines(const model::Model& m, const Conduit& c, const ZonesWords& w) {
  static constexpr std::array<const char*, 4> kMark = {"▣ ", "⇥ ", "□ ", "◇ "};
  std::string s;
  auto line = [&](const std::string& text) {
    if (!s.empty()) s += "<BR/>";
    s += text;
  };
  if (c.devices.empty())
    return "<FONT COLOR=\"" + std::string(kNoDevice) + "\">" +
           dot::html_escape(w.no_device.view()) + "</FONT>";
  if (c.devices.size() <= kConduitLabelLines) {
    for (const ConduitDevice& d : c.devices)
      line(kMark[static_cast<std::size_t>(d.kind)] + dot::html_escape(m.assets[d.asset].name));
    return s;
  }
  std::array<std::size_t, 4> count{};
  for (const ConduitDevice& d : c.devices)
    ++count[static_cast<std::size_t>(d.kind)];
  for (std::size_t k = 0; k < count.size(); ++k)
    if (count[k])
      line(fmt::format("{}{} ×{}", kMark[k],
                       dot::html_escape(kind_word(static_cast<DeviceKind>(k), w)), count[k]));
  return s;
}

std::string channel_lines(const Conduit& c, const ZonesWords& w) {
  std::string s;
  std::size_t shown = 0;
  for (const Channel& ch : c.channels) {
    if (shown == kConduitLabelLines) {
      std::size_t flows = 0;
      for (std::size_t i = shown; i < c.channels.size(); ++i)
        flows += c.channels[i].flows.size();
      s += "<BR/>" +
           dot::html_escape(fmt::format(
               "{} ({})", fmt::format(fmt::runtime(w.more.view()), c.channels.size() - shown),
               fmt::format(fmt::runtime(w.flow_count.view()), flows)));
      break;
    }
    if (shown++) s += "<BR/>";
    std::string text = fmt::format("{} {}", ch.forward ? "↓" : "↑", ch.protocol);
    if (!ch.port.empty()) text += fmt::format(" {}", ch.port);
    text += fmt::format(" ×{}", ch.flows.size());
    s += dot::html_escape(text);
  }
  return s;
}

bool one_way_only(const Conduit& c) {
  if (c.devices.empty()) return false;
  for (const ConduitDevice& d : c.devices)
    if (d.kind != DeviceKind::kOneWay) return false;
  return true;
}

void conduit(dot::Writer& w, const model::Model& m, const Conduit& c, const ZonesWords& words) {
  const std::string id = fmt::format("c:{}:{}", c.a, c.b);
  std::string label = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD>" +
                      device_lines(m, c, words) + "</TD></TR>";
  if (!c.channels.empty())
    label += "<TR><TD><FONT POINT-SIZE=\"9\">" + channel_lines(c, words) + "</FONT></TD></TR>";
  label += "</TABLE>";
  const bool one_way = one_way_only(c);
  w.node(id, {dot::html("label", label), attr("shape", "box"), attr("style", "filled"),
              attr("fillcolor", c.devices.empty() ? "#ffebee" : "#e3f2fd"),
              attr("color", c.devices.empty() ? kNoDevice : style::kFilterBorder),
              attr("penwidth", one_way ? "2" : "1"), attr("margin", "0.05,0.03")});
  bool down = false, up = false;
  for (const Channel& ch : c.channels)
    (ch.forward ? down : up) = true;
  Attrs at = {attr("dir", down && up ? "both" : down ? "forward" : up ? "back" : "none")};
  if (one_way)
    at.push_back(attr("color", style::kFilterBorder)), at.push_back(attr("penwidth", "2"));
  if (c.devices.empty())
    at.push_back(attr("color", kNoDevice)), at.push_back(attr("style", "dashed"));
  w.edge(group_node(c.a), id, at);
  w.edge(id, group_node(c.b), at);
}

}  // namespace

ZoneGrouping diagram_grouping(const model::Model& m) {
  return m.zones.size() > kZoneNodeLimit ? ZoneGrouping::kPurdue : ZoneGrouping::kZone;
}

std::string zones_dot(const model::Model& m, const ZonesConduits& z, model::Lang lang) {
  const ZonesWords& w = zones_words(lang);
  dot::Writer out(m.id.empty() ? "model" : m.id);
  graph_defaults(out);
  std::string title =
      m.name.empty() ? std::string(w.title.view()) : fmt::format("{} — {}", m.name, w.title.view());
  if (z.grouping == ZoneGrouping::kPurdue)
    title += "\n" + fmt::format(fmt::runtime(w.by_level.view()), m.zones.size());
  out.defaults("graph", {dot::text("label", title), attr("labelloc", "t"), attr("fontsize", "18"),
                         attr("nodesep", "0.4"), attr("ranksep", "0.35")});
  for (std::size_t g = 0; g < z.groups.size(); ++g) {
    const ZoneGroup& group = z.groups[g];
    Attrs at = {dot::html("label", group_label(m, group, lang)),
                attr("shape", "box"),
                attr("style", group.outside ? "rounded,dashed,filled" : "rounded,filled"),
                attr("fillcolor", group.outside ? "#ffffff" : "#f5f7fa"),
                attr("color", "#607d8b"),
                attr("margin", "0.15,0.08")};
    if (group.zone != model::kNone) at.push_back(dot::text("tooltip", m.zones[group.zone].id));
    out.node(group_node(g), at);
  }
  for (const Conduit& c : z.conduits)
    conduit(out, m, c, w);
  return out.finish();
}

}  // namespace icsrisk::report
