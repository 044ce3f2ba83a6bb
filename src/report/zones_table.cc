// The zones-and-conduits overview as a report table and as results.json text (see
// zones_conduits.h).

#include <algorithm>

#include <fmt/format.h>

#include "report/diagram_style.h"
#include "report/json.h"
#include "report/zones_conduits.h"
#include "report/zones_words.h"

namespace icsrisk::report {

namespace {

/// Lines of a table cell listing names at most; the rest are counted.
constexpr std::size_t kCellLines = 20;

std::string group_label(const model::Model& m, const ZoneGroup& g, model::Lang lang) {
  if (g.zone != model::kNone) return style::zone_label(m.zones[g.zone], lang);
  return group_name(m, g, lang);
}

const char* kind_word(DeviceKind k, model::Lang lang) {
  const ZonesWords& w = zones_words(lang);
  switch (k) {
    case DeviceKind::kFiltering:
      return w.filtering.text;
    case DeviceKind::kOneWay:
      return w.one_way.text;
    case DeviceKind::kNetworkDevice:
      return w.network_device.text;
    case DeviceKind::kHost:
      break;
  }
  return w.host.text;
}

/// Up to kCellLines lines of `items` (formatted by `line`), then "n more lines".
template <typename Items, typename Line>
std::string lines(const Items& items, model::Lang lang, Line line) {
  std::string s;
  std::size_t shown = 0;
  for (const auto& item : items) {
    if (shown == kCellLines) {
      s += "\n" + fmt::format(fmt::runtime(zones_words(lang).more.view()), items.size() - shown);
      break;
    }
    if (shown++) s += '\n';
    s += line(item);
  }
  return s;
}

std::string devices_cell(const model::Model& m, const model::Profile& p, const Conduit& c,
                         model::Lang lang) {
  if (c.devices.empty()) return std::string(zones_words(lang).no_device.view());
  return lines(c.devices, lang, [&](const ConduitDevice& d) {
    const model::Asset& a = m.assets[d.asset];
    const model::AssetType* t = style::type_of(a, p);
    return fmt::format("{} ({}; {})", a.name, t ? t->name.in(lang) : std::string(a.type),
                       kind_word(d.kind, lang));
  });
}

std::string data_cell(const model::Model& m, const Channel& ch, model::Lang lang) {
  std::vector<std::string_view> data;
  for (std::size_t f : ch.flows) {
    std::string_view d = m.flows[f].data;
    if (!d.empty() && std::find(data.begin(), data.end(), d) == data.end()) data.push_back(d);
    if (data.size() > kCellLines) break;
  }
  return lines(data, lang, [](std::string_view d) { return std::string(d); });
}

}  // namespace

Table zones_conduits_table(const model::Model& m, const model::Profile& p, const ZonesConduits& z,
                           model::Lang lang) {
  const ZonesWords& w = zones_words(lang);
  const Words& common = words(lang);
  Table t;
  t.id = "zones-conduits";
  t.title = w.title;
  t.sheet = w.sheet;
  t.note = w.note;
  for (const char* name :
       {common.no.text, w.zone_a.text, w.zone_b.text, w.devices.text, w.direction.text,
        w.protocol.text, w.port.text, w.data.text, w.flows.text, w.via.text})
    t.columns.push_back({"", name});
  for (std::size_t i = 0; i < z.conduits.size(); ++i) {
    const Conduit& c = z.conduits[i];
    std::vector<Cell> head = {Cell::of_number(static_cast<int>(i + 1)),
                              Cell::of_text(group_label(m, z.groups[c.a], lang)),
                              Cell::of_text(group_label(m, z.groups[c.b], lang)),
                              Cell::of_text(devices_cell(m, p, c, lang))};
    if (c.channels.empty()) {
      t.rows.push_back(head);
      for (int k = 0; k < 6; ++k)
        t.rows.back().push_back(Cell::of_mark("-"));
      continue;
    }
    for (const Channel& ch : c.channels) {
      std::vector<Cell> row = head;
      row.push_back(Cell::of_mark(ch.forward ? "A → B" : "B → A"));
      row.push_back(Cell::of_text(ch.protocol));
      row.push_back(Cell::of_text(ch.port));
      row.push_back(Cell::of_text(data_cell(m, ch, lang)));
      row.push_back(Cell::of_number(static_cast<int>(ch.flows.size())));
      row.push_back(Cell::of_text(
          lines(ch.via, lang, [&](std::size_t d) { return std::string(m.assets[d].name); })));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

namespace {

void key(std::string& out, const char* k) {
  append_json_string(out, k);
  out += ": ";
}

void group_id(std::string& out, const model::Model& m, const ZoneGroup& g) {
  if (g.zone == model::kNone) {
    out += "null";
  } else {
    append_json_string(out, m.zones[g.zone].id);
  }
}

template <typename Ids, typename IdOf>
void id_list(std::string& out, const Ids& ids, IdOf id_of) {
  out += '[';
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ", ";
    append_json_string(out, id_of(ids[i]));
  }
  out += ']';
}

const char* kind_id(DeviceKind k) {
  static constexpr const char* kIds[] = {"filtering", "one-way", "network-device", "host"};
  return kIds[static_cast<int>(k)];
}

void conduit_json(std::string& out, const model::Model& m, const ZonesConduits& z,
                  const Conduit& c) {
  auto asset_id = [&](std::size_t a) { return m.assets[a].id; };
  out += '{', key(out, "zones"), out += '[';
  group_id(out, m, z.groups[c.a]), out += ", ", group_id(out, m, z.groups[c.b]);
  out += "], ", key(out, "devices"), out += '[';
  for (std::size_t i = 0; i < c.devices.size(); ++i) {
    out += i ? ", {" : "{";
    key(out, "id"), append_json_string(out, asset_id(c.devices[i].asset));
    out += ", ", key(out, "kind"), append_json_string(out, kind_id(c.devices[i].kind)), out += '}';
  }
  out += "], ", key(out, "channels"), out += '[';
  for (std::size_t i = 0; i < c.channels.size(); ++i) {
    const Channel& ch = c.channels[i];
    out += i ? ", {" : "{";
    key(out, "from"), group_id(out, m, z.groups[ch.forward ? c.a : c.b]);
    out += ", ", key(out, "to"), group_id(out, m, z.groups[ch.forward ? c.b : c.a]);
    out += ", ", key(out, "protocol"), append_json_string(out, ch.protocol);
    out += ", ", key(out, "port"), append_json_string(out, ch.port);
    out += ", ", key(out, "flows");
    id_list(out, ch.flows, [&](std::size_t f) { return m.flows[f].id; });
    out += ", ", key(out, "via"), id_list(out, ch.via, asset_id), out += '}';
  }
  out += "]}";
}

}  // namespace

std::string zones_conduits_json(const model::Model& m, const ZonesConduits& z, int depth) {
  const std::string in = "\n" + std::string(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string item = in + "  ";
  std::string out = "{";
  out += in, key(out, "zones"), out += '[';
  for (std::size_t i = 0; i < z.groups.size(); ++i) {
    const ZoneGroup& g = z.groups[i];
    out += item + "{", key(out, "id"), group_id(out, m, g);
    out += ", ", key(out, "name");
    append_json_string(out, g.zone == model::kNone ? std::string_view() : m.zones[g.zone].name);
    out += ", ", key(out, "purdue_level");
    out += g.has_level ? fmt::format("{}", g.level) : std::string("null");
    out += fmt::format(", \"assets\": {}, \"networks\": {}}}", g.assets, g.networks);
    if (i + 1 < z.groups.size()) out += ',';
  }
  out += z.groups.empty() ? "]," : in + "],";
  out += in, key(out, "conduits"), out += '[';
  for (std::size_t i = 0; i < z.conduits.size(); ++i) {
    out += item;
    conduit_json(out, m, z, z.conduits[i]);
    if (i + 1 < z.conduits.size()) out += ',';
  }
  out += z.conduits.empty() ? "]" : in + "]";
  out += "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "}";
  return out;
}

}  // namespace icsrisk::report
