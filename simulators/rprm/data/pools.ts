import type { SeededData } from '../../kernel/index.js';

/**
 * Value pools drawn once from a seeded Faker; rows then pick from them with a cheap Rng,
 * since a Faker call per cell would cap CSV output far below what a 1M-call export needs.
 */
export interface Pools {
  people: readonly Person[];
  rooms: readonly Room[];
  models: readonly EndpointModel[];
  domain: string;
  adDomain: string;
}

export interface Person {
  displayName: string;
  login: string;
  /** AD users appear as DOMAIN\user, local users as LOCAL\user. */
  account: string;
  /** The user's "pass-through to CDR" value (cost centre, free text). */
  passThrough: string;
  alias: string;
}

export interface Room {
  roomId: string;
  owner: Person;
  passThrough: string;
  chairPasscode: string;
  classOfService: 'Gold' | 'Silver' | 'Bronze';
  confType: 'PCO' | 'LYNC' | 'AD-HOC';
  requiresChair: boolean;
  termAfterChairDrops: boolean;
}

export interface EndpointModel {
  model: string;
  versions: readonly string[];
  signaling: 'SIP' | 'H323';
}

/**
 * Names that exercise every RPRM quoting rule: leading/trailing space, leading/trailing tab,
 * embedded comma, embedded double quote. They sit in the pools like any other name.
 */
export const QUOTING_EDGE_NAMES = [
  ' Leading Space',
  'Trailing Space ',
  '\tLeading Tab',
  'Trailing Tab\t',
  'Smith, John',
  'William "Bill" Smith',
] as const;

const MODELS: EndpointModel[] = [
  { model: 'RealPresence Group 500', versions: ['6.2.2.1', '6.2.2.4'], signaling: 'SIP' },
  { model: 'RealPresence Group 700', versions: ['6.2.1', '6.2.2.4'], signaling: 'SIP' },
  { model: 'HDX 8000 HD', versions: ['3.1.14', '3.1.13'], signaling: 'H323' },
  { model: 'Polycom Trio 8800', versions: ['7.2.3.1042', '7.2.2.1094'], signaling: 'SIP' },
  { model: 'RealPresence Desktop', versions: ['3.11.3.71243', '3.10.5.70016'], signaling: 'SIP' },
  { model: 'Polycom Studio X50', versions: ['4.0.1', '3.14.2'], signaling: 'SIP' },
  { model: 'Cisco TelePresence SX20', versions: ['ce9.15.3', 'ce9.14.5'], signaling: 'H323' },
  { model: 'Lync', versions: ['15.0.5249'], signaling: 'SIP' },
];

const PEOPLE = 240;
const ROOMS = 120;

export function buildPools(data: SeededData): Pools {
  const faker = data.faker('rprm:pools');
  const domain = `${faker.internet.domainWord()}.example.com`;
  const adDomain = faker.string.alpha({ length: 5, casing: 'upper' });
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const edge = i < QUOTING_EDGE_NAMES.length ? QUOTING_EDGE_NAMES[i] : undefined;
    const login = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
    const local = faker.datatype.boolean(0.15);
    people.push({
      displayName: edge ?? `${first} ${last}`,
      login,
      account: `${local ? 'LOCAL' : adDomain}\\${login}`,
      passThrough: edge ?? `CC-${faker.string.numeric(4)} ${faker.commerce.department()}`,
      alias: faker.string.numeric(4),
    });
  }
  const rooms: Room[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const owner = people[faker.number.int({ min: 0, max: PEOPLE - 1 })]!;
    rooms.push({
      roomId: faker.string.numeric(faker.datatype.boolean(0.5) ? 4 : 6),
      owner,
      passThrough: i < 2 ? `Project "${faker.word.noun()}", phase ${i + 1}` : faker.company.name(),
      chairPasscode: faker.datatype.boolean(0.3) ? faker.string.numeric(4) : '',
      classOfService: faker.helpers.arrayElement(['Gold', 'Silver', 'Bronze'] as const),
      confType: faker.helpers.weightedArrayElement([
        { weight: 7, value: 'AD-HOC' as const },
        { weight: 2, value: 'PCO' as const },
        { weight: 1, value: 'LYNC' as const },
      ]),
      requiresChair: faker.datatype.boolean(0.2),
      termAfterChairDrops: faker.datatype.boolean(0.1),
    });
  }
  return { people, rooms, models: MODELS, domain, adDomain };
}
