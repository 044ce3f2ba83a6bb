#pragma once
// The compression level of the workbook's zip entries (see xlsx_zip.cc).

namespace icsrisk::report {

/// While an instance lives, the zip entries libxlsxwriter deflates are compressed at zlib's
/// fastest level (1) instead of the default (6) that libxlsxwriter fixes: a 100,000-asset plant's
/// workbook holds 770 MB of sheet XML, and deflating it at level 6 took 5.3 s of the workbook's
/// 12 s; at level 1 the file is about 37 % larger (57 → 78 MB). Raw-deflate streams only (zip
/// entries); zlib streams of other users (PNG) keep their levels. Instances may nest.
class FastZipEntries {
 public:
  FastZipEntries();
  ~FastZipEntries();
  FastZipEntries(const FastZipEntries&) = delete;
  FastZipEntries& operator=(const FastZipEntries&) = delete;
};

}  // namespace icsrisk::report
