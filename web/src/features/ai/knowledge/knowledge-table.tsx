import { useState } from 'react';
import type { TKnowledgeDocument } from '@domain/ai';
import { deleteKnowledgeDocument } from '../../../api/ai';
import { Badge } from '../../../components/badge';
import { ConfirmButton } from '../../../components/confirm-button';
import { DataTable, type Column } from '../../../components/data-table';
import { describeError } from '../../forms/error-messages';

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

  const columns: Column<TKnowledgeDocument>[] = [
    { header: 'Document', cell: (d) => <strong>{d.title}</strong> },
    { header: 'Format', cell: (d) => <Badge>{formatLabels[d.format]}</Badge> },
    {
      header: 'Size',
      className: 'muted',
      cell: (d) => `${d.charCount.toLocaleString()} characters · ${d.chunkCount} ${d.chunkCount === 1 ? 'passage' : 'passages'}`,
    },
    { header: 'Added', className: 'muted', cell: (d) => new Date(d.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' }) },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'table__actions',
      cell: (d) => <ConfirmButton label="Delete" confirmLabel="Delete for good" busy={busyId === d.id} onConfirm={() => void remove(d)} testId="knowledge-delete" />,
    },
  ];
  return <DataTable rows={documents} columns={columns} rowKey={(d) => d.id} rowProps={() => ({ 'data-testid': 'knowledge-row' })} testId="knowledge-table" />;
}
