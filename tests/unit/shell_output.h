#pragma once
// What a shell command prints, for tests that read files through a tool (unzip for XLSX).

#include <cstdio>
#include <memory>
#include <string>

namespace icsrisk::testing {

/// The standard output of `cmd` run by the shell ("" when it cannot start).
inline std::string shell_output(const std::string& cmd) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  char buf[4096];
  std::size_t n = 0;
  while (pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0)
    out.append(buf, n);
  return out;
}

/// The bytes of `member` inside the zip file `xlsx`.
inline std::string unzip_member(const std::string& xlsx, const std::string& member) {
  return shell_output("unzip -p '" + xlsx + "' '" + member + "'");
}

}  // namespace icsrisk::testing
