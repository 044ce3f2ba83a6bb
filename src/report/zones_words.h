#pragma once
// The fixed words of the zones-and-conduits overview and the aggregated views
// (report/zones_conduits.h, report/zones_diagram.h, report/aggregate_diagram.h), in both report
// languages: Word has no default, so a word missing from a language does not compile.

#include "model/profile.h"
#include "report/words.h"

namespace icsrisk::report {

struct ZonesWords {
  Word title;     ///< the diagram, the table and the HTML heading
  Word sheet;     ///< the worksheet name (at most 31 characters)
  Word note;      ///< the line under the table's title
  Word outside;   ///< the group of what is in no zone
  Word no_level;  ///< the group of the zones without a Purdue level
  Word zone_a;    ///< column headers
  Word zone_b;
  Word devices;
  Word direction;
  Word protocol;
  Word port;
  Word data;
  Word flows;
  Word via;
  Word filtering;  ///< device kinds
  Word one_way;
  Word network_device;
  Word host;
  Word no_device;     ///< a conduit whose flows no single device carries
  Word group_counts;  ///< {assets} {networks}
  Word zone_count;    ///< {zones}
  Word flow_count;    ///< {flows}
  Word more;          ///< {n} more lines of a compact label
  Word by_level;      ///< {zones}: the diagram's title note when zones are grouped by level
  Word aggregated;    ///< {assets} {zones} {networks} {per_*}: the title note of an aggregated view
  Word internal;      ///< {flows} inside one group
  Word highest;       ///< {importance}: the highest importance in a group
  Word no_network;    ///< the assets of a zone on no network
  Word per_network;   ///< what an aggregated view's nodes are
  Word per_zone;
  Word per_level;
};

/// The words of `lang`.
const ZonesWords& zones_words(model::Lang lang);

}  // namespace icsrisk::report
