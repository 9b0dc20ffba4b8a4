import type { TInvoice, TPayment } from '@domain/billing';
import { Badge } from '../../components/badge';
import { formatDate, formatDateTime, formatMoney } from './format';

const GOOD = new Set(['captured', 'paid', 'authorized']);
const BAD = new Set(['failed', 'expired', 'cancelled']);

function StatusBadge({ status }: { status: string }) {
  const tone = GOOD.has(status) ? 'green' : BAD.has(status) ? 'red' : 'neutral';
  return <Badge tone={tone}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>;
}

function EmptyRow({ columns, text }: { columns: number; text: string }) {
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {text}
      </td>
    </tr>
  );
}

export function PaymentsTable({ payments }: { payments: TPayment[] }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="payments-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Razorpay payment</th>
          </tr>
        </thead>
        <tbody>
          {payments.length ? null : <EmptyRow columns={4} text="No payments yet." />}
          {payments.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.createdAt)}</td>
              <td>{formatMoney(p.amount, p.currency)}</td>
              <td>
                <StatusBadge status={p.status} />
                {p.errorDescription ? <div className="muted table__note">{p.errorDescription}</div> : null}
              </td>
              <td className="mono">{p.razorpayPaymentId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InvoicesTable({ invoices }: { invoices: TInvoice[] }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="invoices-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Period</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Razorpay invoice</th>
          </tr>
        </thead>
        <tbody>
          {invoices.length ? null : <EmptyRow columns={5} text="No invoices yet." />}
          {invoices.map((inv) => (
            <tr key={inv.id}>
              <td>{formatDate(inv.createdAt)}</td>
              <td>{inv.periodStart ? `${formatDate(inv.periodStart)} – ${formatDate(inv.periodEnd)}` : '—'}</td>
              <td>{formatMoney(inv.amount, inv.currency)}</td>
              <td>
                <StatusBadge status={inv.status} />
              </td>
              <td className="mono">{inv.razorpayInvoiceId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
