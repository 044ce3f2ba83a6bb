#pragma once
// The fixed words of `icsrisk diff`'s outputs, in both report languages: one instance per
// language, filled by designated initializers. Each field is a report::Word, which has no
// default value: a word left out of a language is a compile error.

#include "model/profile.h"
#include "report/words.h"

namespace icsrisk::diff {

struct DiffWords {
  report::Word title;
  report::Word results_only;  ///< note when two results.json were compared
  report::Word model_changes;
  report::Word asset_rows;
  report::Word scenarios;
  report::Word no_change;
  report::Word added;
  report::Word removed;
  report::Word changed;
  report::Word worse;
  report::Word better;
  report::Word change;
  report::Word element;
  report::Word id;
  report::Word name;
  report::Word what;
  report::Word no;
  report::Word target;
  report::Word threat;
  report::Word risk;
  report::Word risk_planned;
  report::Word routes;
  report::Word new_route;
  report::Word lost_route;
  report::Word scenario;
  report::Word no_route;
  report::Word verdict_worse;
  report::Word verdict_same;
  report::Word counts;  ///< {0} rows, {1} worse, {2} better, {3} added, {4} removed
};

/// The words of `lang`.
const DiffWords& diff_words(model::Lang lang);

}  // namespace icsrisk::diff
