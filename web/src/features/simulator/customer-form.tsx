import { useState, type FormEvent } from 'react';
import { formatPhoneNumber } from '@domain/phone-display';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { E164, randomCustomer, recentCustomers, type Customer } from './customer-storage';

interface CustomerFormProps {
  customer: Customer;
  onChange: (customer: Customer) => void;
}

/** Who the phone belongs to. The name applies as typed; a new number applies on "Use number" (it opens another chat). */
export function CustomerForm({ customer, onChange }: CustomerFormProps) {
  const [phone, setPhone] = useState(customer.phone);
  const [error, setError] = useState<string | undefined>();
  const recent = recentCustomers().filter((c) => c.phone !== customer.phone);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const value = phone.trim();
    if (!E164.test(value)) return setError('Use the international format, such as +919812345678');
    setError(undefined);
    onChange({ ...customer, phone: value });
  };

  return (
    <form className="form" onSubmit={apply} data-testid="customer-form" noValidate>
      <div className="simulator__phone-row">
        <TextField
          name="customer-phone"
          label="Customer's phone number"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error}
          inputMode="tel"
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" data-testid="customer-apply" disabled={phone.trim() === customer.phone}>
          Use number
        </Button>
      </div>
      <TextField name="customer-name" label="Customer's WhatsApp name" value={customer.name} onChange={(e) => onChange({ ...customer, name: e.target.value })} autoComplete="off" />
      <div className="simulator__customers">
        <Button variant="ghost" size="sm" data-testid="customer-random" onClick={() => onChange(randomCustomer(customer.name))}>
          Random customer
        </Button>
        {recent.map((c) => (
          <button key={c.phone} type="button" className="phone-chip" onClick={() => onChange(c)} title={c.phone}>
            {c.name || formatPhoneNumber(c.phone)}
          </button>
        ))}
      </div>
    </form>
  );
}
