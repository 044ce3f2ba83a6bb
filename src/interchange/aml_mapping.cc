// Role class → model element rules for the AutomationML import.

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "interchange/aml.h"

namespace icsrisk::interchange {

// Built-in rules. AutomationML's communication role classes (AML whitepaper "Communication")
// give networks; the control-system role classes (AutomationMLCSRoleClassLib) and the AMLsec
// security extension (Eckhart et al., sbaresearch/amlsec, AMLsecRoleClassLib_V1.0.0: zones,
// wires, security and network devices, hosts) give device types. Structure roles are
// containers: zones come only from rules a user writes, or from AMLsec's Zone.
std::vector<AmlRule> default_aml_rules() {
  const struct {
    const char* role;
    const char* target;
    int importance;
  } kRules[] = {
      {"CommunicationRoleClassLib/PhysicalNetwork", "network", 0},
      {"CommunicationRoleClassLib/LogicalNetwork", "ignore", 0},
      {"CommunicationRoleClassLib/LogicalConnection", "ignore", 0},
      {"CommunicationRoleClassLib/LogicalDevice", "ignore", 0},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Controller", "plc", 3},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Controller/PLC", "plc", 3},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Controller/RobotController", "plc", 3},
      {"AutomationMLCSRoleClassLib/ControlEquipment/HMI", "hmi", 2},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Sensor", "field-device", 2},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Actuator", "field-device", 2},
      {"AutomationMLCSRoleClassLib/ControlEquipment/Communication", "l2-switch", 2},
      {"AutomationMLExtendedRoleClassLib/HMI", "hmi", 2},
      {"AMLsecRoleClassLib/Zone", "zone", 0},
      {"AMLsecRoleClassLib/Wire", "network", 0},
      {"AMLsecRoleClassLib/WirelessConnection", "network", 0},
      {"AMLsecRoleClassLib/SecurityDevice/Firewall", "firewall", 3},
      {"AMLsecRoleClassLib/NetworkDevice/Router", "router", 2},
      {"AMLsecRoleClassLib/NetworkDevice/Switch", "l2-switch", 2},
      {"AMLsecRoleClassLib/NetworkDevice/WirelessHARTGateway", "gateway", 2},
      {"AMLsecRoleClassLib/Host", "server", 2},
      {"AMLsecRoleClassLib/Host/EngineeringWorkstation", "ews", 2},
      {"AMLsecRoleClassLib/Host/SCADASystem", "control-server", 3},
      {"AMLsecRoleClassLib/Host/Historian", "historian", 2},
      {"AMLsecRoleClassLib/Host/SIS", "sis", 3},
      {"AMLsecRoleClassLib/Host/WirelessHARTSensor", "iot-device", 1},
      {"AMLsecRoleClassLib/LogicalPortList", "ignore", 0},
      {"AMLsecRoleClassLib/Program", "ignore", 0},
      {"AMLsecRoleClassLib/Protocol", "ignore", 0},
      {"AMLsecRoleClassLib/Conduit", "ignore", 0},
      {"AMLsecRoleClassLib/OPCUASecurityPolicy", "ignore", 0},
  };
  std::vector<AmlRule> out;
  for (const auto& r : kRules)
    out.push_back({r.role, r.target, r.importance == 0 ? 2 : r.importance, {}});
  return out;
}

std::vector<AmlRule> parse_aml_mapping(const core::SourceFile& file, const model::Profile& profile,
                                       core::Diagnostics& diags) {
  std::vector<std::string_view> targets = {"network", "zone", "ignore"};
  for (const model::AssetType& t : profile.asset_types)
    targets.emplace_back(t.id);
  std::vector<AmlRule> out;
  const std::string& text = file.text();
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    core::Loc loc{&file, start};
    std::size_t eq = line.find('=');
    std::vector<std::string_view> left = core::split_ws(line.substr(0, eq));
    if (eq == std::string_view::npos) {
      if (!core::split_ws(line).empty())
        diags.error(loc, "a rule is written ROLE-CLASS-PATH = TARGET [IMPORTANCE]");
    } else {
      std::vector<std::string_view> right = core::split_ws(line.substr(eq + 1));
      core::Loc rloc{&file, start + eq + 1 + line.substr(eq + 1).find_first_not_of(" \t")};
      long long importance = 2;
      if (left.size() != 1 || right.empty() || right.size() > 2) {
        diags.error(loc, "a rule is written ROLE-CLASS-PATH = TARGET [IMPORTANCE]");
      } else if (right.size() == 2 &&
                 (!core::parse_int(right[1], importance) || importance < 1 || importance > 3)) {
        diags.error(rloc, fmt::format("importance is 1, 2 or 3, found '{}'", right[1]));
      } else if (std::find(targets.begin(), targets.end(), right[0]) == targets.end()) {
        std::string near = core::closest_match(right[0], targets);
        diags.error(rloc,
                    fmt::format("unknown target '{}' (an asset type, network, zone or "
                                "ignore){}",
                                right[0], near.empty() ? "" : "; did you mean '" + near + "'?"));
      } else {
        out.push_back(
            {std::string(left[0]), std::string(right[0]), static_cast<int>(importance), loc});
      }
    }
    start = end + 1;
  }
  return out;
}

}  // namespace icsrisk::interchange
