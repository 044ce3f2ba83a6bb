#pragma once
// Text encodings of imported files: spreadsheets save CSV as UTF-8 (with or without a BOM) or,
// in Japanese Excel, as CP932 (Microsoft's Shift_JIS). Everything inside icsrisk is UTF-8.

#include <string>
#include <string_view>

namespace icsrisk::interchange {

struct Decoded {
  std::string text;           ///< UTF-8 without a BOM (empty on failure)
  const char* encoding = "";  ///< "UTF-8", "UTF-8 with BOM" or "CP932"
  /// npos on success; else the byte offset in the input of the first byte that is neither
  /// UTF-8 nor CP932.
  std::size_t error_offset = std::string_view::npos;
};

/// Detects the encoding of `bytes` and converts to UTF-8: a UTF-8 BOM is dropped; text that is
/// well-formed UTF-8 is taken as UTF-8; anything else is converted from CP932 (glibc iconv).
/// Pure ASCII is the same in all three. A UTF-16 BOM is an error at offset 0. Linear in the
/// size.
Decoded decode_text(std::string_view bytes);

/// Converts UTF-8 `text` to CP932 into `out`; false (and `out` empty) when a character has
/// no CP932 form. Used to make the Shift_JIS versions of example files.
bool encode_cp932(std::string_view text, std::string& out);

}  // namespace icsrisk::interchange
