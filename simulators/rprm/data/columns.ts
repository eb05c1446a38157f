import type { ColumnSpec } from '../csv.js';

/**
 * Column order of the three files; contracts/csv/rprm-*.csv.yaml declare the same lists and a
 * test checks the unzipped files against them. Documented DMA columns keep their documented
 * order; the gaps the manuals leave are filled with plausible billing columns (marked there).
 */
export const CALL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'version' },
  { name: 'type' },
  { name: 'callType', text: true },
  { name: 'callUuid' },
  { name: 'dialin' },
  { name: 'startTime' },
  { name: 'endTime' },
  { name: 'origEndpoint', text: true },
  { name: 'origDisplayName', text: true },
  { name: 'destEndpoint', text: true },
  { name: 'destDisplayName', text: true },
  { name: 'dialString', text: true },
  { name: 'lastForwardEndpoint', text: true },
  { name: 'cluster', text: true },
  { name: 'confUUID' },
  { name: 'vmr', text: true },
  { name: 'bitRate' },
  { name: 'durationSeconds' },
  { name: 'causeCode' },
  { name: 'userDataA', text: true },
  { name: 'userDataB', text: true },
  { name: 'userDataC', text: true },
  { name: 'userDataD', text: true },
  { name: 'userDataE', text: true },
  { name: 'userRole' },
  { name: 'failureSignalingCode', text: true },
  { name: 'origModel', text: true },
  { name: 'origVersion', text: true },
  { name: 'destModel', text: true },
  { name: 'destVersion', text: true },
  { name: 'displays' },
  { name: 'minVideoResolution' },
  { name: 'maxVideoResolution' },
  { name: 'origSignalingId', text: true },
  { name: 'origCallId', text: true },
  { name: 'destCallId', text: true },
  { name: 'chairPasscode', text: true },
  { name: 'confRequiresChair' },
  { name: 'termConfAfterChairDrops' },
  { name: 'charJoinTime' },
];

export const CONFERENCE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'version' },
  { name: 'type' },
  { name: 'confType' },
  { name: 'cluster', text: true },
  { name: 'confUUID' },
  { name: 'startTime' },
  { name: 'endTime' },
  { name: 'userID', text: true },
  { name: 'roomID', text: true },
  { name: 'partCount' },
  { name: 'classOfService' },
  { name: 'userDataA', text: true },
  { name: 'userDataB', text: true },
  { name: 'userDataC', text: true },
  { name: 'maxResourcesUsed', text: true },
];

export const CALL_COUNT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'recordType' },
  { name: 'intervalStart' },
  { name: 'intervalEnd' },
  { name: 'numberOfCalls' },
  { name: 'numberOfConferences' },
  { name: 'clustersIncluded', text: true },
  { name: 'clustersExcluded', text: true },
];

/** Bumped whenever a column list changes, as the DMA `version` column is. */
export const CDR_FORMAT_VERSION = '1';
