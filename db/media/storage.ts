import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  size: number;
  /** Lowercase hex of the bytes as written. */
  sha256: string;
}

export interface MediaObject {
  stream: Readable;
  mimeType: string;
  size: number;
}

/**
 * Where media bytes live. Keys come from `newMediaKey()`, never from a request, so no caller can
 * name a path; the tenant id partitions the space so one tenant's key can never reach another's file.
 */
export interface MediaStorage {
  put(tenantId: string, key: string, body: Buffer | Readable, mimeType: string): Promise<StoredObject>;
  get(tenantId: string, key: string): Promise<MediaObject | undefined>;
  remove(tenantId: string, key: string): Promise<void>;
}

export function newMediaKey(): string {
  return randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The embedded implementation: `<dataDir>/media/<tenantId>/<key>`, with the MIME type beside it. */
export function createLocalMediaStorage(dataDir: string): MediaStorage {
  const root = join(dataDir, 'media');
  const pathOf = (tenantId: string, key: string) => {
    // Defence in depth: both parts are ids we generated, so anything else is a bug, not a request.
    if (!UUID.test(tenantId) || !UUID.test(key)) throw new Error('media storage: tenant id and key must be UUIDs');
    return join(root, tenantId.toLowerCase(), key.toLowerCase());
  };

  return {
    async put(tenantId, key, body, mimeType) {
      const path = pathOf(tenantId, key);
      await mkdir(join(path, '..'), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      // Written under a temporary name and renamed, so a crash never leaves a partial file under the key.
      const temp = `${path}.${randomUUID()}.part`;
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, measure, createWriteStream(temp, { flags: 'wx' }));
        await writeFile(`${path}.json`, JSON.stringify({ mimeType }));
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { size, sha256: hash.digest('hex') };
    },

    async get(tenantId, key) {
      const path = pathOf(tenantId, key);
      try {
        const [info, meta] = await Promise.all([stat(path), readFile(`${path}.json`, 'utf8')]);
        return { stream: createReadStream(path), size: info.size, mimeType: (JSON.parse(meta) as { mimeType: string }).mimeType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },

    async remove(tenantId, key) {
      const path = pathOf(tenantId, key);
      await Promise.all([rm(path, { force: true }), rm(`${path}.json`, { force: true })]);
    },
  };
}
