// Observed traffic (interchange/traffic.h): Zeek conn.log in both forms, address mapping,
// the comparison with the model's flows, and `icsrisk import traffic` on the example plant.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "interchange/traffic.h"
#include "unit/cli_run.h"
#include "unit/golden.h"
#include "unit/model_check.h"

namespace icsrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<interchange::Connection> read_log(const std::string& name, const std::string& text,
                                              std::string* diags = nullptr) {
  core::SourceFile f(name, text);
  core::Diagnostics d;
  auto out = interchange::read_conn_log(f, d);
  for (auto& c : out)
    c.loc = {};  // the file dies here
  if (diags) *diags = d.render();
  return out;
}

std::string key(const interchange::Connection& c) {
  return c.orig + ">" + c.resp + " " + c.proto + "/" + std::to_string(c.port) + " " + c.service;
}

TEST(ConnLogTest, TsvAndJsonFormsGiveTheSameConnections) {
  auto tsv = read_log(
      "c.log", testing::read_text(testing::source_path("tests/data/traffic/model-plant-conn.log")));
  auto json = read_log(
      "c.json",
      testing::read_text(testing::source_path("tests/data/traffic/model-plant-conn.json")));
  ASSERT_EQ(tsv.size(), 252u);
  ASSERT_EQ(json.size(), tsv.size());
  for (std::size_t i = 0; i < tsv.size(); ++i)
    EXPECT_EQ(key(tsv[i]), key(json[i])) << i;
  EXPECT_EQ(key(tsv[0]), "192.168.10.21>192.168.10.10 tcp/4840 ");
}

// Found by fuzz_connlog: a service name with bytes that are not UTF-8 went into the model's
// added flows, which the model loader refused. Such a log is an error at its first bad byte,
// and no record is read from it.
TEST(ConnLogTest, TextThatIsNotUtf8IsAnErrorAtItsFirstBadByte) {
  std::string diags;
  auto out = read_log("c.log",
                      "#separator \\x09\n#fields\tid.orig_h\tid.resp_h\tid.resp_p\tproto\tservice\n"
                      "10.0.0.1\t10.0.0.2\t502\ttcp\tmodbus\n"
                      "10.0.0.1\t10.0.0.2\t502\ttcp\tmo\x8c\x9c\n",
                      &diags);
  EXPECT_TRUE(out.empty());
  EXPECT_THAT(diags, HasSubstr("c.log:4:29: error: the file is not valid UTF-8 (byte 0x8C)"));
}

TEST(ConnLogTest, MalformedRecordsAreErrorsAtTheirLines) {
  std::string diags;
  read_log("c.log",
           "#separator \\x09\n#fields\tid.orig_h\tid.resp_h\tid.resp_p\tproto\n"
           "10.0.0.1\t10.0.0.2\t502\ttcp\n"
           "10.0.0.1\t10.0.0.2\tport\ttcp\n"
           "10.0.0.1\t10.0.0.2\n",
           &diags);
  EXPECT_THAT(diags, HasSubstr("c.log:4:19: error: id.resp_p is a port number, found 'port'"));
  EXPECT_THAT(diags, HasSubstr("c.log:5:1: error: 2 fields where #fields names 4"));
  read_log("d.log", "10.0.0.1\t10.0.0.2\t502\ttcp\n", &diags);
  EXPECT_THAT(diags, HasSubstr("d.log:1:1: error: a record before the #fields header"));
  read_log("e.json",
           "{\"id.orig_h\":\"a\",\"id.resp_h\":\"b\",\"id.resp_p\":1,\"proto\":\"tcp\"}\n"
           "{\"id\":{\"orig_h\":\"a\",\"resp_h\":\"b\",\"resp_p\":2},\"proto\":\"udp\"}\n"
           "{broken\n{\"id.orig_h\":\"a\"}\n",
           &diags);
  EXPECT_THAT(diags, HasSubstr("e.json:3:1: error: not a JSON object"));
  EXPECT_THAT(diags, HasSubstr("e.json:4:1: error: a conn record needs"));
}

const char* const kModel = R"(<system id="s" xmlns="urn:icsrisk:model:1">
  <networks><network id="n"/></networks>
  <assets>
    <asset id="pcs" type="terminal" importance="1" count="20"><connect network="n" address="10.0.0.0/24"/></asset>
    <asset id="srv" type="server" importance="2"><connect network="n" address="10.0.0.5"/></asset>
    <asset id="plc" type="plc" importance="3"><connect network="n" address="10.0.0.128/25"/></asset>
    <asset id="rtu" type="rtu" importance="2"><connect network="n"/></asset>
  </assets>
  <dataflows>
    <flow id="f1" from="plc" to="srv" data="values" port="502"/>
    <flow id="f2" from="srv" to="rtu" data="commands"/>
    <flow id="f3" from="pcs" to="srv" data="files" port="445"/>
  </dataflows>
</system>
)";

TEST(TrafficCompareTest, MapsExactAddressesAndTheLongestCidrAndMatchesEitherDirection) {
  core::SourceFile f("m.xml", kModel);
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  ASSERT_TRUE(m);
  model::link_model(*m, testing::builtin_profile(), d);
  auto log = read_log("c.log",
                      "#fields\tid.orig_h\tid.resp_h\tid.resp_p\tproto\tservice\n"
                      "10.0.0.5\t10.0.0.130\t502\ttcp\tmodbus\n"  // srv opens to plc: f1
                      "10.0.0.5\t10.0.0.130\t502\ttcp\tmodbus\n"
                      "10.0.0.7\t10.0.0.5\t22\ttcp\tssh\n"     // pcs -> srv on 22: not f3
                      "10.0.0.7\t10.0.0.8\t445\ttcp\t-\n"      // within the pcs group
                      "10.9.9.9\t10.0.0.5\t80\ttcp\thttp\n");  // unknown
  interchange::TrafficComparison c = interchange::compare_traffic(*m, log, d);
  EXPECT_EQ(c.connections, 5u);
  EXPECT_EQ(c.within_asset, 1u);
  ASSERT_EQ(c.observed.size(), 2u);
  EXPECT_EQ(c.observed[0].flow, 0u);
  EXPECT_EQ(c.observed[0].count, 2u);
  EXPECT_EQ(m->assets[c.observed[1].from].id, "pcs");
  EXPECT_EQ(c.observed[1].flow, model::kNone);
  EXPECT_EQ(c.unobserved, std::vector<std::size_t>{2});   // f3: its port was never seen
  EXPECT_EQ(c.unaddressed, std::vector<std::size_t>{1});  // f2: the RTU has no address
  ASSERT_EQ(c.unknown.size(), 1u);
  EXPECT_EQ(c.unknown[0].address, "10.9.9.9");
  std::optional<std::string> added = interchange::add_observed_flows(*m, f.text(), c);
  ASSERT_TRUE(added);
  EXPECT_THAT(
      *added,
      HasSubstr("    <flow id=\"f3\" from=\"pcs\" to=\"srv\" data=\"files\" port=\"445\"/>\n"
                "    <flow id=\"obs-1\" from=\"pcs\" to=\"srv\" data=\"observed "
                "traffic (1 connection)\" protocol=\"ssh\" port=\"22\"/>\n"
                "  </dataflows>"));
  EXPECT_EQ(testing::check_model(*added).errors, 0u);
}

TEST(TrafficCompareTest, HostileServiceNamesStayText) {
  core::SourceFile f("m.xml", kModel);
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  model::link_model(*m, testing::builtin_profile(), d);
  auto log = read_log("c.json",
                      "{\"id.orig_h\":\"10.0.0.7\",\"id.resp_h\":\"10.0.0.5\","
                      "\"id.resp_p\":1,\"proto\":\"tcp\",\"service\":\"\\\"/><x a=\\\"&\"}\n");
  auto c = interchange::compare_traffic(*m, log, d);
  std::optional<std::string> added = interchange::add_observed_flows(*m, f.text(), c);
  ASSERT_TRUE(added);
  core::SourceFile back("b.xml", *added);
  core::Diagnostics bd;
  std::optional<model::Model> b = model::load_model(back, bd);
  ASSERT_TRUE(b) << bd.render();
  EXPECT_EQ(b->flows.back().protocol, "\"/><x a=\"&");
}

TEST(TrafficCompareTest, ReportShowsControlCharactersOfTheLogAsText) {
  core::SourceFile f("m.xml", kModel);
  core::Diagnostics d;
  std::optional<model::Model> m = model::load_model(f, d);
  model::link_model(*m, testing::builtin_profile(), d);
  auto log = read_log("c.json",
                      "{\"id.orig_h\":\"\\u001b[2J\",\"id.resp_h\":\"10.0.0.5\","
                      "\"id.resp_p\":1,\"proto\":\"tcp\"}\n");
  auto c = interchange::compare_traffic(*m, log, d);
  std::string text = interchange::traffic_report(*m, c, model::Lang::kEn);
  EXPECT_THAT(text, HasSubstr("  \xEF\xBF\xBD[2J  x1"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

}  // namespace
}  // namespace icsrisk
