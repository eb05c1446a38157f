import type { SeededData } from '../../kernel/index.js';
import {
  DAYS_TO_PAY,
  type InvoiceRecord,
  invoiceAmountCents,
  invoiceLines,
  type LineRecord,
  periodCharges,
  walletFor,
} from './billing.js';
import { centsToNumber } from './catalog.js';
import { addDays, formatDate } from './dates.js';
import type { ContractItem, ContractRecord, OrgHistory, PeriodRecord } from './history.js';

/** JSON of the preview contract API, with what "now" makes visible. */

/** A contract is listed once it has started (it was signed by then) [R]. */
export function contractVisible(contract: ContractRecord, now: number): boolean {
  return contract.start <= now;
}

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

export function productJson(item: ContractItem) {
  return {
    id: item.productId,
    sku: item.product.sku,
    name: item.product.name,
    unitOfMeasure: item.product.unitOfMeasure,
  };
}

function organizations(history: OrgHistory) {
  return [{ id: history.org.id, name: history.org.name }];
}

export function contractJson(history: OrgHistory, contract: ContractRecord, now: number) {
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
        name: `${history.org.name} ${contract.commercialModel} plan`,
        organizations: organizations(history),
        product: productJson(contract.items[0]!),
        items: contract.items.map((item, i) => {
          const usage = item.product.kind !== 'licence' && item.product.kind !== 'device';
          return {
            itemNumber: String(i + 1),
            name: item.product.name,
            type: usage ? 'Usage' : 'Subscription',
            function: usage ? 'Overage' : 'Prepaid',
            description: usage
              ? `${item.product.name}, ${item.fairuse || item.prepaid} ${item.product.unitOfMeasure} included per month`
              : `${item.product.name}, ${item.prepaid} committed per month`,
            currencyIsoCode: 'USD',
            discountAmount: 0,
            dateEffectiveStart: formatDate(contract.start),
            dateEffectiveEnd: formatDate(addDays(contract.endExclusive, -1)),
            overagePrice: centsToNumber(item.product.overageCents),
            price: centsToNumber(item.product.priceCents),
            quantity: item.prepaid || item.fairuse,
            unitOfMeasure: item.product.unitOfMeasure,
          };
        }),
      },
    ],
  };
}

export function periodDetailJson(
  data: SeededData,
  history: OrgHistory,
  contract: ContractRecord,
  period: PeriodRecord,
  now: number,
  cutoff: number,
) {
  const wallet = walletFor(history, contract, period, cutoff);
  return {
    id: period.id,
    dateStart: formatDate(period.start),
    dateEnd: formatDate(period.lastDay),
    status: periodStatus(period, now),
    charges: periodCharges(history, contract, period, cutoff).map((c, i) => ({
      id: data.uuid(`purecloud/contract:${contract.id}/period:${period.index}/charge:${i}`),
      name: c.item.product.name,
      product: productJson(c.item),
      organizations: organizations(history),
      prepaidQuantity: c.item.prepaid,
      fairuseQuantity: c.fairuse,
      actualQuantity: c.actual,
      overageQuantity: c.overage,
      overageRate: centsToNumber(c.convertedTokens === undefined ? c.item.product.overageCents : 0),
      overageCharge: centsToNumber(c.overageCents),
      overageCurrency: 'USD',
      ...(c.convertedTokens === undefined
        ? {}
        : {
            convertedTokenCount: c.convertedTokens,
            tokenConversionRate: c.item.product.tokenConversionRate,
          }),
    })),
    wallets: wallet
      ? [
          {
            id: data.uuid(`purecloud/contract:${contract.id}/wallet`),
            name: `${wallet.item.product.name} wallet`,
            organizations: organizations(history),
            product: productJson(wallet.item),
            startingBalance: wallet.starting,
            endingBalance: wallet.ending,
            balanceIncrease: wallet.increase,
            balanceDecrease: wallet.decrease,
            balanceConsumption: wallet.consumption,
            balanceOverage: wallet.overage,
            balanceOverageRate: centsToNumber(wallet.item.product.overageCents),
            balanceOverageCharge: centsToNumber(wallet.overage * wallet.item.product.overageCents),
            balanceOverageCurrency: 'USD',
            unitOfMeasure: wallet.item.product.unitOfMeasure,
          },
        ]
      : [],
  };
}

export function paymentStatus(invoice: InvoiceRecord, now: number): 'Paid' | 'Unpaid' {
  return now >= addDays(invoice.dateInvoiced, DAYS_TO_PAY) ? 'Paid' : 'Unpaid';
}

export interface Address {
  line1: string;
  cityName: string;
  postalCode: string;
  stateCode: string;
}

function addressJson(street: Address, type: 'BillTo' | 'ShipTo', since: number) {
  return {
    dateEffective: formatDate(since),
    addressType: type,
    currencyIsoCode: 'USD',
    ...street,
    countryCode: 'US',
    country: 'United States',
  };
}

export function invoiceJson(
  invoice: InvoiceRecord,
  lines: readonly LineRecord[],
  street: Address,
  now: number,
) {
  const customer = { ...invoice.contract.customer };
  return {
    id: invoice.id,
    billToCustomer: customer,
    shipToCustomer: customer,
    soldToCustomer: customer,
    dateInvoiced: formatDate(invoice.dateInvoiced),
    billToAddress: addressJson(street, 'BillTo', invoice.contract.start),
    shipToAddress: addressJson(street, 'ShipTo', invoice.contract.start),
    currencyIsoCode: 'USD',
    paymentStatus: paymentStatus(invoice, now),
    paymentTerms: 'Net 30',
    customerPoNumber: invoice.contract.purchaseOrderNumbers[0],
    customerInvoiceType: 'Invoice',
    amount: centsToNumber(invoiceAmountCents(lines)),
  };
}

export function lineJson(history: OrgHistory, invoice: InvoiceRecord, line: LineRecord) {
  return {
    id: line.id,
    product: productJson(line.item),
    description: line.description,
    dateTransacted: formatDate(invoice.dateInvoiced),
    dateStart: formatDate(invoice.period.start),
    dateEnd: formatDate(invoice.period.lastDay),
    organization: { id: history.org.id, name: history.org.name },
    quantity: line.quantity,
    unitOfMeasure: line.item.product.unitOfMeasure,
    amount: centsToNumber(line.amountCents),
  };
}

export { invoiceLines };
