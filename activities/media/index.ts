import { createMediaContext, type MediaActivityDeps } from './media-context';
import { storeInboundMedia, type StoreInboundMediaInput } from './store-inbound-media';
import { uploadMediaToMeta, type UploadMediaToMetaInput } from './upload-media-to-meta';

export type { MediaActivityDeps } from './media-context';
export type { StoreInboundMediaInput, StoredInboundMedia } from './store-inbound-media';
export type { UploadMediaToMetaInput } from './upload-media-to-meta';

/** Media in and out of Meta; the bytes live in our storage, the token stays inside the activity. */
export function createMediaActivities(deps: MediaActivityDeps) {
  const ctx = createMediaContext(deps);
  return {
    storeInboundMedia: (input: StoreInboundMediaInput) => storeInboundMedia(ctx, input),
    uploadMediaToMeta: (input: UploadMediaToMetaInput) => uploadMediaToMeta(ctx, input),
  };
}

export type MediaActivities = ReturnType<typeof createMediaActivities>;
