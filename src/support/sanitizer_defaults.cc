// Linked into every executable of a sanitizer build (ICSRISK_SANITIZE): default options and
// narrow leak suppressions, compiled in because ctest cannot pass several environment variables
// reliably (style.md, "Tooling gotchas").

// The sanitizers look this function up by its reserved name.
// NOLINTNEXTLINE(readability-identifier-naming,bugprone-reserved-identifier)
extern "C" const char* __asan_default_options() {
  return "detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0";
}

// The sanitizers look this function up by its reserved name.
// NOLINTNEXTLINE(readability-identifier-naming,bugprone-reserved-identifier)
extern "C" const char* __ubsan_default_options() {
  return "print_stacktrace=1:halt_on_error=1";
}

// Tests compare the CLI's stderr: the list of matched suppressions must not be printed.
// The sanitizers look this function up by its reserved name.
// NOLINTNEXTLINE(readability-identifier-naming,bugprone-reserved-identifier)
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}

// Graphviz plugin loading and fontconfig keep process-lifetime caches.
// The sanitizers look this function up by its reserved name.
// NOLINTNEXTLINE(readability-identifier-naming,bugprone-reserved-identifier)
extern "C" const char* __lsan_default_suppressions() {
  return "leak:gvconfig\n"
         "leak:libfontconfig.so\n"
         "leak:libpango\n"
         "leak:libcairo\n"
         "leak:libgvc.so\n"
         "leak:libcdt.so\n"
         "leak:libglib\n"
         "leak:libgobject\n";
}
