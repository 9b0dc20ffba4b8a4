import { createDatabase } from '../../db/connection';
import { ensureMessagePartitions } from '../../db/system/message-partitions';

describe('messages partitioned by month', () => {
  it('creates the coming months’ partitions once, idempotently', async () => {
    const db = createDatabase(process.env.DATABASE_URL!, { poolMax: 1 });
    try {
      const year = 2100 + Math.floor(Math.random() * 800);
      const far = new Date(Date.UTC(year, 0, 15));
      const first = await ensureMessagePartitions(db.system, 1, far);
      const again = await ensureMessagePartitions(db.system, 1, far);
      expect(first).toEqual([`messages_${year}_01`, `messages_${year}_02`]);
      expect(again).toEqual([]);
      const parts = await db.system.raw("select inhrelid::regclass::text as name from pg_inherits where inhparent = 'messages'::regclass");
      expect(parts.rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['messages_default', `messages_${year}_01`, `messages_${year}_02`]));
    } finally {
      await db.destroy();
    }
  });
});
