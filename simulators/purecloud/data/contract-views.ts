import type { SeededData } from '../../kernel/index.js';
import { addDays, formatDate } from '../dates.js';
import {
  type ContractRecord,
  centsToNumber,
  type InvoiceRecord,
  invoiceLines,
  type LineRecord,
  type OrgBook,
  type PeriodRecord,
  periodCharges,
  productJson,
} from './contracts.js';

/** JSON shapes of the preview contract API, with what "now" makes visible. */

/** Invoices are paid this many days after they are issued [R]. */
const DAYS_TO_PAY = 30;

export function periodVisible(period: PeriodRecord, now: number): boolean {
  return period.start <= now;
}

export function periodStatus(period: PeriodRecord, now: number): 'Open' | 'Closed' {
  return now >= period.endExclusive ? 'Closed' : 'Open';
}

export function contractStatus(contract: ContractRecord, now: number): 'Active' | 'Inactive' {
  return contract.start <= now && now < contract.endExclusive ? 'Active' : 'Inactive';
}

export function invoiceVisible(invoice: InvoiceRecord, now: number): boolean {
  return invoice.dateInvoiced <= now;
}

function organizations(book: OrgBook) {
  return [{ id: book.org.id, name: book.org.name }];
}

export function contractJson(book: OrgBook, contract: ContractRecord, now: number) {
  const customer = { ...contract.customer };
  return {
    id: contract.id,
    externalNumber: contract.externalNumber,
    status: contractStatus(contract, now),
    commercialModel: contract.commercialModel,
    purchaseOrderNumbers: contract.purchaseOrderNumbers,
    billToCustomer: customer,
    soldToCustomer: customer,
    endCustomer: customer,
    dateStart: formatDate(contract.start),
    dateEnd: formatDate(addDays(contract.endExclusive, -1)),
    dateRampStart: formatDate(contract.start),
    dateRampEnd: formatDate(addDays(contract.rampEndExclusive, -1)),
    billingPeriods: contract.periods
      .filter((p) => periodVisible(p, now))
      .map((p) => ({
        id: p.id,
        dateStart: formatDate(p.start),
        dateEnd: formatDate(p.lastDay),
        status: periodStatus(p, now),
      })),
    plans: [
      {
        id: contract.planId,
        name: `${book.org.name} ${contract.commercialModel} plan`,
        organizations: organizations(book),
        product: productJson(contract.items[0]!),
        items: contract.items.map((item, i) => ({
          itemNumber: String(i + 1),
          name: item.product.name,
          type: item.product.metered ? 'Usage' : 'Subscription',
          function: item.product.metered ? 'Overage' : 'Prepaid',
          description: item.product.metered
            ? `${item.product.name}, ${item.fairuse} ${item.product.unitOfMeasure} included per month`
            : `${item.product.name}, ${item.prepaid} committed per month`,
          currencyIsoCode: 'USD',
          discountAmount: 0,
          dateEffectiveStart: formatDate(contract.start),
          dateEffectiveEnd: formatDate(addDays(contract.endExclusive, -1)),
          overagePrice: centsToNumber(item.product.overageCents),
          price: centsToNumber(item.product.priceCents),
          quantity: item.product.metered ? item.fairuse : item.prepaid,
          unitOfMeasure: item.product.unitOfMeasure,
        })),
      },
    ],
  };
}

export function periodDetailJson(
  data: SeededData,
  book: OrgBook,
  contract: ContractRecord,
  period: PeriodRecord,
  now: number,
) {
  return {
    id: period.id,
    dateStart: formatDate(period.start),
    dateEnd: formatDate(period.lastDay),
    status: periodStatus(period, now),
    charges: periodCharges(data, contract, period).map((c, i) => ({
      id: data.uuid(`purecloud/contract:${contract.id}/period:${period.index}/charge:${i}`),
      product: productJson(c.item),
      organizations: organizations(book),
      prepaidQuantity: c.item.prepaid,
      fairuseQuantity: c.item.fairuse,
      actualQuantity: c.actual,
      overageQuantity: c.overage,
      overageRate: centsToNumber(c.item.product.overageCents),
      overageCharge: centsToNumber(c.overageCents),
      overageCurrency: 'USD',
    })),
    wallets: [],
  };
}

/** Street addresses per book: a Faker per call would dominate listing time. */
const addresses = new WeakMap<OrgBook, Map<string, ReturnType<typeof makeAddress>>>();

function makeAddress(data: SeededData, book: OrgBook, type: 'BillTo' | 'ShipTo') {
  const faker = data.faker(`purecloud/org:${book.org.id}/address:${type}`);
  return {
    line1: faker.location.streetAddress(),
    cityName: faker.location.city(),
    postalCode: faker.location.zipCode('#####'),
    stateCode: faker.location.state({ abbreviated: true }),
  };
}

function address(data: SeededData, book: OrgBook, type: 'BillTo' | 'ShipTo', since: number) {
  let forBook = addresses.get(book);
  if (!forBook) {
    forBook = new Map();
    addresses.set(book, forBook);
  }
  let street = forBook.get(type);
  if (!street) {
    street = makeAddress(data, book, type);
    forBook.set(type, street);
  }
  return {
    dateEffective: formatDate(since),
    addressType: type,
    currencyIsoCode: 'USD',
    ...street,
    countryCode: 'US',
    country: 'United States',
  };
}

export function paymentStatus(invoice: InvoiceRecord, now: number): 'Paid' | 'Unpaid' {
  return now >= addDays(invoice.dateInvoiced, DAYS_TO_PAY) ? 'Paid' : 'Unpaid';
}

export function invoiceJson(data: SeededData, book: OrgBook, invoice: InvoiceRecord, now: number) {
  const customer = { ...invoice.contract.customer };
  return {
    id: invoice.id,
    billToCustomer: customer,
    shipToCustomer: customer,
    soldToCustomer: customer,
    dateInvoiced: formatDate(invoice.dateInvoiced),
    billToAddress: address(data, book, 'BillTo', invoice.contract.start),
    shipToAddress: address(data, book, 'ShipTo', invoice.contract.start),
    currencyIsoCode: 'USD',
    paymentStatus: paymentStatus(invoice, now),
    paymentTerms: 'Net 30',
    customerPoNumber: invoice.contract.purchaseOrderNumbers[0],
    customerInvoiceType: 'Invoice',
    amount: centsToNumber(invoice.amountCents),
  };
}

export function lineRecords(data: SeededData, invoice: InvoiceRecord): LineRecord[] {
  return invoiceLines(data, invoice.contract, invoice.period);
}

export function lineJson(book: OrgBook, invoice: InvoiceRecord, line: LineRecord) {
  return {
    id: line.id,
    product: productJson(line.item),
    description: line.description,
    dateTransacted: formatDate(invoice.dateInvoiced),
    dateStart: formatDate(invoice.period.start),
    dateEnd: formatDate(invoice.period.lastDay),
    organization: { id: book.org.id, name: book.org.name },
    quantity: line.quantity,
    unitOfMeasure: line.item.product.unitOfMeasure,
    amount: centsToNumber(line.amountCents),
  };
}
