import { Writable } from 'node:stream';
import { createLogger, maskPhone } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logger redaction', () => {
  it('never writes message text, tokens, passwords, OTPs or phone numbers', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        phone: '+919812345678',
        to: '+919812345678',
        body: 'hello there',
        password: 'secret pw 1',
        otp: '123456',
        accessToken: 'eyJ.x.y',
        req: { headers: { authorization: 'Bearer eyJ.x.y', cookie: 'aerostic_refresh=abc' } },
        message: { text: 'private' },
      },
      'test',
    );
    const out = lines.join('');
    for (const secret of ['+919812345678', 'hello there', 'secret pw 1', '123456', 'eyJ.x.y', 'aerostic_refresh=abc', 'private']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('masks a phone number to its country code and last four digits', () => {
    expect(maskPhone('+919812345678')).toBe('+91******5678');
  });
});
