#pragma once
// A map from ids to indices into one of the model's vectors (Model::asset_index etc.).
// Flat open addressing over a private copy of the ids: a 300,000-flow model links in a
// fraction of the time a std::unordered_map<std::string, ...> takes (a node allocation per id,
// and cache misses per hop along a bucket chain and into the strings).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace icsrisk::model {

/// Ids → indices, with the lookup interface of std::unordered_map that the code base uses
/// (find/end, contains, at, emplace). Keeps its own copy of the ids, packed in one buffer, so
/// lookups touch only the index's memory and a copy of it is independent of the model.
class IdIndex {
 public:
  struct Entry {
    std::uint32_t key_offset = 0;  ///< where the id starts in the index's text buffer
    std::uint32_t key_size = 0;
    std::uint32_t second = 0;  ///< the id's index (named like std::pair's, for `it->second`)
    std::uint32_t tag = 0;     ///< high bits of the id's hash: most mismatches skip the text
  };
  using const_iterator = const Entry*;

  /// Removes every entry (keeps the memory).
  void clear();
  /// Makes room for `n` entries without rehashing.
  void reserve(std::size_t n);
  /// Adds `id` → `value` unless `id` is present; returns the entry for `id` and whether it was
  /// added. Amortised O(|id|); invalidates iterators. Ids up to 4 GB in all, values below 2^32.
  std::pair<const_iterator, bool> emplace(std::string_view id, std::size_t value);
  /// The entry for `id`, or end(). O(|id|) expected.
  const_iterator find(std::string_view id) const;
  /// Starts loading the memory a find(id) will read first (a hint: on a large model each
  /// lookup misses the cache, and a loop can overlap them by prefetching a few ahead).
  void prefetch(std::string_view id) const;
  /// What find returns for an absent id (entries are not iterable).
  const_iterator end() const { return nullptr; }
  bool contains(std::string_view id) const { return find(id) != end(); }
  /// The index of `id`; throws std::out_of_range when absent, as std::unordered_map::at does
  /// (for tests that look up ids they know).
  std::size_t at(std::string_view id) const;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::string_view key(const Entry& e) const {
    return std::string_view(text_.data() + e.key_offset, e.key_size);
  }
  bool is_free(const Entry& e) const { return e.key_size == kFree; }
  /// The slot holding `id` (hash `h`), or the free slot where it would go.
  std::size_t probe(std::string_view id, std::uint64_t h) const;
  void rehash(std::size_t slot_count);

  /// Marks a free slot (no id is 4 GB long).
  static constexpr std::uint32_t kFree = 0xFFFFFFFFu;

  /// Open addressing with linear probing, at most about 60% full; the entries sit in the table
  /// itself (16 bytes each), so a lookup touches its slot and, when the tags agree, the packed
  /// id: on a large model each of those is a cache miss.
  std::vector<Entry> slots_;
  std::vector<char> text_;  ///< the ids, back to back
  std::size_t size_ = 0;
};

}  // namespace icsrisk::model
