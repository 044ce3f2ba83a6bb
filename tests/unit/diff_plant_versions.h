#pragma once
// Two versions of the example plant for the diff tests: models/model-plant.xml and an edited
// copy made here, so a test states exactly what changed.

#include <gtest/gtest.h>

#include <string>

#include "unit/golden.h"

namespace icsrisk::testing {

/// models/model-plant.xml.
inline std::string plant_v1() {
  return read_text(source_path("models/model-plant.xml"));
}

/// `text` with the one occurrence of `from` replaced by `to` (fails the test otherwise).
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "more than once: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// The plant with four edits: the EWS loses its anti-virus, a flow vendor-pc → hmi (df-99)
/// is added, the HMI's importance goes from 2 to 3 and the level of business impact bi-2
/// (scenario sc-2-1) from 2 to 3.
inline std::string plant_v2() {
  std::string t = plant_v1();
  t = replace_once(
      t,
      "      <countermeasure ref=\"anti-virus\"/>\n      <countermeasure ref=\"media-control\"/>\n",
      "      <countermeasure ref=\"media-control\"/>\n");
  t = replace_once(t, "<asset id=\"hmi\" name=\"操作端末(HMI)\" type=\"hmi\" importance=\"2\"",
                   "<asset id=\"hmi\" name=\"操作端末(HMI)\" type=\"hmi\" importance=\"3\"");
  t = replace_once(t, "  </dataflows>\n",
                   "    <flow id=\"df-99\" from=\"vendor-pc\" to=\"hmi\" data=\"保守\" "
                   "protocol=\"RDP\"/>\n  </dataflows>\n");
  t = replace_once(t, "<impact id=\"bi-2\" name=\"製品品質の低下\" level=\"2\">",
                   "<impact id=\"bi-2\" name=\"製品品質の低下\" level=\"3\">");
  return t;
}

}  // namespace icsrisk::testing
