import type { FlowDefinition } from '../../../harness/flows/flow.js';

/** A two-step flow over the toy contract (test/fixtures/contracts/toy.openapi.yaml). */
export const toyFlow: FlowDefinition = {
  id: 'toy',
  vendor: 'toy',
  title: 'Toy vendor',
  async run(ctx) {
    const item = await ctx.step('get item', async (s) => {
      const res = await s.call({ path: '/toy/items/1' });
      s.expect(res, 200);
      return s.json<{ id: string; name: string; quantity: unknown }>(res);
    });
    await ctx.step('use item', async (s) => {
      const quantity = s.field<number>(item.quantity, '$.quantity', 'number');
      ctx.usage.push({
        vendor: 'toy',
        customer: 'acme',
        product: item.name,
        quantity,
        periodStart: ctx.period.start,
        periodEnd: ctx.period.end,
      });
    });
  },
};
