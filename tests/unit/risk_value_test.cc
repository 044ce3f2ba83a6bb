// model::Risk: the order of risk values is said by name, never by the enum's order.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "model/risk.h"

namespace icsrisk {
namespace {

using model::Risk;

template <typename T>
concept Ordered = requires(T a, T b) {
  a < b;
};

static_assert(!Ordered<Risk>, "risk values compare by worse_than / at_least only");

TEST(RiskValueTest, AIsTheHighestRisk) {
  EXPECT_TRUE(model::worse_than(Risk::kA, Risk::kB));
  EXPECT_FALSE(model::worse_than(Risk::kB, Risk::kA));
  EXPECT_FALSE(model::worse_than(Risk::kC, Risk::kC));
  EXPECT_EQ(model::worst(Risk::kD, Risk::kB), Risk::kB);
  EXPECT_EQ(model::worst(Risk::kB, Risk::kD), Risk::kB);
}

TEST(RiskValueTest, AtLeastIncludesTheThreshold) {
  EXPECT_TRUE(model::at_least(Risk::kB, Risk::kB));
  EXPECT_TRUE(model::at_least(Risk::kA, Risk::kB));
  EXPECT_FALSE(model::at_least(Risk::kC, Risk::kB));
}

TEST(RiskValueTest, LettersAndIndicesRoundTrip) {
  for (std::size_t i = 0; i < model::kRisks.size(); ++i) {
    Risk r = model::kRisks[i];
    EXPECT_EQ(model::index_of(r), i);
    EXPECT_EQ(model::letter(r), static_cast<char>('A' + i));
    EXPECT_EQ(model::risk_of_letter(model::letter(r)), r);
    EXPECT_EQ(fmt::format("{}", r), std::string(1, model::letter(r)));
  }
  EXPECT_FALSE(model::risk_of_letter('F'));
  EXPECT_FALSE(model::risk_of_letter('a'));
}

}  // namespace
}  // namespace icsrisk
