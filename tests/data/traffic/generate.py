#!/usr/bin/env python3
"""Writes model-plant-conn.log (Zeek TSV) and model-plant-conn.json (Zeek JSON lines): a day of
captured traffic for models/model-plant.xml, with the addresses of its <connect address>; and
remote-station-conn.log, a day at the control room's and the station's taps for
models/remote-station.xml.

Most connections are modelled flows; planted among them, what an assessment looks for:
unexpected flows (the EWS writing Modbus to PLC3, an office PC opening SSH to the relay
server, the historian asking DNS of a PLC), an unknown device on the control LAN and an
outside DNS server, and office PCs talking among themselves (one asset group).
Deterministic: running it again writes the same bytes.

    python3 tests/data/traffic/generate.py tests/data/traffic
"""
import json
import random
import sys
from pathlib import Path

FIELDS = ["ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
          "duration", "orig_bytes", "resp_bytes", "conn_state"]
TYPES = ["time", "string", "addr", "port", "addr", "port", "enum", "string", "interval",
         "count", "count", "string"]

# (opener, responder, proto, port, service, connections)
TRAFFIC = [
    ("192.168.10.21", "192.168.10.10", "tcp", 4840, "", 40),      # hmi -> scada, df-22/23
    ("192.168.10.10", "192.168.20.11", "tcp", 502, "modbus", 60),  # scada -> plc-1, df-35/45
    ("192.168.10.10", "192.168.20.13", "tcp", 502, "modbus", 60),  # scada -> plc-3, df-37/47
    ("192.168.10.10", "192.168.10.40", "tcp", 4840, "", 24),      # scada -> historian, df-25
    ("192.168.10.31", "192.168.20.11", "tcp", 20000, "", 2),      # ews -> plc-1, df-41
    ("172.16.10.11", "192.168.10.10", "tcp", 443, "ssl", 3),       # patch-srv -> scada, df-13
    ("10.1.0.100", "10.1.0.10", "tcp", 993, "ssl", 12),            # office-pc -> mail, df-01
    ("10.1.0.101", "10.1.0.12", "tcp", 3128, "http", 30),          # office-pc -> proxy, df-02
    # unexpected:
    ("192.168.10.31", "192.168.20.13", "tcp", 502, "modbus", 3),   # ews -> plc-3: not modelled
    ("10.1.0.105", "172.16.10.10", "tcp", 22, "ssh", 2),           # office-pc -> relay: SSH
    ("192.168.10.40", "192.168.20.12", "udp", 53, "dns", 1),       # historian -> plc-2
    # unknown addresses:
    ("192.168.20.99", "192.168.20.12", "tcp", 44818, "", 5),       # a device on the control LAN
    ("192.168.10.40", "8.8.8.8", "udp", 53, "dns", 4),             # historian -> outside DNS
    # within the office-pc group:
    ("10.1.0.101", "10.1.0.102", "tcp", 445, "smb", 6),
]


# models/remote-station.xml. Planted: the vendor's jump host writing Modbus straight to the
# dosing PLC, the EWS speaking DNP3 to the station RTU, the station HMI opening the cellular
# router's web console; a rogue device on the station LAN and the RTU asking an outside DNS.
# Never observed: mail (df-01), the jump host's RDP to the EWS (df-05), PLC programming (df-11,
# df-12).
REMOTE_STATION = [
    ("192.168.1.21", "192.168.1.10", "tcp", 4840, "", 30),        # hmi-1 -> scada, df-06
    ("192.168.1.22", "192.168.1.10", "tcp", 4840, "", 30),        # hmi-2 -> scada, df-07
    ("192.168.1.10", "192.168.1.40", "tcp", 4840, "", 24),        # scada -> historian, df-08
    ("192.168.1.10", "192.168.1.51", "tcp", 502, "modbus", 60),   # scada -> plc-filter, df-09
    ("192.168.1.10", "192.168.1.52", "tcp", 502, "modbus", 60),   # scada -> plc-dosing, df-10
    ("192.168.1.10", "192.168.50.10", "tcp", 20000, "dnp3", 48),  # scada -> rtu, df-13
    ("192.168.50.10", "192.168.1.10", "tcp", 20000, "dnp3", 12),  # rtu -> scada, df-14
    ("192.168.50.20", "192.168.50.10", "tcp", 502, "modbus", 20), # station-hmi -> rtu, df-15
    ("192.168.50.10", "192.168.50.30", "tcp", 502, "modbus", 40), # rtu -> pump-bridge, df-16
    ("172.20.0.21", "192.168.1.10", "tcp", 3389, "rdp", 2),       # jump-host -> scada, df-04
    ("192.168.1.40", "172.20.0.10", "tcp", 1433, "", 24),         # historian -> replica, df-03
    ("10.10.0.101", "172.20.0.10", "tcp", 443, "ssl", 10),        # office-pc -> replica, df-02
    # unexpected:
    ("172.20.0.21", "192.168.1.52", "tcp", 502, "modbus", 3),     # jump-host -> plc-dosing
    ("192.168.1.31", "192.168.50.10", "tcp", 20000, "dnp3", 2),   # ews -> rtu
    ("192.168.50.20", "192.168.50.1", "tcp", 443, "ssl", 1),      # station-hmi -> cell-rtr
    # unknown addresses:
    ("192.168.50.99", "192.168.50.10", "tcp", 502, "modbus", 4),  # a device at the station
    ("192.168.50.10", "8.8.8.8", "udp", 53, "dns", 2),            # rtu -> outside DNS
]


def records(traffic=None, seed=15):
    traffic = TRAFFIC if traffic is None else traffic
    rng = random.Random(seed)
    ts = 1767225600.0  # 2026-01-01T00:00:00Z
    out = []
    for orig, resp, proto, port, service, n in traffic:
        for _ in range(n):
            ts += rng.uniform(1, 120)
            out.append({"ts": round(ts, 6), "uid": "C%016x" % rng.getrandbits(64),
                        "id.orig_h": orig, "id.orig_p": rng.randint(49152, 65535),
                        "id.resp_h": resp, "id.resp_p": port, "proto": proto,
                        "service": service or None, "duration": round(rng.uniform(0, 5), 6),
                        "orig_bytes": rng.randint(40, 4000), "resp_bytes": rng.randint(40, 40000),
                        "conn_state": "SF"})
    out.sort(key=lambda r: r["ts"])
    return out


def tsv(rs):
    lines = ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-",
             "#path\tconn", "#open\t2026-01-01-00-00-00", "#fields\t" + "\t".join(FIELDS),
             "#types\t" + "\t".join(TYPES)]
    for r in rs:
        lines.append("\t".join("-" if r[f] is None else str(r[f]) for f in FIELDS))
    lines.append("#close\t2026-01-02-00-00-00")
    return "\n".join(lines) + "\n"


def jsonl(rs):
    return "".join(json.dumps({k: v for k, v in r.items() if v is not None},
                              separators=(",", ":")) + "\n" for r in rs)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    rs = records()
    (out / "model-plant-conn.log").write_text(tsv(rs))
    (out / "model-plant-conn.json").write_text(jsonl(rs))
    (out / "remote-station-conn.log").write_text(tsv(records(REMOTE_STATION, 16)))
