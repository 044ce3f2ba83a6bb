// AutomationML import (interchange/aml.h): role class rules, interfaces, links, zones, and the
// example plant end to end.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "interchange/aml.h"
#include "interchange/columns.h"
#include "unit/cli_run.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

using interchange::Table;
using ::testing::HasSubstr;

struct AmlResult {
  std::optional<std::string> xml;
  std::string diags;
};

AmlResult import_aml(const std::string& aml, const std::string& mapping = "") {
  core::SourceFile file("p.aml", aml), map("m.txt", mapping);
  core::Diagnostics d;
  std::vector<interchange::AmlRule> rules = interchange::default_aml_rules();
  for (auto& r : interchange::parse_aml_mapping(map, testing::builtin_profile(), d))
    rules.push_back(r);
  interchange::Inventory inv = interchange::aml_inventory(file, rules, d);
  AmlResult r;
  if (!d.has_errors())
    r.xml = interchange::inventory_to_model(inv, testing::builtin_profile(), "p", d);
  d.sort();
  r.diags = d.render();
  return r;
}

std::string caex(const std::string& body) {
  return "<CAEXFile SchemaVersion=\"3.0\" xmlns=\"http://www.dke.de/CAEX\">\n"
         "<InstanceHierarchy Name=\"Plant\">\n" +
         body + "</InstanceHierarchy>\n</CAEXFile>\n";
}

std::string device(const std::string& id, const std::string& role, const std::string& ifs) {
  return "<InternalElement ID=\"" + id + "\" Name=\"" + id + "\">" + ifs +
         "<RoleRequirements RefBaseRoleClassPath=\"" + role + "\"/></InternalElement>\n";
}

std::string port(const std::string& id, const std::string& name = "P") {
  return "<ExternalInterface ID=\"" + id + "\" Name=\"" + name + "\"/>";
}

std::string link(const std::string& a, const std::string& b) {
  return "<InternalLink Name=\"" + a + "-" + b + "\" RefPartnerSideA=\"" + a +
         "\" RefPartnerSideB=\"" + b + "\"/>\n";
}

TEST(AmlImportTest, LinksConnectDevicesToNetworksAndDirectLinksMakeTheirOwnNetwork) {
  AmlResult r = import_aml(
      caex(device("lan", "CommunicationRoleClassLib/PhysicalNetwork", port("l1") + port("l2")) +
           device("plc", "AutomationMLCSRoleClassLib/ControlEquipment/Controller/PLC",
                  port("p-eth") + port("p-dp", "DP")) +
           device("hmi", "AutomationMLCSRoleClassLib/ControlEquipment/HMI", port("h-eth")) +
           device("valve", "AutomationMLCSRoleClassLib/ControlEquipment/Actuator", port("v-dp")) +
           link("p-eth", "l1") + link("h-eth", "l2") + link("plc:DP", "v-dp")));
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("<asset id=\"plc\" name=\"plc\" type=\"plc\" importance=\"3\">\n"
                                "      <connect network=\"lan\"/>\n"
                                "      <connect network=\"link-plc:DP-v-dp\"/>"));
  EXPECT_THAT(*r.xml, HasSubstr("<asset id=\"hmi\" name=\"hmi\" type=\"hmi\" importance=\"2\">"));
  EXPECT_EQ(testing::check_model(*r.xml).errors, 0u);
}

TEST(AmlImportTest, UnmappedPartsBelongToTheirDeviceAndMappingRulesWinOverDefaults) {
  const std::string body =
      device("lan", "CommunicationRoleClassLib/PhysicalNetwork", port("l1")) +
      "<InternalElement ID=\"pc\" Name=\"PC 1\"><InternalElement ID=\"ports\" Name=\"Ports\">" +
      port("pc-eth") + "<RoleRequirements RefBaseRoleClassPath=\"Vendor/PortList\"/>" +
      "</InternalElement><RoleRequirements RefBaseRoleClassPath=\"Lib@Mine/Host/Office\"/>" +
      "</InternalElement>\n" + link("pc-eth", "l1");
  AmlResult unmapped = import_aml(caex(body));
  EXPECT_THAT(unmapped.diags, HasSubstr("p.aml:4:1: warning: no rule for role class "
                                        "'Mine/Host/Office'"));
  AmlResult r = import_aml(caex(body), "# office hosts\nMine/Host = terminal 1\n");
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("<asset id=\"PC-1\" name=\"PC 1\" type=\"terminal\" "
                                "importance=\"1\">\n      <connect network=\"lan\"/>"));
}

TEST(AmlImportTest, ZonesComeFromMappedStructureElements) {
  AmlResult r = import_aml(
      caex("<InternalElement ID=\"area\" Name=\"Area 1\">" +
           device("lan", "CommunicationRoleClassLib/PhysicalNetwork", port("l1")) +
           device("plc", "AutomationMLCSRoleClassLib/ControlEquipment/Controller", port("p")) +
           "<RoleRequirements RefBaseRoleClassPath=\"Site/Area\"/></InternalElement>\n" +
           link("p", "l1")),
      "Site/Area = zone\n");
  ASSERT_TRUE(r.xml) << r.diags;
  EXPECT_THAT(*r.xml, HasSubstr("<zone id=\"Area-1\" name=\"Area 1\"/>"));
  EXPECT_THAT(*r.xml, HasSubstr("<network id=\"lan\" name=\"lan\" zone=\"Area-1\"/>"));
  EXPECT_THAT(*r.xml, HasSubstr("type=\"plc\" importance=\"3\" zone=\"Area-1\""));
}

TEST(AmlImportTest, ProblemsAreReportedAtTheirElements) {
  AmlResult r = import_aml(
      caex(device("lan", "CommunicationRoleClassLib/PhysicalNetwork", port("l1")) +
           device("plc", "AutomationMLCSRoleClassLib/ControlEquipment/Controller", port("p")) +
           link("p", "nowhere")),
      "Site/Area = zoen\nbroken line\n");
  EXPECT_FALSE(r.xml);
  EXPECT_THAT(r.diags, HasSubstr("m.txt:1:13: error: unknown target 'zoen' (an asset type, "
                                 "network, zone or ignore); did you mean 'zone'?"));
  EXPECT_THAT(r.diags, HasSubstr("m.txt:2:1: error: a rule is written"));
  EXPECT_THAT(r.diags, HasSubstr("p.aml:5:1: warning: InternalLink 'p-nowhere': partner 'nowhere' "
                                 "is not an interface"));
  EXPECT_THAT(r.diags, HasSubstr("p.aml:4:1: warning: no InternalLink connects 'plc'"));
  AmlResult not_caex = import_aml("<system id=\"x\"/>");
  EXPECT_THAT(not_caex.diags, HasSubstr("p.aml:1:1: error: not a CAEX file"));
}

// Found by fuzz_aml: a byte that is not UTF-8 in a name went into the model text, which the
// model loader then refused. Such text, NUL bytes and references to characters XML does not
// allow are errors at their place in the CAEX file, and no model is written.
TEST(AmlImportTest, TextThatCannotBeAModelStopsAtItsPositionInTheCaexFile) {
  const std::string plc =
      device("plc", "AutomationMLCSRoleClassLib/ControlEquipment/Controller", port("p"));
  AmlResult bad_byte = import_aml(
      "<CAEXFile SchemaVersion=\"3.0\">\n"
      "<InstanceHierarchy Name=\"x y\xd7\">\n" +
      plc + "</InstanceHierarchy>\n</CAEXFile>\n");
  EXPECT_FALSE(bad_byte.xml);
  EXPECT_THAT(bad_byte.diags,
              HasSubstr("p.aml:2:29: error: the file is not valid UTF-8 (byte 0xD7)"));
  AmlResult surrogate = import_aml(caex(device("a&#xD800;b", "x", port("p"))));
  EXPECT_FALSE(surrogate.xml);
  EXPECT_THAT(surrogate.diags, HasSubstr("p.aml:3:23: error: character reference '&#xD800;' "
                                         "(U+D800) is not a character XML allows"));
  AmlResult nul = import_aml(caex(plc) + std::string(3, '\0'));
  EXPECT_FALSE(nul.xml);
  EXPECT_THAT(nul.diags, HasSubstr("error: the file holds 3 NUL bytes from here"));
}

// The committed example: its analysis through the firewall, and its hostile name kept as text.
TEST(AmlImportTest, ExamplePlantImportsToAModelWhoseAnalysisIsChecked) {
  namespace fs = std::filesystem;
  fs::path out = testing::fresh_test_dir("aml-example");
  const std::string d = "models/aml/";
  testing::CliResult r = testing::run_icsrisk(
      "import aml " + d + "example-plant.aml --mapping " + d + "example-mapping.txt --flows " + d +
          "flows.csv --entries " + d + "entry-points.csv --scenarios " + d + "scenarios.csv " +
          "--countermeasures " + d + "countermeasures.csv -o '" + (out / "plant.xml").string() +
          "'",
      ICSRISK_SOURCE_DIR);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("2 zones, 3 networks, 7 assets, 6 flows"));
  testing::CliResult a = testing::run_icsrisk("analyze '" + (out / "plant.xml").string() +
                                              "' --format json -o '" + (out / "r").string() + "'");
  ASSERT_EQ(a.code, 0) << a.err;
  auto j = nlohmann::json::parse(testing::read_text((out / "r" / "results.json").string()));
  const auto& sc = j["scenario_risks"][0];
  EXPECT_EQ(sc["risk"], "A");
  // The office PC reaches the control LAN only by taking the firewall.
  std::size_t mail_routes = 0;
  for (const auto& route : sc["routes"]) {
    if (route["entry"] != "ep-mail") continue;
    ++mail_routes;
    bool through_fw = false;
    for (const auto& s : route["steps"])
      through_fw = through_fw || s["to"] == "FW1";
    EXPECT_TRUE(through_fw) << route.dump();
  }
  EXPECT_GT(mail_routes, 0u);
  std::size_t plc_rows = 0;
  for (const auto& row : j["asset_risks"]) {
    if (row["target"] == "PLC1") {
      ++plc_rows;
      EXPECT_EQ(row["importance"], 3);
    }
    if (row["target"] == "HMI-1-line") {
      EXPECT_EQ(row["target_name"], "HMI <1> & \"line\"");
    }
  }
  EXPECT_GT(plc_rows, 5u);
  fs::remove_all(out);
}

}  // namespace
}  // namespace icsrisk
