#pragma once
// A generated plant of `n` assets on one LAN, each sending to the next: the shape that stresses
// what grows with a segment's size (Graphviz's layout, the quantitative stage's segment steps).

#include <string>

namespace icsrisk::testing {

/// The model text; `sections` (entry points, business impacts) go after the data flows.
inline std::string one_lan_model(int n, const std::string& sections = "") {
  std::string xml = "<system id=\"lan\"><networks><network id=\"lan\"/></networks><assets>";
  for (int i = 0; i < n; ++i)
    xml += "<asset id=\"a" + std::to_string(i) +
           "\" type=\"hmi\" importance=\"2\"><connect network=\"lan\"/></asset>";
  xml += "</assets><dataflows>";
  for (int i = 0; i + 1 < n; ++i)
    xml += "<flow id=\"f" + std::to_string(i) + "\" from=\"a" + std::to_string(i) + "\" to=\"a" +
           std::to_string(i + 1) + "\"/>";
  return xml + "</dataflows>" + sections + "</system>\n";
}

}  // namespace icsrisk::testing
