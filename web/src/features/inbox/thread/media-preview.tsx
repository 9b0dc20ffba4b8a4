import type { MediaRef } from './content-fields';
import { useMediaUrl } from './use-media-url';

const kindLabels: Record<string, string> = { image: 'Photo', video: 'Video', audio: 'Voice message', document: 'Document', sticker: 'Sticker' };

function MediaElement({ media, url }: { media: MediaRef; url: string }) {
  const name = media.filename ?? kindLabels[media.kind] ?? 'File';
  if (media.kind === 'image' || media.kind === 'sticker') return <img className="media-preview__image" src={url} alt={media.caption ?? name} data-testid="media-image" />;
  if (media.kind === 'video') return <video className="media-preview__video" src={url} controls preload="metadata" data-testid="media-video" />;
  if (media.kind === 'audio') return <audio src={url} controls preload="metadata" data-testid="media-audio" />;
  return (
    <a className="media-preview__file" href={url} download={media.filename ?? true} data-testid="media-document">
      📄 {name}
    </a>
  );
}

function StoredMedia({ media, fileId }: { media: MediaRef; fileId: string }) {
  const state = useMediaUrl(fileId);
  if (state.status === 'loading') return <span className="media-preview__placeholder">Loading {kindLabels[media.kind]?.toLowerCase() ?? 'file'}…</span>;
  if (state.status === 'error') return <span className="media-preview__placeholder">Could not load the file: {state.message}</span>;
  return <MediaElement media={media} url={state.url} />;
}

/** Photos inline, video and audio as players, documents as a download; the caption underneath. */
export function MediaPreview({ media }: { media: MediaRef }) {
  return (
    <div className="media-preview">
      {media.fileId ? (
        <StoredMedia media={media} fileId={media.fileId} />
      ) : media.link ? (
        <MediaElement media={media} url={media.link} />
      ) : (
        <span className="media-preview__placeholder">{kindLabels[media.kind] ?? 'File'} (not stored)</span>
      )}
      {media.caption ? <p className="bubble__text">{media.caption}</p> : null}
    </div>
  );
}
