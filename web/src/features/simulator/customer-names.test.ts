import { customerNames, pickCustomerName } from './customer-names';

describe('random customer names', () => {
  it('never repeats a name (nor a first name) of the current and recent customers', () => {
    const taken: string[] = [];
    for (let i = 0; i < 16; i++) taken.push(pickCustomerName(taken));
    expect(new Set(taken).size).toBe(16);
    expect(new Set(taken.map((n) => n.split(' ')[0])).size).toBe(16);
  });

  it('avoids taken names even when the random source keeps landing on the same spot', () => {
    const stuck = () => 0;
    const first = pickCustomerName([], stuck);
    const second = pickCustomerName([first], stuck);
    const third = pickCustomerName([first, second], stuck);
    expect(new Set([first, second, third]).size).toBe(3);
  });

  it('still gives a name when every name is taken, and ignores case and spaces in taken names', () => {
    expect(customerNames).toContain(pickCustomerName(customerNames));
    expect(pickCustomerName(['  meera iyer '], () => 0)).not.toMatch(/^Meera/);
  });
});
