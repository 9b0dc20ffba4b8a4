import type { TInvoice, TPayment } from '@domain/billing';
import { Badge } from '../../components/badge';
import { DataTable, type Column } from '../../components/data-table';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';

const GOOD = new Set(['captured', 'paid', 'authorized']);
const BAD = new Set(['failed', 'expired', 'cancelled']);

function StatusBadge({ status }: { status: string }) {
  const tone = GOOD.has(status) ? 'green' : BAD.has(status) ? 'red' : 'neutral';
  return <Badge tone={tone}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>;
}

const paymentColumns: Column<TPayment>[] = [
  { header: 'Date', cell: (p) => formatDateTime(p.createdAt) },
  { header: 'Amount', cell: (p) => formatMoney(p.amount, p.currency) },
  {
    header: 'Status',
    cell: (p) => (
      <>
        <StatusBadge status={p.status} />
        {p.errorDescription ? <div className="muted table__note">{p.errorDescription}</div> : null}
      </>
    ),
  },
  { header: 'Razorpay payment', className: 'mono', cell: (p) => p.razorpayPaymentId },
];

const invoiceColumns: Column<TInvoice>[] = [
  { header: 'Date', cell: (inv) => formatDate(inv.createdAt) },
  { header: 'Period', cell: (inv) => (inv.periodStart ? `${formatDate(inv.periodStart)} – ${formatDate(inv.periodEnd)}` : '—') },
  { header: 'Amount', cell: (inv) => formatMoney(inv.amount, inv.currency) },
  { header: 'Status', cell: (inv) => <StatusBadge status={inv.status} /> },
  { header: 'Razorpay invoice', className: 'mono', cell: (inv) => inv.razorpayInvoiceId },
];

export function PaymentsTable({ payments }: { payments: TPayment[] }) {
  return <DataTable rows={payments} columns={paymentColumns} rowKey={(p) => p.id} testId="payments-table" empty="No payments yet." />;
}

export function InvoicesTable({ invoices }: { invoices: TInvoice[] }) {
  return <DataTable rows={invoices} columns={invoiceColumns} rowKey={(inv) => inv.id} testId="invoices-table" empty="No invoices yet." />;
}
