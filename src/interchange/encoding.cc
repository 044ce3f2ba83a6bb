#include "interchange/encoding.h"

#include <iconv.h>

#include <cerrno>

#include "core/text.h"

namespace icsrisk::interchange {
namespace {

// Converts with iconv; on an invalid or unconvertible sequence returns false with its offset.
bool convert(const char* to, const char* from, std::string_view in, std::string& out,
             std::size_t& bad) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return false;
  }
  out.assign(in.size() * 3 / 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write the input
  std::size_t src_left = in.size();
  std::size_t done = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL (truncated sequence at the end)
    bad = in.size() - src_left;
    break;
  }
  iconv_close(cd);
  out.resize(ok ? done : 0);
  return ok;
}

}  // namespace

Decoded decode_text(std::string_view bytes) {
  Decoded d;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  // UTF-16 (Excel's "Unicode text") would pass through CP932 as garbage: refuse it outright.
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    d.error_offset = 0;
    return d;
  }
  if (bytes.substr(0, 3) == kBom) {
    bytes.remove_prefix(3);
    std::size_t bad = core::utf8_error_offset(bytes);
    if (bad != std::string_view::npos) {
      d.error_offset = bad + 3;
      return d;
    }
    d.text = bytes;
    d.encoding = "UTF-8 with BOM";
    return d;
  }
  if (core::is_valid_utf8(bytes)) {
    d.text = bytes;
    d.encoding = "UTF-8";
    return d;
  }
  std::size_t bad = 0;
  if (convert("UTF-8", "CP932", bytes, d.text, bad)) {
    d.encoding = "CP932";
  } else {
    d.error_offset = bad;
  }
  return d;
}

bool encode_cp932(std::string_view text, std::string& out) {
  std::size_t bad = 0;
  return convert("CP932", "UTF-8", text, out, bad);
}

}  // namespace icsrisk::interchange
