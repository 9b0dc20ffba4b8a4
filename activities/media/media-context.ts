import type { AppConfig, EncryptionKey } from '../../config';
import type { Database } from '../../db/connection';
import { createLocalMediaStorage, type MediaStorage } from '../../db/media/storage';
import { createGraphClient, type GraphClient } from '../../integrations/meta/graph-client';

export interface MediaActivityDeps {
  db: Database;
  config: Pick<AppConfig, 'dataDir' | 'meta' | 'encryptionKeys'>;
}

/** What the media activities share, built once per worker. */
export interface MediaContext {
  db: Database;
  graph: GraphClient;
  storage: MediaStorage;
  encryptionKeys: EncryptionKey[];
}

export function createMediaContext({ db, config }: MediaActivityDeps): MediaContext {
  return { db, graph: createGraphClient(config.meta), storage: createLocalMediaStorage(config.dataDir), encryptionKeys: config.encryptionKeys };
}
