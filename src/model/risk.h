#pragma once
// The risk value of method.md §5: A (the highest risk) … E (the lowest).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>

#include <fmt/format.h>

namespace icsrisk::model {

/// A risk value. The underlying order runs from the highest risk (A) to the lowest (E), so the
/// ordinary comparison operators would read backwards: they are deleted, and code says what it
/// means with worse_than / at_least.
enum class Risk : std::uint8_t { kA, kB, kC, kD, kE };

bool operator<(Risk, Risk) = delete;
bool operator>(Risk, Risk) = delete;
bool operator<=(Risk, Risk) = delete;
bool operator>=(Risk, Risk) = delete;

/// Every risk value, highest first.
inline constexpr std::array<Risk, 5> kRisks = {Risk::kA, Risk::kB, Risk::kC, Risk::kD, Risk::kE};

/// 0 for A … 4 for E: the index of per-risk tables (counts, colours).
constexpr std::size_t index_of(Risk r) {
  return static_cast<std::size_t>(r);
}
/// 'A' … 'E'.
constexpr char letter(Risk r) {
  return static_cast<char>('A' + index_of(r));
}
/// The risk of a letter 'A' … 'E', or nullopt.
constexpr std::optional<Risk> risk_of_letter(char c) {
  if (c < 'A' || c > 'E') return std::nullopt;
  return static_cast<Risk>(c - 'A');
}
/// Whether `a` is a higher risk than `b` (A is the highest).
constexpr bool worse_than(Risk a, Risk b) {
  return index_of(a) < index_of(b);
}
/// Whether `a` is `threshold` or a higher risk (e.g. `--fail-on B` trips on A and B).
constexpr bool at_least(Risk a, Risk threshold) {
  return index_of(a) <= index_of(threshold);
}
/// The higher of two risks.
constexpr Risk worst(Risk a, Risk b) {
  return worse_than(b, a) ? b : a;
}

inline std::ostream& operator<<(std::ostream& out, Risk r) {
  return out << letter(r);
}

}  // namespace icsrisk::model

/// Formats a risk as its letter.
template <>
struct fmt::formatter<icsrisk::model::Risk> : fmt::formatter<char> {
  template <typename Context>
  auto format(icsrisk::model::Risk r, Context& ctx) const {
    return fmt::formatter<char>::format(icsrisk::model::letter(r), ctx);
  }
};
