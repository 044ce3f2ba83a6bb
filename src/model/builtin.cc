// The data files compiled into the binary (see icsrisk_embed in CMakeLists.txt).

#include <string>

#include "model/loader.h"

namespace icsrisk {
namespace embedded {
extern const std::string_view kBuiltinProfile;
extern const std::string_view kBuiltinExample;
}  // namespace embedded

namespace model {

const core::SourceFile& builtin_profile_file() {
  static const core::SourceFile file("<built-in>/models/profiles/ipa-2018.xml",
                                     std::string(embedded::kBuiltinProfile));
  return file;
}

const core::SourceFile& builtin_example_file() {
  static const core::SourceFile file("<built-in>/models/model-plant.xml",
                                     std::string(embedded::kBuiltinExample));
  return file;
}

}  // namespace model
}  // namespace icsrisk
