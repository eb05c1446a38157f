import type { SeededData } from '../../kernel/index.js';
import type { PureCloudOrg } from '../options.js';
import { formatDateTime } from './dates.js';
import type { OrgHistory } from './history.js';

/** Organization and Trustor models of the SDK's OrganizationApi / OrganizationAuthorizationApi. */

function slug(org: PureCloudOrg): string {
  return org.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function organizationJson(data: SeededData, org: PureCloudOrg) {
  return {
    id: org.id,
    name: org.name,
    defaultLanguage: 'en-us',
    defaultCountryCode: 'US',
    thirdPartyOrgName: slug(org),
    domain: slug(org),
    version: 1,
    state: 'active',
    defaultSiteId: data.uuid(`purecloud/org:${org.id}/site`),
    voicemailEnabled: true,
    productPlatform: 'PureCloud',
    selfUri: `/api/v2/organizations/${org.id}`,
  };
}

/** The trust a trustor org granted the caller's (partner) org; dated before its history began. */
export function trustorJson(data: SeededData, trustor: OrgHistory, permissions: readonly string[]) {
  const org = trustor.org;
  return {
    id: org.id,
    enabled: true,
    dateCreated: formatDateTime(trustor.trustCreated),
    createdBy: {
      id: data.uuid(`purecloud/org:${org.id}/trust-admin`),
      name: `${org.name} administrator`,
      email: `admin@${slug(org)}.example.com`,
      state: 'active',
      username: `admin@${slug(org)}.example.com`,
      version: 1,
    },
    organization: organizationJson(data, org),
    authorization: { permissions: [...permissions] },
    selfUri: `/api/v2/orgauthorization/trustors/${org.id}`,
  };
}
