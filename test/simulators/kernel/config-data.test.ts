import { describe, expect, it } from 'vitest';
import { ConfigError, checkConfig, configFromEnv } from '../../../simulators/kernel/config.js';
import { configSchema } from '../../../simulators/kernel/options-schema.js';
import { PLUGINS } from '../../../simulators/registry.js';

/** The `data:` section of each simulator: its plug-in's dataSchema, composed like every option. */
describe('golden data in the configuration', () => {
  it("each plug-in's dataSchema is its section's data option; the kernel section has none", () => {
    const schema = configSchema(PLUGINS) as {
      properties: {
        simulators: { properties: Record<string, { properties: { data: unknown } }> };
        kernel: { properties: object };
      };
    };
    for (const p of PLUGINS) {
      expect(p.dataSchema, p.name).toBeDefined();
      expect(schema.properties.simulators.properties[p.name]!.properties.data).toBe(p.dataSchema);
    }
    expect(Object.keys(schema.properties.kernel.properties)).not.toContain('data');
  });

  it('a mistake in data: is named by its JSON pointer, one line per mistake', () => {
    const config = {
      simulators: {
        purecloud: {
          data: {
            orgs: [{ id: 'x', users: [{ name: 'a', licences: [{ sku: 'NOPE', from: 'yesterday' }] }] }],
          },
        },
        rprm: { data: { rooms: [{ roomId: '7001', owner: { login: 'ada' }, classOfService: 'Platinum' }] } },
      },
    };
    let error: ConfigError | undefined;
    try {
      checkConfig(config, PLUGINS, 'config sim.yaml');
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(/^invalid config sim\.yaml:/);
    expect(error!.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\/simulators\/purecloud\/data\/orgs\/0\/users\/0\/licences\/0\/sku: must be one of/,
        ),
        expect.stringMatching(/^\/simulators\/purecloud\/data\/orgs\/0\/users\/0\/licences\/0\/from: /),
        expect.stringMatching(
          /^\/simulators\/rprm\/data\/rooms\/0\/classOfService: must be one of Gold, Silver, Bronze/,
        ),
      ]),
    );
    expect(() => checkConfig({ kernel: { data: {} } }, PLUGINS)).toThrow(/\/kernel\/data: unknown key/);
  });

  it('BILLING_SIM_<VENDOR>_DATA holds a data section as JSON', () => {
    const data = { partners: [{ orgUuid: 'p', customers: [] }] };
    const { config, problems } = configFromEnv({ BILLING_SIM_WEBEX_DATA: JSON.stringify(data) }, PLUGINS);
    expect(problems).toEqual([]);
    expect(config.simulators?.webex?.data).toEqual(data);
    expect(
      configFromEnv({ BILLING_SIM_RPRM_DATA: '{"seeded":true}' }, PLUGINS).config.simulators?.rprm?.data,
    ).toEqual({
      seeded: true,
    });
  });

  it('the flows section: rate card, period and clock start, checked like the rest', () => {
    expect(() =>
      checkConfig(
        { flows: { rateCard: 'r.yaml', period: '2026-10-01..2026-10-31', at: '2026-11-03T12:00:00Z' } },
        PLUGINS,
      ),
    ).not.toThrow();
    expect(() => checkConfig({ flows: { period: 'October' } }, PLUGINS)).toThrow(/\/flows\/period/);
    expect(() => checkConfig({ flows: { rateCrad: 'x' } }, PLUGINS)).toThrow(
      /\/flows\/rateCrad: unknown key \(did you mean "rateCard"\?\)/,
    );
  });
});
