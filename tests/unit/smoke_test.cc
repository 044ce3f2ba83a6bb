#include <gtest/gtest.h>
TEST(SmokeTest, Builds) { EXPECT_EQ(1 + 1, 2); }
