import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  const id = '3f2a0c1e-9b7d-4c6a-8e5f-0a1b2c3d4e5f';

  it('round-trips Postgres timestamps to the microsecond, whatever the offset', () => {
    const cursor = encodeCursor({ at: '2026-12-03 07:15:42.123456+00', id }, ['at', 'id']);
    expect(decodeCursor(cursor, ['at', 'id'])).toEqual({ at: '2026-12-03T07:15:42.123456Z', id });
    const shifted = encodeCursor({ at: '2026-12-03 12:45:42.5+05:30', id }, ['at', 'id']);
    expect(decodeCursor(shifted, ['at', 'id'])).toEqual({ at: '2026-12-03T07:15:42.500000Z', id });
  });

  it('refuses forged cursors with invalid_cursor', () => {
    const forged = ['eyJhdCI6IngiLCJpZCI6InkifQ', `1_${id}'; drop table users;--`, '00', `99999999999999999_${id}`, `${Date.now()}000_not-a-uuid`];
    for (const cursor of forged) expect(() => decodeCursor(cursor, ['at', 'id'])).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(undefined, ['at', 'id'])).toBeUndefined();
    expect(decodeCursor('', ['at', 'id'])).toBeUndefined();
  });
});
