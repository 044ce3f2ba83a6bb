#pragma once
// Model text for the §7 scenario tests: an asset of the test profile's `host` type on one
// network, and a countermeasure placement.

#include <string>

namespace icsrisk::testing {

/// `<asset id=ID type="host" importance="2">` on network NET, with INNER inside.
inline std::string host(const std::string& id, const std::string& net,
                        const std::string& inner = "") {
  return R"(<asset id=")" + id + R"(" name=")" + id + R"(" type="host" importance="2">)" +
         R"(<connect network=")" + net + R"("/>)" + inner + "</asset>";
}

/// `<countermeasure ref=REF/>`.
inline std::string measure(const std::string& ref) {
  return R"(<countermeasure ref=")" + ref + R"("/>)";
}

}  // namespace icsrisk::testing
