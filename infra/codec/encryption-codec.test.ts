import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, ValueError, type Payload } from '@temporalio/common';
import { EncryptionCodec, ENCRYPTED_ENCODING, METADATA_KEY_ID } from './encryption-codec';

const oldKey = { id: 'k1', key: randomBytes(32) };
const newKey = { id: 'k2', key: randomBytes(32) };
const secret = { text: 'meet me at 6, the door code is 4711', phone: '+919812345678' };
const plain = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const read = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);

describe('EncryptionCodec', () => {
  it('encrypts the whole payload under the current key and restores it exactly', async () => {
    const codec = new EncryptionCodec([newKey, oldKey]);
    const original = plain(secret);
    const [encrypted] = await codec.encode([original]);
    expect(text(encrypted.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[METADATA_KEY_ID])).toBe('k2');
    expect(Object.keys(encrypted.metadata ?? {}).sort()).toEqual([METADATA_ENCODING_KEY, METADATA_KEY_ID].sort());
    expect(text(encrypted.data)).not.toContain('door code');
    expect(text(encrypted.data)).not.toContain('9812345678');
    expect(text(encrypted.data)).not.toContain('json/plain');

    const [decoded] = await codec.decode([encrypted]);
    expect(read(decoded)).toEqual(secret);
    expect(text(decoded.metadata?.[METADATA_ENCODING_KEY])).toBe('json/plain');
  });

  it('uses a fresh IV each time: the same value never encrypts the same', async () => {
    const codec = new EncryptionCodec([newKey]);
    const [a, b] = await codec.encode([plain(secret), plain(secret)]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('after a rotation, decodes payloads of the old key and encodes with the new one', async () => {
    const [beforeRotation] = await new EncryptionCodec([oldKey]).encode([plain(secret)]);
    const rotated = new EncryptionCodec([newKey, oldKey]);
    expect(read((await rotated.decode([beforeRotation]))[0])).toEqual(secret);
    const [afterRotation] = await rotated.encode([plain(secret)]);
    expect(text(afterRotation.metadata?.[METADATA_KEY_ID])).toBe('k2');
  });

  it('refuses a payload that was never encrypted (a client without the codec), unless reading for the codec server', async () => {
    const original = plain({ command: 'converted' });
    await expect(new EncryptionCodec([newKey]).decode([original])).rejects.toThrow(new ValueError('refusing an unencrypted payload: every client of this namespace must encrypt'));
    await expect(new EncryptionCodec([newKey]).decode([{ data: original.data }])).rejects.toThrow(/unencrypted payload/);
    const [shown] = await new EncryptionCodec([newKey], { readPlaintext: true }).decode([original]);
    expect(shown).toBe(original);
  });

  it('refuses a payload whose key is no longer configured, a tampered one and one without key id', async () => {
    const [old] = await new EncryptionCodec([oldKey]).encode([plain(secret)]);
    const codec = new EncryptionCodec([newKey]);
    await expect(codec.decode([old])).rejects.toThrow(new ValueError('encryption key "k1" is not configured'));

    const [good] = await codec.encode([plain(secret)]);
    const tampered = Buffer.from(good.data!);
    tampered[20] ^= 1;
    await expect(codec.decode([{ ...good, data: tampered }])).rejects.toThrow(/failed authentication/);

    const { [METADATA_KEY_ID]: _dropped, ...withoutKeyId } = good.metadata!;
    await expect(codec.decode([{ ...good, metadata: withoutKeyId }])).rejects.toThrow(/no encryption key id/);
  });

  it('refuses a key id pointing at another configured key (the tag binds the key)', async () => {
    const codec = new EncryptionCodec([newKey, oldKey]);
    const [good] = await codec.encode([plain(secret)]);
    const relabelled = { ...good, metadata: { ...good.metadata, [METADATA_KEY_ID]: Buffer.from('k1') } };
    await expect(codec.decode([relabelled])).rejects.toThrow(/failed authentication/);
  });

  it('needs at least one 32-byte key with unique ids', () => {
    expect(() => new EncryptionCodec([])).toThrow(/at least one key/);
    expect(() => new EncryptionCodec([{ id: 'short', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new EncryptionCodec([newKey, { ...oldKey, id: 'k2' }])).toThrow(/unique/);
  });
});
