/** JSON Schema of a rate card file (YAML or JSON). */
export const RATE_CARD_SCHEMA = {
  $id: 'billing-sim:rate-card',
  type: 'object',
  additionalProperties: false,
  required: ['vendors'],
  properties: {
    description: { type: 'string' },
    currency: { $ref: '#/$defs/currency' },
    vendors: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { $ref: '#/$defs/vendor' },
    },
  },
  $defs: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    price: { type: 'number', minimum: 0 },
    rate: {
      type: 'object',
      additionalProperties: false,
      required: ['unitPrice'],
      properties: {
        unitPrice: { $ref: '#/$defs/price' },
        unit: { type: 'string', minLength: 1 },
        currency: { $ref: '#/$defs/currency' },
      },
    },
    vendor: {
      type: 'object',
      additionalProperties: false,
      properties: {
        currency: { $ref: '#/$defs/currency' },
        /** Applies to every product the card does not name. */
        default: { $ref: '#/$defs/rate' },
        products: { type: 'object', additionalProperties: { $ref: '#/$defs/rate' } },
        /** Per-customer prices that win over the vendor's `products`. */
        customers: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { products: { type: 'object', additionalProperties: { $ref: '#/$defs/rate' } } },
          },
        },
      },
    },
  },
} as const;
