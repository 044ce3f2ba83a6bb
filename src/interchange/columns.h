#pragma once
// Column indices of each inventory table, in the order of table_specs() (inventory_tables.cc).

namespace icsrisk::interchange::col {

enum System { kSysId, kSysName, kSysDescription };
enum Zones { kZoneId, kZoneName, kZonePurdue, kZoneMeasures, kZonePlanned, kZoneDescription };
enum Networks {
  kNetId,
  kNetName,
  kNetZone,
  kNetMedium,
  kNetMeasures,
  kNetPlanned,
  kNetDescription,
  kNetImportance
};
enum Assets {
  kAssetId,
  kAssetName,
  kAssetType,
  kAssetImportance,
  kAssetZone,
  kAssetNetworks,
  kAssetAddress,
  kAssetUpstream,
  kAssetCount,
  kAssetVendor,
  kAssetModel,
  kAssetOs,
  kAssetMeasures,
  kAssetPlanned,
  kAssetThreats,
  kAssetDescription
};
enum Flows {
  kFlowId,
  kFlowFrom,
  kFlowTo,
  kFlowData,
  kFlowProtocol,
  kFlowPort,
  kFlowMeasures,
  kFlowPlanned,
  kFlowDescription
};
enum Entries { kEntryId, kEntryName, kEntryAsset, kEntryNetwork, kEntryVector, kEntryLevel };
enum Scenarios {
  kImpactId,
  kImpactName,
  kImpactLevel,
  kImpactDescription,
  kScenarioId,
  kScenarioName,
  kScenarioTarget,
  kScenarioAttack,
  kScenarioBases,
  kScenarioDescription,
  kScenarioAccess
};
enum Measures { kMeasureRef, kMeasureZone, kMeasureNetwork, kMeasureStatus };

}  // namespace icsrisk::interchange::col
