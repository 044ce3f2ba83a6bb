// libxlsxwriter 1.1.4 has no option for the deflate level of its zip container: its packager
// asks minizip for Z_DEFAULT_COMPRESSION, and minizip calls zlib's deflateInit2_. This file
// defines deflateInit2_ in the executable, which the dynamic linker binds minizip's call to
// (the executable comes first in the lookup order; CMakeLists.txt exports the symbol). The
// definition forwards every call to zlib's own, changing only the level of raw-deflate streams
// while a FastZipEntries lives. If the interposition were lost (a static zlib), workbooks would
// only be written more slowly; a test checks the level of the entries written.
#include "report/xlsx_zip.h"

#include <dlfcn.h>
#include <zlib.h>

#include <atomic>

namespace icsrisk::report {

namespace {

std::atomic<int> fast_zip_scopes{0};

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

DeflateInit2 zlib_deflate_init2() {
  static const auto real = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
  return real;
}

}  // namespace

FastZipEntries::FastZipEntries() {
  fast_zip_scopes.fetch_add(1);
}
FastZipEntries::~FastZipEntries() {
  fast_zip_scopes.fetch_sub(1);
}

}  // namespace icsrisk::report

// NOLINTNEXTLINE(readability-identifier-naming): zlib's name, which this definition replaces.
extern "C" __attribute__((visibility("default"))) int deflateInit2_(z_streamp strm, int level,
                                                                    int method, int window_bits,
                                                                    int mem_level, int strategy,
                                                                    const char* version,
                                                                    int stream_size) {
  using icsrisk::report::fast_zip_scopes;
  // Raw deflate (negative window bits) is what a zip entry holds; zlib and gzip streams keep
  // the level asked for.
  if (window_bits < 0 && fast_zip_scopes.load() > 0) level = Z_BEST_SPEED;
  auto real = icsrisk::report::zlib_deflate_init2();
  if (!real) return Z_VERSION_ERROR;
  return real(strm, level, method, window_bits, mem_level, strategy, version, stream_size);
}
