#pragma once
// ADTool 2's XML (Kordy et al., University of Luxembourg): `<adtree>` files of attack–defence
// trees, read into our trees and written from them. The mapping and what it loses are in the
// README ("ADTool 2 import and export").

#include <optional>
#include <string>

#include "attacktree/tree.h"
#include "core/diagnostics.h"
#include "core/source.h"

namespace icsrisk::attacktree {

/// ADTool's predefined domains that have an icsrisk counterpart (the `<class>` of a
/// `<domain>`, after the last '.').
inline constexpr const char* kAdtoolProbability = "ProbSucc";
inline constexpr const char* kAdtoolCost = "MinCost";
inline constexpr const char* kAdtoolTimeParallel = "MinTimePar";
inline constexpr const char* kAdtoolTimeSequential = "MinTimeSeq";
inline constexpr const char* kAdtoolSkill = "MinSkill";
/// The time domain of ADTool's sequential trees (<sandtree>, domains.sandpredefined).
inline constexpr const char* kAdtoolSandTime = "MinTime";

/// Reads an ADTool 2 `<adtree>` file, or a `<sandtree>` (ADTool 2's sequential trees, without
/// defences: `sequential` → sand, `conjunctive` → and; time from sandpredefined.MinTime). The
/// attacker's nodes become gates (`disjunctive` → or, `conjunctive` → and, or sand when the file's
/// only time domain is MinTimeSeq) and leaves; leaves with equal labels are one shared event
/// (ADTool keys basic values by label). A defence (`switchRole`) on an attacker's node becomes
/// countermeasures on it: a basic defence one measure, a disjunctive group one per member; a
/// counter-attack under a basic defence gives the measure's effect. Values come from the `basic`
/// parameters of the domains above. Everything outside that — a defender's root, a conjunctive
/// group of defences, a refined counter-attack, an effect on a refined node, malformed values — is
/// an error at its position; values of other domains are a warning and are skipped. Ids are made
/// from the labels. Returns the tree only when the file has no errors. Linear in the file's size.
std::optional<Tree> import_adtool(const core::SourceFile& file, core::Diagnostics& diags);

/// Writes `t` as an ADTool 2 `<adtree>` file: gates as disjunctive / conjunctive nodes, basic
/// events as leaves (a shared node written at each use, with one label), countermeasures as
/// the node's defence, values in ProbSucc, MinCost, MinTimePar (MinTimeSeq when the tree's
/// conjunctions are all <sand>) and MinSkill — a domain only when every basic event has its
/// value. What ADTool cannot hold is a warning at the node (step endpoints, levels, a
/// measure's own cost, status and function, descriptions); a tree that mixes <and> and
/// <sand>, or adds time under the parallel time domain, is an error. Returns the text when
/// there are no errors. Deterministic: the same tree gives the same bytes.
std::optional<std::string> export_adtool(const Tree& t, core::Diagnostics& diags);

}  // namespace icsrisk::attacktree
