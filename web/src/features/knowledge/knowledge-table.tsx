import { useState } from 'react';
import type { TKnowledgeDocument } from '@domain/ai';
import { deleteKnowledgeDocument } from '../../api/ai';
import { Badge } from '../../components/badge';
import { ConfirmButton } from '../../components/confirm-button';
import { describeError } from '../forms/error-messages';

interface Props {
  documents: TKnowledgeDocument[];
  onDeleted(id: string): void;
  onError(message: string | null): void;
}

const formatLabels = { text: 'Text', markdown: 'Markdown', pdf: 'PDF' } as const;

export function KnowledgeTable({ documents, onDeleted, onError }: Props) {
  const [busyId, setBusyId] = useState<string | null>(null);

  async function remove(doc: TKnowledgeDocument) {
    setBusyId(doc.id);
    onError(null);
    try {
      await deleteKnowledgeDocument(doc.id);
      onDeleted(doc.id);
    } catch (err) {
      onError(`${doc.title}: ${describeError(err)}`);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="table-wrap">
      <table className="table" data-testid="knowledge-table">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Format</th>
            <th scope="col">Size</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id} data-testid="knowledge-row">
              <td>
                <strong>{d.title}</strong>
              </td>
              <td>
                <Badge>{formatLabels[d.format]}</Badge>
              </td>
              <td className="muted">
                {d.charCount.toLocaleString()} characters · {d.chunkCount} {d.chunkCount === 1 ? 'passage' : 'passages'}
              </td>
              <td className="muted">{new Date(d.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</td>
              <td className="table__actions">
                <ConfirmButton label="Delete" confirmLabel="Delete for good" busy={busyId === d.id} onConfirm={() => void remove(d)} testId="knowledge-delete" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
