#pragma once
// Observed traffic (Zeek conn.log) against the model's data flows (icsrisk import traffic).

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/source.h"
#include "model/model.h"

namespace icsrisk::interchange {

/// One connection of a conn.log: who opened it (orig), who answered (resp), and how.
struct Connection {
  std::string orig, resp;
  std::string proto;    ///< tcp, udp, icmp
  std::string service;  ///< Zeek's protocol guess (modbus, http, ...), or ""
  int port = -1;        ///< the responder's port; -1 when the log has none
  core::Loc loc;        ///< the record's line
};

/// Parses a Zeek conn.log: the TSV form (a `#fields` header names the columns; `#separator`,
/// other `#` lines, `-` unset and `(empty)` fields as Zeek writes them) or JSON lines (one
/// object a line, flat `id.orig_h` keys or a nested `id` object). Needs id.orig_h, id.resp_h,
/// id.resp_p and proto; service is optional. Every malformed record is an error at its line;
/// text that is not UTF-8 is one error at its first bad byte, and no record is read.
std::vector<Connection> read_conn_log(const core::SourceFile& file, core::Diagnostics& diags);

/// Observed connections aggregated by (from, to, proto, port).
struct ObservedFlow {
  std::size_t from = 0, to = 0;  ///< asset indices: opener and responder
  std::string proto, service;
  int port = -1;
  std::size_t count = 0;
  core::Loc first;                  ///< the first record
  std::size_t flow = model::kNone;  ///< a modelled flow it matches, or kNone (unexpected)
};

struct UnknownAddress {
  std::string address;
  std::size_t count = 0;
  core::Loc first;
};

struct TrafficComparison {
  std::size_t connections = 0;
  std::size_t within_asset = 0;          ///< both ends on one asset (a group's members)
  std::vector<ObservedFlow> observed;    ///< in order of first appearance
  std::vector<std::size_t> unobserved;   ///< modelled flows no connection matched
  std::vector<std::size_t> unaddressed;  ///< modelled flows with an end that has no address
  std::vector<UnknownAddress> unknown;   ///< addresses of no asset, in order of appearance
};

/// Maps addresses to assets through `<connect address>` (an IPv4 address, an IPv4 CIDR block
/// such as 10.1.0.96/27 for a group — the longest prefix wins — or any other text, matched
/// exactly) and compares. A connection matches a modelled flow between the same two assets in
/// either direction (Zeek records who opened it; data flows both ways in it) whose port, if the
/// flow gives one, is the responder's port. An address given to two assets is a warning at the
/// second. Needs a linked model. O(connections · log addresses + flows).
TrafficComparison compare_traffic(const model::Model& m, const std::vector<Connection>& log,
                                  core::Diagnostics& diags);

/// The comparison for a reader, in `lang`: the counts; the unexpected flows with their
/// connection count and first record (file:line); the modelled flows never observed and how
/// many could not be checked; the unknown addresses. Text from the model or the log shows
/// control characters as U+FFFD. Deterministic (order of first appearance, model order).
std::string traffic_report(const model::Model& m, const TrafficComparison& c, model::Lang lang);

/// The model file's text with one `<flow>` per unexpected observed flow added at the end of
/// its <dataflows> (created before </system> when there is none): id `obs-N`, from the opener
/// to the responder, protocol = Zeek's service or the transport, port, data "observed traffic
/// (N connections)". The rest of the text is kept byte for byte. Nothing when the text has no
/// place to insert (e.g. a namespace prefix on the elements).
std::optional<std::string> add_observed_flows(const model::Model& m, const std::string& text,
                                              const TrafficComparison& c);

}  // namespace icsrisk::interchange
