// `icsrisk import traffic` on the remote-station example and its generated conn.log: the planted
// findings, exactly — the unexpected flows, the modelled flows never seen, the unknown addresses.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_test.h"

namespace icsrisk {
namespace {

/// The lines of section `title` of the report (up to the next blank line), without the title.
std::string section(const std::string& out, const std::string& title) {
  std::size_t at = out.find(title);
  if (at == std::string::npos) return "(no section " + title + ")";
  at = out.find('\n', at) + 1;
  std::size_t end = out.find("\n\n", at);
  return out.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
}

TEST(CliTrafficTest, RemoteStationConnLogGivesExactlyThePlantedFindings) {
  testing::CliResult r = testing::run_icsrisk(
      "import traffic models/remote-station.xml tests/data/traffic/remote-station-conn.log "
      "--lang en",
      ICSRISK_SOURCE_DIR);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::StartsWith("372 connections: 15 observed flows between modelled "
                                           "assets (3 unexpected), 0 within one asset group, 2 "
                                           "unknown addresses\n"));
  const std::string log = "tests/data/traffic/remote-station-conn.log";
  EXPECT_EQ(section(r.out, "Unexpected flows"),
            "  jump-host -> plc-dosing  tcp/502 (modbus)  x3  (first at " + log + ":369)\n" +
                "  ews -> rtu  tcp/20000 (dnp3)  x2  (first at " + log + ":372)\n" +
                "  station-hmi -> cell-rtr  tcp/443 (ssl)  x1  (first at " + log + ":374)\n");
  EXPECT_EQ(section(r.out, "Modelled flows never observed"),
            "  df-01  mail-srv -> office-pc  IMAPS\n"
            "  df-05  jump-host -> ews  RDP\n"
            "  df-11  ews -> plc-filter  Vendor protocol\n"
            "  df-12  ews -> plc-dosing  Vendor protocol\n");
  EXPECT_EQ(section(r.out, "Unknown addresses"), "  192.168.50.99  x4  (first at " + log +
                                                     ":375)\n" + "  8.8.8.8  x2  (first at " + log +
                                                     ":379)\n");
}

}  // namespace
}  // namespace icsrisk
