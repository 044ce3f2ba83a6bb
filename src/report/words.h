#pragma once
// The one catalogue of the fixed words of every output (tables, summaries, HTML, diagrams), in
// both report languages. Filled by designated initializers of Word, which has no default: a word
// missing from a language does not compile. Model and profile text never comes from here.

#include <array>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/profile.h"

namespace icsrisk::report {

/// A fixed text of the reports. Has no default value, so an initializer that leaves out a word
/// is a compile error.
struct Word {
  consteval Word(const char* t) : text(t) {}  // NOLINT(google-explicit-constructor)
  const char* text;
  // Used wherever text goes: as a string view or a string (fmt formats it, see below).
  operator std::string_view() const { return text; }  // NOLINT(google-explicit-constructor)
  operator std::string() const { return text; }       // NOLINT(google-explicit-constructor)
  std::string_view view() const { return text; }
};

struct Words {
  // Tables, their headers and notes (design.md "Reports").
  Word asset_list;
  Word dataflow_matrix;
  Word asset_risk;
  Word impact_risk;
  Word summary;
  Word no;
  Word id;
  Word name;
  Word type;
  Word category;
  Word zone;
  Word networks;
  Word count;
  Word importance;
  Word countermeasures;
  Word sender_receiver;
  Word sender;
  Word receiver;
  Word data_protocol;
  Word matrix_as_list;
  Word target;
  Word threat;
  Word threat_level;
  Word cm_level;
  Word vuln_level;
  Word risk;
  Word after_group;
  Word planned_measures;
  Word network_kind;
  Word impact_group;
  Word impact_level;
  Word scenario;
  Word route_no;
  Word entry;
  Word step_group;
  Word step;
  Word step_cm_group;
  Word route_group;
  Word scenario_risk;
  Word scenario_risk_planned;
  Word remarks;
  Word attacker;
  Word via;
  Word unreachable;
  Word routes_listed;       ///< {0} routes in all, {1} listed
  Word routes_total_bound;  ///< {0} routes at least, {1} listed
  Word planned_suffix;
  Word profile;
  Word reconstructed_note;
  Word separator;
  std::array<Word, 4> sheets;     ///< worksheet names of the four tables (≤ 31 characters)
  std::array<Word, 3> functions;  ///< protect, detect, mitigate
  std::array<Word, 2> stages;     ///< intrusion, objective
  std::array<Word, 5> categories;
  std::array<Word, 4> media;
  // The summary (the CLI's and report.md's).
  Word rows_unit;
  Word scenarios_unit;
  Word summary_now;
  Word summary_planned;
  Word highest_rows;
  Word asset_after;
  Word impact_after;
  Word scenarios_ranked;
  Word written_to;
  /// Words of the HTML report (report/html.cc).
  struct Html {
    Word title;
    Word summary;
    Word distribution;
    Word asset_analysis;
    Word scenario_analysis;
    Word now;
    Word after;
    Word highest;
    Word ranked;
    Word planned_effect;
    Word planned_none;
    Word planned_rows;
    Word diagrams;
    Word system_view;
    Word dataflow_view;
    Word no_diagram;
    Word tables;
    Word scenarios;
    Word tree;
    Word routes;
    Word filter;
    Word rows_shown;
    Word no_routes;
    Word routes_count;
    Word lower_bound;
    Word first_route_note;
    Word toc;
    Word generated_by;
    Word level;
    Word vuln;
    Word threat;
    Word hops;
    Word scenario_after;
    Word attribution;
    Word sort_hint;
    Word rows_cut;   ///< {0} rows in all, {1} shown, {2} the table's file stem
    Word lang_code;  ///< the page's lang attribute
  } html;
  /// Words of the configuration diagrams (report/diagram.cc).
  struct Diagram {
    Word system_view;
    Word dataflow_view;
    Word level;
    Word legend;
    Word importance;
    Word filtering;
    Word one_way;
    Word entry;
    Word network;
    std::array<Word, 5> categories;
    std::array<Word, 4> media;
    Word purdue_level;  ///< {the zone's Purdue level}, as in a zone label "name (…)"
  } diagram;
  /// Words of the routes view (report/routes_diagram.cc).
  struct Routes {
    Word risk;
    Word unreachable;
    Word listed;  ///< {model name} {k} {total}
    Word routes;
    Word target;
    Word base;
    Word step_tip;  ///< {tag} {method} {countermeasure level}
  } routes;
  /// Words of the line shown with a scenario's attack tree (assessment/documents.cc).
  struct Tree {
    Word not_exact;  ///< {the reason}: after a figure that is the bottom-up value
    Word analyst_tree;
    Word generated_tree;
    Word naive;
    Word figures;  ///< {source} {ipa} {probability} {cost} {time} {skill}
    Word analyst_note;
    Word attaining_route;  ///< the title line of a generated tree's red route
  } tree;
};

/// The words of `lang`.
const Words& words(model::Lang lang);

}  // namespace icsrisk::report

/// Formats a word as its text.
template <>
struct fmt::formatter<icsrisk::report::Word> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const icsrisk::report::Word& w, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(w.view(), ctx);
  }
};
