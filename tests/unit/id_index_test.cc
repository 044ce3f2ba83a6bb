// IdIndex (model/id_index.h): the id → index map every link step uses.

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/id_index.h"

namespace icsrisk::testing {
namespace {

/// Ids that stress the hash: every length from 1 to 24 (the 8-byte chunks and the overlapping
/// tail), ids that differ only in their first, middle or last byte, and runs of one character.
std::vector<std::string> tricky_ids() {
  std::vector<std::string> ids;
  for (std::size_t len = 1; len <= 24; ++len) {
    ids.push_back(std::string(len, 'a'));
    ids.push_back(std::string(len, 'b'));
    for (std::size_t at : {std::size_t{0}, len / 2, len - 1}) {
      std::string s(len, 'a');
      s[at] = 'z';
      ids.push_back(s);
    }
  }
  for (int i = 0; i < 20000; ++i)
    ids.push_back("df-" + std::to_string(i));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

TEST(IdIndexTest, FindsEveryIdItHoldsAndNoOther) {
  std::vector<std::string> ids = tricky_ids();
  model::IdIndex index;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // No reserve: the table grows (rehashes) while filling.
    auto [it, inserted] = index.emplace(ids[i], i);
    ASSERT_TRUE(inserted) << ids[i];
    EXPECT_EQ(it->second, i);
  }
  EXPECT_EQ(index.size(), ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto it = index.find(ids[i]);
    ASSERT_NE(it, index.end()) << ids[i];
    EXPECT_EQ(it->second, i) << ids[i];
    EXPECT_EQ(index.at(ids[i]), i);
  }
  for (const char* absent : {"", "df-20000", "df-0 ", "zaaaaaaaz", "azaaaaza", "c"})
    EXPECT_FALSE(index.contains(absent)) << absent;
  EXPECT_THROW(static_cast<void>(index.at("df-x")), std::out_of_range);
}

TEST(IdIndexTest, EmplaceOfAPresentIdKeepsTheFirstValue) {
  model::IdIndex index;
  index.reserve(4);
  EXPECT_TRUE(index.emplace("plc-1", 7).second);
  auto [it, inserted] = index.emplace("plc-1", 9);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(it->second, 7u);
  EXPECT_EQ(index.size(), 1u);
  index.clear();
  EXPECT_TRUE(index.empty());
  EXPECT_FALSE(index.contains("plc-1"));
  EXPECT_TRUE(index.emplace("plc-1", 3).second);
  EXPECT_EQ(index.at("plc-1"), 3u);
}

}  // namespace
}  // namespace icsrisk::testing
