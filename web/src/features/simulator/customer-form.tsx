import { useState, type FormEvent } from 'react';
import { formatPhoneNumber } from '@domain/phone-display';
import { z } from 'zod';
import { ZPhoneSchema } from '@domain/auth';
import { Button } from '../../components/button';
import { SubmitButton } from '../../components/submit-button';
import { TextField } from '../../components/text-field';
import { useFormCheck } from '../forms/use-form-check';
import { randomCustomer, recentCustomers, type Customer } from './customer-storage';

const ZCustomerPhoneSchema = z.object({ phone: ZPhoneSchema });

interface CustomerFormProps {
  customer: Customer;
  onChange: (customer: Customer) => void;
}

/** Who the phone belongs to. The name applies as typed; a new number applies on "Use number" (it opens another chat). */
export function CustomerForm({ customer, onChange }: CustomerFormProps) {
  const [phone, setPhone] = useState(customer.phone);
  const check = useFormCheck(ZCustomerPhoneSchema, { phone });
  const recent = recentCustomers().filter((c) => c.phone !== customer.phone);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZCustomerPhoneSchema.safeParse({ phone });
    if (parsed.success) onChange({ ...customer, phone: parsed.data.phone });
  };

  return (
    <form className="form" onSubmit={apply} data-testid="customer-form" noValidate>
      <div className="simulator__phone-row">
        <TextField
          name="customer-phone"
          label="Customer's phone number"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={check.errors.phone}
          inputMode="tel"
          autoComplete="off"
        />
        <SubmitButton variant="secondary" data-testid="customer-apply" reason={check.reason} disabled={phone.trim() === customer.phone}>
          Use number
        </SubmitButton>
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
