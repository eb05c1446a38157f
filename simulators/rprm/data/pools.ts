import type { SeededData } from '../../kernel/index.js';

/**
 * Value pools drawn once from a seeded Faker; rows then pick from them with a cheap Rng,
 * since a Faker call per cell would cap CSV output far below what a 1M-call export needs.
 */
export interface Pools {
  people: readonly Person[];
  rooms: readonly Room[];
  /** Endpoints a person uses (room systems, desk phones, soft clients): one codec each. */
  models: readonly EndpointModel[];
  /** Immersive telepresence rooms: 2–4 codecs, one CDR per system. */
  itpSystems: readonly ItpSystem[];
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

/** An ITP room: SIP codecs named by the DMA's ITP convention, recognised as one system. */
export interface ItpSystem {
  /** The room's name as the directory holds it (no commas: every ITP field is a comma list). */
  displayName: string;
  /** Codec 1's SIP user part; codec k is `<base>_<k>`. */
  base: string;
  model: string;
  version: string;
  codecs: number;
  passThrough: string;
}

/**
 * Directory names are not ASCII (the files are UTF-8): a share of people and rooms carry names
 * like these, drawn like any other.
 */
export const NON_ASCII_FIRST = [
  'José',
  'Zoë',
  'François',
  'Jürgen',
  'Søren',
  'Łukasz',
  'Ærin',
  'Björn',
  '李',
  '王',
  'Nuño',
  'İlkay',
] as const;
export const NON_ASCII_LAST = [
  'Müller',
  'García',
  'Ærø',
  'Lefèvre',
  'Wróbel',
  'Ångström',
  '伟',
  '芳',
  'Dvořák',
  'Øster',
  'Çelik',
  'Nuñez',
] as const;
const ROOM_NAMES = [
  'Salle Genève',
  'Besprechungsraum München',
  'Sala Jardín',
  '会议室 北京',
  'Ærø Boardroom',
  'Konferenzraum Zürich',
  'Kraków Studio',
  'Boardroom Austin',
  'Studio São Paulo',
  'Ops Center Dublin',
] as const;

const ITP_MODELS = [
  { model: 'RealPresence Immersive Studio', versions: ['6.2.2.4', '6.2.1'], codecs: [3] },
  { model: 'Polycom OTX 300', versions: ['3.1.14'], codecs: [3] },
  { model: 'Polycom RPX 200', versions: ['3.1.13'], codecs: [2] },
  { model: 'Polycom RPX 400', versions: ['3.1.14'], codecs: [4] },
  { model: 'Polycom TPX 306M', versions: ['3.1.14'], codecs: [3] },
] as const;
const ITP_SYSTEMS = 16;

/** ASCII login from a directory name: diacritics dropped, other scripts romanised by index. */
function loginOf(first: string, last: string, i: number): string {
  const ascii = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(
      /[ÆæŁłØøİı]/g,
      (c) => ({ Æ: 'ae', æ: 'ae', Ł: 'l', ł: 'l', Ø: 'o', ø: 'o', İ: 'i', ı: 'i' })[c] ?? '',
    )
    .toLowerCase()
    .replace(/[^a-z.]/g, '');
  return /^[a-z]+\.[a-z]+$/.test(ascii) ? ascii : `user${i}`;
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
  { model: 'RealPresence Mobile', versions: ['3.11.3.71243'], signaling: 'SIP' },
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
    let first = faker.person.firstName();
    let last = faker.person.lastName();
    // About one person in six comes from the directory's non-ASCII share.
    if (faker.datatype.boolean(0.18)) {
      first = faker.helpers.arrayElement(NON_ASCII_FIRST);
      last = faker.helpers.arrayElement(NON_ASCII_LAST);
    }
    const edge = i < QUOTING_EDGE_NAMES.length ? QUOTING_EDGE_NAMES[i] : undefined;
    const login = loginOf(first, last, i);
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
      passThrough:
        i < 2
          ? `Project "${faker.word.noun()}", phase ${i + 1}`
          : i % 7 === 3
            ? faker.helpers.arrayElement(ROOM_NAMES)
            : faker.company.name(),
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
  const itpSystems: ItpSystem[] = [];
  for (let i = 0; i < ITP_SYSTEMS; i++) {
    const spec = faker.helpers.arrayElement(ITP_MODELS);
    const name = `${faker.helpers.arrayElement(ROOM_NAMES)} ${i + 1}`;
    itpSystems.push({
      displayName: name,
      base: `itp${i + 1}`,
      model: spec.model,
      version: faker.helpers.arrayElement(spec.versions),
      codecs: faker.helpers.arrayElement(spec.codecs),
      passThrough: `CC-${faker.string.numeric(4)} ITP`,
    });
  }
  return { people, rooms, models: MODELS, itpSystems, domain, adDomain };
}
