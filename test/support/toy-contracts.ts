import { join } from 'node:path';
import { ContractSet, contractsDir } from '../../contracts/index.js';

/** The admin contract plus the toy vendor's, for kernel tests. */
export const toyContracts = new ContractSet([
  join(contractsDir(), 'sim.openapi.yaml'),
  new URL('../fixtures/contracts/toy.openapi.yaml', import.meta.url).pathname,
]);
