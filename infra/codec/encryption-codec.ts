import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { decode as utf8Decode, encode as utf8Encode } from '@temporalio/common/lib/encoding';
import { temporal } from '@temporalio/proto';
import type { EncryptionKey } from '../../config';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;

/**
 * AES-256-GCM over the whole serialized payload (its metadata too, so even the payload's type stays
 * private). Layout `iv | ciphertext | tag`, as WebCrypto and Temporal's encryption sample write it.
 * The first key encrypts; a payload names its key, so any configured key can still decrypt after a rotation.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: EncryptionKey;

  /**
   * `readPlaintext` only for the codec server: Temporal UI shows history as stored, and a plaintext
   * payload found there is already readable. Workers and clients refuse it, so nothing sent around
   * the codec (a raw client, the CLI without `--codec-endpoint`) is ever obeyed.
   */
  constructor(
    keys: EncryptionKey[],
    private readonly options: { readPlaintext?: boolean } = {},
  ) {
    if (keys.length === 0) throw new ValueError('EncryptionCodec needs at least one key');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new ValueError(`encryption key "${id}" must be 32 bytes`);
    }
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    if (this.keys.size !== keys.length) throw new ValueError('encryption key ids must be unique');
    this.current = keys[0];
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const plain = ProtoPayload.encode(payload).finish();
    return {
      metadata: { [METADATA_ENCODING_KEY]: utf8Encode(ENCRYPTED_ENCODING), [METADATA_KEY_ID]: utf8Encode(this.current.id) },
      data: Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || utf8Decode(encoding) !== ENCRYPTED_ENCODING) {
      if (this.options.readPlaintext) return payload;
      throw new ValueError('refusing an unencrypted payload: every client of this namespace must encrypt');
    }
    const keyIdBytes = payload.metadata?.[METADATA_KEY_ID];
    if (!keyIdBytes) throw new ValueError('encrypted payload has no encryption key id');
    const keyId = utf8Decode(keyIdBytes);
    const key = this.keys.get(keyId);
    if (!key) throw new ValueError(`encryption key "${keyId}" is not configured`);
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new ValueError(`encrypted payload failed authentication with key "${keyId}"`);
    }
    return ProtoPayload.decode(plain);
  }
}

/**
 * What every Temporal client and worker of the product uses, so no payload reaches history in clear.
 * The failure converter moves failure messages and stack traces into an encoded payload, which the
 * codec then encrypts; it is loaded by path because workflow code needs it inside its sandbox.
 */
export function encryptedDataConverter(keys: EncryptionKey[]): { payloadCodecs: PayloadCodec[]; failureConverterPath: string } {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath };
}

export const failureConverterPath = require.resolve('./failure-converter');
