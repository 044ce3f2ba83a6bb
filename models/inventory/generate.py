#!/usr/bin/env python3
"""Writes the example plant inventory of models/inventory/ (500 assets).

A plant as a spreadsheet keeps it: an office network, a DMZ with the historian, and control
areas, each behind its own firewall, with a control LAN (SCADA, HMIs, an EWS, PLCs) and a
field network behind an L3 switch. Deterministic (fixed seed): running it again rewrites the
same bytes. Japanese column headers, UTF-8 with a BOM; assets-cp932.csv is the same table as
Japanese Excel saves it (CP932 / Shift_JIS).

    python3 models/inventory/generate.py models/inventory
"""
import csv
import io
import random
import sys
from pathlib import Path

AREAS = 10
OFFICE_PCS = 97
PLCS_PER_AREA = 10
FIELD_PER_AREA = 23


def write(path, header, rows, encoding="utf-8-sig"):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    Path(path).write_bytes(buf.getvalue().encode(encoding))


def assets_and_flows(rng):
    assets, flows = [], []

    def asset(i, name, typ, imp, nets, addrs="", zone="", count="", vendor="", model="", os="",
              cms="", planned=""):
        assets.append([i, name, typ, imp, zone, nets, addrs, count, vendor, model, os, cms, planned])

    def flow(src, dst, data, proto, port):
        flows.append([f"df-{len(flows) + 1}", src, dst, data, proto, port])

    for k in range(1, OFFICE_PCS + 1):
        asset(f"office-pc-{k:03}", f"事務用端末{k:03}", "terminal", 1, "n-office",
              f"10.0.{k // 250}.{k % 250 + 1}", os="Windows 11", cms="anti-virus",
              planned="patching")
    asset("fw-office", "FW(情報系/DMZ)", "firewall", 3, "n-office n-dmz",
          "10.0.9.1 172.16.0.1", cms="fw-packet-filter")
    asset("historian", "ヒストリアン", "historian", 2, "n-dmz", "172.16.0.10",
          vendor="B社", os="Windows Server 2019", cms="anti-virus access-control")
    asset("patch-server", "パッチ配信サーバ", "server", 2, "n-dmz", "172.16.0.11",
          os="Windows Server 2022", cms="anti-virus")
    flow("historian", "office-pc-001", "運転日報", "HTTPS", "443")
    for a in range(1, AREAS + 1):
        ctrl, field = f"n-ctrl-{a:02}", f"n-field-{a:02}"
        net = f"192.168.{a}"
        asset(f"fw-area-{a:02}", f"FW(DMZ/エリア{a})", "firewall", 3, f"n-dmz {ctrl}",
              f"172.16.1.{a} {net}.1", cms="fw-packet-filter")
        asset(f"scada-{a:02}", f"制御サーバ(エリア{a})", "control-server", 3, ctrl, f"{net}.10",
              vendor="C社", model="SCADA-X", os="Windows Server 2019",
              cms="anti-virus access-control", planned="whitelisting")
        for h in range(1, 4):
            asset(f"hmi-{a:02}-{h}", f"操作端末{a}-{h}", "hmi", 2, ctrl, f"{net}.{20 + h}",
                  vendor="C社", os="Windows 10 IoT Enterprise LTSC",
                  cms="operator-authentication", planned="whitelisting")
            flow(f"hmi-{a:02}-{h}", f"scada-{a:02}", "操作指示", "OPC UA", "4840")
        asset(f"ews-{a:02}", f"EWS(エリア{a})", "ews", 2, ctrl, f"{net}.30", vendor="D社",
              os="Windows 10", cms="anti-virus", planned="media-control")
        asset(f"l3sw-{a:02}", f"L3スイッチ(エリア{a})", "l3-switch", 2, f"{ctrl} {field}",
              f"{net}.254 10.{a}.0.254")
        flow(f"scada-{a:02}", "historian", "プロセスデータ", "OPC UA", "4840")
        for p in range(1, PLCS_PER_AREA + 1):
            plc = f"plc-{a:02}-{p:02}"
            asset(plc, f"PLC {a}-{p}", "plc", 3, field, f"10.{a}.0.{p}", vendor="D社",
                  model=rng.choice(["Q-100", "Q-200", "R-10"]), cms="device-error-detection")
            flow(f"scada-{a:02}", plc, "制御コマンド", "Modbus/TCP", "502")
            flow(plc, f"scada-{a:02}", "監視データ", "Modbus/TCP", "502")
            if p == 1:
                flow(f"ews-{a:02}", plc, "制御プログラム", "ベンダ独自プロトコル", "")
        for f in range(1, FIELD_PER_AREA + 1):
            asset(f"fd-{a:02}-{f:02}", f"フィールド機器{a}-{f}", "field-device",
                  rng.choice([1, 2, 2, 3]), field, f"10.{a}.1.{f}",
                  count=str(rng.randint(1, 12)))
    return assets, flows


def main(out):
    rng = random.Random(15)
    assets, flows = assets_and_flows(rng)
    assert len(assets) == 500, len(assets)
    header = ["ID", "名称", "種類", "重要度", "ゾーン", "ネットワーク", "アドレス", "台数",
              "ベンダ", "型式", "OS", "対策", "計画中の対策"]
    write(f"{out}/assets.csv", header, assets)
    write(f"{out}/assets-cp932.csv", header, assets, "cp932")
    write(f"{out}/flows.csv", ["ID", "送信元", "送信先", "データ", "プロトコル", "ポート"], flows)
    nets = [["n-office", "情報系LAN", "z-office", "wired"], ["n-dmz", "DMZ", "z-dmz", "wired"]]
    zones = [["z-office", "情報系", "4"], ["z-dmz", "DMZ", "3.5"]]
    for a in range(1, AREAS + 1):
        zones.append([f"z-area-{a:02}", f"制御系エリア{a}", "2"])
        nets.append([f"n-ctrl-{a:02}", f"制御LAN(エリア{a})", f"z-area-{a:02}", "wired"])
        nets.append([f"n-field-{a:02}", f"フィールドNW(エリア{a})", f"z-area-{a:02}", "fieldbus"])
    write(f"{out}/zones.csv", ["ID", "名称", "パデューレベル"], zones)
    write(f"{out}/networks.csv", ["ID", "名称", "ゾーン", "媒体"], nets)
    entries = [["ep-mail", "メール", "office-pc-001", "", "mail", "3"]]
    entries += [[f"ep-usb-{a:02}", f"USBメモリ(エリア{a})", f"ews-{a:02}", "", "media", "2"]
                for a in range(1, AREAS + 1)]
    write(f"{out}/entry-points.csv", ["ID", "名称", "資産", "ネットワーク", "侵入口の種類", "脅威レベル"],
          entries)
    scenarios = [["bi-1", "生産ラインの停止", "3", f"sc-{a:02}", f"エリア{a}のPLCへの不正コマンド",
                  f"plc-{a:02}-01", "unauthorized-transmission"] for a in range(1, AREAS + 1)]
    write(f"{out}/scenarios.csv", ["事業被害ID", "事業被害", "事業被害レベル", "シナリオID",
                                   "シナリオ", "攻撃対象", "攻撃手口"], scenarios)
    write(f"{out}/countermeasures.csv", ["対策", "ゾーン", "状態"],
          [["log-collection", "", "実装済"], ["physical-entry-control", "z-area-01", "計画中"]])
    write(f"{out}/system.csv", ["ID", "名称"], [["inventory-plant", "インベントリの例(500資産)"]])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent))
