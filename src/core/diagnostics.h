#pragma once
// The sink for problems found in the user's files (style.md, "Errors", channel 1).

#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace icsrisk::core {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  Loc loc;
  std::string message;
  /// Attached notes (e.g. "first defined here"), printed after the diagnostic.
  std::vector<Diagnostic> notes;
};

/// Collects every problem of a run; nothing is printed until the caller renders them.
class Diagnostics {
 public:
  void error(Loc loc, std::string message);
  void warning(Loc loc, std::string message);
  /// Attaches a note to the most recent error or warning.
  void note(Loc loc, std::string message);
  /// Moves every diagnostic of `other` to the end of this one.
  void append(Diagnostics&& other);

  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  const std::vector<Diagnostic>& all() const { return items_; }

  /// Sorts by file name, then offset (stable, so equal positions keep their order).
  void sort();

  /// Renders every diagnostic as `file:line:col: error: message`, the source line and a
  /// caret under the column; notes follow their diagnostic. Deterministic text, LF endings.
  std::string render() const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

/// Whether `file` is UTF-8; if not, one error at its first bad byte: "the file is not valid
/// UTF-8 (byte 0xNN); `advice`" (what the user should know: "save it as UTF-8").
bool require_utf8(const SourceFile& file, Diagnostics& diags, std::string_view advice);

/// Renders one diagnostic (and its notes) as described for Diagnostics::render.
std::string render(const Diagnostic& d);

}  // namespace icsrisk::core
