#include "model/id_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <string>

namespace icsrisk::model {

namespace {

/// A 64-bit hash of an id, inline and cheap for the short ids of models: 8 bytes at a time,
/// then the finaliser of splitmix64 so the low bits (the slot) and the high bits (the tag) both
/// depend on every byte. The last 1-8 bytes are read with whole loads (overlapping what came
/// before; the length is hashed first): a byte-wise tail made every hash stall on store
/// forwarding. (std::hash is an out-of-line call, a fifth of linking a large model.)
std::uint64_t hash_of(std::string_view id) {
  auto mix = [](std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
    return x ^ (x >> 31);
  };
  auto load = [](const char* at, auto word) {
    std::memcpy(&word, at, sizeof word);
    return static_cast<std::uint64_t>(word);
  };
  const char* p = id.data();
  const std::size_t n = id.size();
  std::uint64_t h = 0x9E3779B97F4A7C15u ^ n;
  std::size_t i = 0;
  for (; i + 8 < n; i += 8)
    h = mix(h ^ load(p + i, std::uint64_t{}));
  std::uint64_t tail = 0;
  if (n >= 8)
    tail = load(p + n - 8, std::uint64_t{});
  else if (n >= 4)
    tail = load(p, std::uint32_t{}) << 32 | load(p + n - 4, std::uint32_t{});
  else if (n > 0)
    tail = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
           static_cast<unsigned char>(p[n - 1]);
  return mix(h ^ tail);
}

std::uint32_t tag_of(std::uint64_t h) {
  return static_cast<std::uint32_t>(h >> 32);
}

/// The number of slots for `n` entries: a power of two, at most about 60% full (linear
/// probing then needs under two probes per lookup, most in the same cache line).
std::size_t slots_for(std::size_t n) {
  return std::bit_ceil(std::max<std::size_t>(n + n * 2 / 3, 16));
}

}  // namespace

void IdIndex::clear() {
  std::fill(slots_.begin(), slots_.end(), Entry{0, kFree, 0, 0});
  text_.clear();
  size_ = 0;
}

void IdIndex::reserve(std::size_t n) {
  if (slots_for(n) > slots_.size()) rehash(slots_for(n));
}

void IdIndex::rehash(std::size_t slot_count) {
  std::vector<Entry> old(slot_count, Entry{0, kFree, 0, 0});
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

std::size_t IdIndex::probe(std::string_view id, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(h);
  std::size_t s = h & mask;
  for (; !is_free(slots_[s]); s = (s + 1) & mask) {
    const Entry& e = slots_[s];
    if (e.tag == tag && e.key_size == id.size() && key(e) == id) break;
  }
  return s;
}

std::pair<IdIndex::const_iterator, bool> IdIndex::emplace(std::string_view id, std::size_t value) {
  if (slots_for(size_ + 1) > slots_.size())
    rehash(std::max(slots_for(size_ + 1), 2 * slots_.size()));
  const std::uint64_t h = hash_of(id);
  const std::size_t s = probe(id, h);
  if (!is_free(slots_[s])) return {&slots_[s], false};
  slots_[s] = Entry{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(id.size()),
                    static_cast<std::uint32_t>(value), tag_of(h)};
  text_.insert(text_.end(), id.begin(), id.end());
  ++size_;
  return {&slots_[s], true};
}

IdIndex::const_iterator IdIndex::find(std::string_view id) const {
  if (size_ == 0) return end();
  const std::size_t s = probe(id, hash_of(id));
  return is_free(slots_[s]) ? end() : &slots_[s];
}

void IdIndex::prefetch(std::string_view id) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash_of(id) & (slots_.size() - 1)]);
}

std::size_t IdIndex::at(std::string_view id) const {
  const_iterator it = find(id);
  if (it == end()) throw std::out_of_range("IdIndex::at: unknown id '" + std::string(id) + "'");
  return it->second;
}

}  // namespace icsrisk::model
