import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { InvoiceRecord, LineRecord } from './billing.js';
import { invoiceAmountCents } from './billing.js';
import { centsToString } from './catalog.js';
import { formatDate } from './dates.js';
import type { OrgHistory } from './history.js';

/**
 * A one-page PDF of an invoice: number, dates, bill-to, lines and total, the same figures the
 * invoice and lines endpoints answer. Metadata dates are the invoice's own, so the same seed
 * gives the same bytes.
 */
export async function invoicePdf(
  history: OrgHistory,
  invoice: InvoiceRecord,
  lines: readonly LineRecord[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(invoice.dateInvoiced);
  doc.setTitle(`Invoice ${invoice.id}`);
  doc.setAuthor('Genesys Cloud billing (simulated)');
  doc.setProducer('billing-sim');
  doc.setCreator('billing-sim');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  let y = 790;
  const text = (value: string, x: number, size = 10, f = font) =>
    page.drawText(value, { x, y, size, font: f });
  text('INVOICE', 50, 20, bold);
  y -= 30;
  text(`Invoice number: ${invoice.id}`, 50);
  y -= 15;
  text(`Invoice date: ${formatDate(invoice.dateInvoiced)}`, 50);
  y -= 15;
  text(`Billing period: ${formatDate(invoice.period.start)} - ${formatDate(invoice.period.lastDay)}`, 50);
  y -= 15;
  text(`Contract: ${invoice.contract.externalNumber}`, 50);
  y -= 15;
  text(`Bill to: ${invoice.contract.customer.name} (${invoice.contract.customer.number})`, 50);
  y -= 15;
  text(`Organization: ${history.org.name} (${history.org.id})`, 50);
  y -= 30;
  text('Description', 50, 10, bold);
  text('Quantity', 360, 10, bold);
  text('Amount (USD)', 460, 10, bold);
  for (const line of lines) {
    y -= 15;
    if (y < 80) break;
    text(line.description.slice(0, 60), 50);
    text(String(line.quantity), 360);
    text(centsToString(line.amountCents), 460);
  }
  y -= 30;
  text('Total (USD)', 360, 11, bold);
  text(centsToString(invoiceAmountCents(lines)), 460, 11, bold);
  return doc.save({ useObjectStreams: false });
}
