#pragma once
// The look of the diagrams: words in both languages, colours, shapes, node attributes and the
// legend. Internal to src/report (diagram.cc and, later, the routes and attack-tree views).

#include <array>
#include <string>

#include "model/model.h"
#include "model/profile.h"
#include "report/diagram.h"
#include "report/dot.h"
#include "report/words.h"

namespace icsrisk::report::style {

/// A Japanese-capable font (package fonts-ipaexfont); fontconfig falls back when missing.
inline constexpr const char* kFont = "IPAexGothic";
inline constexpr const char* kFilterBorder = "#1f4e9c";  ///< filtering devices, one-way arrows
inline constexpr const char* kEntryFill = "#c62828";     ///< entry points and their edges
inline constexpr const char* kCrossZone = "#1565c0";     ///< flows that leave their zone

/// The fixed words of the diagrams in `lang` (report/words.h).
const Words::Diagram& words(model::Lang lang);

/// "name (レベル 3.5)", or the name alone for a zone without a Purdue level.
std::string zone_label(const model::Zone& z, model::Lang lang);

/// The asset's type in the profile, or nullptr when unresolved.
const model::AssetType* type_of(const model::Asset& a, const model::Profile& p);

/// An asset node: HTML label (name, "×N" for groups, type name), shape by category, fill by
/// importance, filtering devices outlined; the id as tooltip.
dot::Attrs asset_attrs(const model::Asset& a, const model::Profile& p, model::Lang lang);

/// A network as a bus: a flat dark box `width` inches wide, coloured by medium.
dot::Attrs network_attrs(const model::Network& n, model::Lang lang, double width);

/// An entry point: a red "invhouse" labelled with its name and vector.
dot::Attrs entry_attrs(const model::Entry& e, const model::Profile& p, model::Lang lang);

/// The same node or edge attributes in pale colours: fills and borders blended towards white,
/// grey text; a grey border or line where none was set. Other attributes are kept.
dot::Attrs muted(dot::Attrs attrs);

/// A legend cluster for `view`: importance colours, category shapes and, for the system
/// view, filtering devices, networks and entry points.
void legend(dot::Writer& w, model::Lang lang, View view);

}  // namespace icsrisk::report::style
