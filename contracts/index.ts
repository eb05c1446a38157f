export { type CsvColumn, type CsvContract, CsvContracts, csvContracts } from './csv.js';
export { contractsDir, packageRoot } from './files.js';
export type { ResponseProfile } from './profiles.js';
export {
  ContractSet,
  contracts,
  type HeaderBag,
  type ValidateOptions,
  type Violation,
  validateResponse,
} from './validator.js';
