#include "model/id_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <string>

namespace icsrisk::model {

namespace {

std::size_t hash_of(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

/// The number of slots for `n` entries: a power of two, at most about 60% full (linear
/// probing then needs under two probes per lookup, most in the same cache line).
std::size_t slots_for(std::size_t n) {
  return std::bit_ceil(std::max<std::size_t>(n + n * 2 / 3, 16));
}

}  // namespace

void IdIndex::clear() {
  std::fill(slots_.begin(), slots_.end(), Entry{0, kFree, 0});
  text_.clear();
  size_ = 0;
}

void IdIndex::reserve(std::size_t n) {
  if (slots_for(n) > slots_.size()) rehash(slots_for(n));
}

void IdIndex::rehash(std::size_t slot_count) {
  std::vector<Entry> old(slot_count, Entry{0, kFree, 0});
  std::swap(old, slots_);
  const std::size_t mask = slot_count - 1;
  for (const Entry& e : old) {
    if (is_free(e)) continue;
    std::size_t s = hash_of(key(e)) & mask;
    while (!is_free(slots_[s]))
      s = (s + 1) & mask;
    slots_[s] = e;
  }
}

std::pair<IdIndex::const_iterator, bool> IdIndex::emplace(std::string_view id, std::size_t value) {
  if (slots_for(size_ + 1) > slots_.size())
    rehash(std::max(slots_for(size_ + 1), 2 * slots_.size()));
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = hash_of(id) & mask;
  for (; !is_free(slots_[s]); s = (s + 1) & mask)
    if (slots_[s].key_size == id.size() && key(slots_[s]) == id) return {&slots_[s], false};
  slots_[s] =
      Entry{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(id.size()), value};
  text_.insert(text_.end(), id.begin(), id.end());
  ++size_;
  return {&slots_[s], true};
}

IdIndex::const_iterator IdIndex::find(std::string_view id) const {
  if (size_ == 0) return end();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash_of(id) & mask; !is_free(slots_[s]); s = (s + 1) & mask)
    if (slots_[s].key_size == id.size() && key(slots_[s]) == id) return &slots_[s];
  return end();
}

void IdIndex::prefetch(std::string_view id) const {
  if (size_ != 0) __builtin_prefetch(&slots_[hash_of(id) & (slots_.size() - 1)]);
}

std::size_t IdIndex::at(std::string_view id) const {
  const_iterator it = find(id);
  if (it == end()) throw std::out_of_range("IdIndex::at: unknown id '" + std::string(id) + "'");
  return it->second;
}

}  // namespace icsrisk::model
