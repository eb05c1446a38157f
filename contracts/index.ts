export { type CsvColumn, type CsvContract, CsvContracts, csvContracts } from './csv.js';
export { contractsDir, packageRoot } from './files.js';
export { ContractSet, contracts, type HeaderBag, type Violation, validateResponse } from './validator.js';
