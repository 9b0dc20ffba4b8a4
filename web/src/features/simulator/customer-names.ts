const FIRST = ['Meera', 'Rahul', 'Ananya', 'Arjun', 'Fatima', 'Vikram', 'Sara', 'Kabir', 'Priya', 'Rohan', 'Isha', 'Dev', 'Neha', 'Aditya', 'Zoya', 'Karan'];
const LAST = ['Iyer', 'Verma', 'Das', 'Nair', 'Khan', 'Singh', 'Thomas', 'Mehta', 'Rao', 'Gupta', 'Shah', 'Menon', 'Joshi', 'Pillai', 'Bose', 'Kapoor'];

/** Every name the simulator invents (first × last: 256 of them). */
export const customerNames: readonly string[] = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`));

/**
 * A name for a new simulated customer that none of `taken` (the current and recent customers) has, so
 * two chats are never told apart by phone number alone. Falls back to any name once all are taken.
 */
export function pickCustomerName(taken: Iterable<string>, random: () => number = Math.random): string {
  const used = new Set([...taken].map((n) => n.trim().toLowerCase()));
  // A first name already in use is avoided too: "Meera Iyer" and "Meera Rao" look alike in a list.
  const usedFirst = new Set([...used].map((n) => n.split(' ')[0]));
  const fresh = customerNames.filter((n) => !used.has(n.toLowerCase()) && !usedFirst.has(n.split(' ')[0].toLowerCase()));
  const pool = fresh.length > 0 ? fresh : customerNames.filter((n) => !used.has(n.toLowerCase()));
  const from = pool.length > 0 ? pool : customerNames;
  return from[Math.floor(random() * from.length)];
}
