import { z } from 'zod';
import { codePoints, text } from './text';

describe('text(max)', () => {
  it('counts characters as JSON Schema does: three emoji fit in three, four letters do not', () => {
    expect(codePoints('😀😀😀')).toBe(3);
    expect(text(3).safeParse('😀😀😀').success).toBe(true);
    expect(z.string().max(3).safeParse('😀😀😀').success).toBe(false);
    const refused = text(3).safeParse('abcd');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 3, origin: 'string' });
  });

  it('checks the length as sent, before a trim, and documents it as maxLength', () => {
    const name = text(3).trim().min(1);
    expect(name.safeParse(' ab ').success).toBe(false);
    expect(name.safeParse(' a ').data).toBe('a');
    expect(z.toJSONSchema(name)).toMatchObject({ type: 'string', minLength: 1, maxLength: 3 });
  });
});
