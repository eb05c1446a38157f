export { type CsvColumn, type CsvContract, CsvContracts, csvContracts } from './csv.js';
export { contractsDir, packageRoot } from './files.js';
export {
  isResponseProfile,
  RESPONSE_PROFILES,
  type ResponseProfile,
  SIMULATOR_ONLY,
  simulatorOnlyMarks,
  vendorView,
} from './profiles.js';
export {
  ContractSet,
  contracts,
  type HeaderBag,
  type ValidateOptions,
  type Violation,
  validateResponse,
} from './validator.js';
