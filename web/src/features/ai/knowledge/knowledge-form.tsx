import { useState, type FormEvent } from 'react';
import { ZKnowledgeDocumentCreateSchema, type TKnowledgeDocument } from '@domain/ai';
import { addKnowledgeDocument } from '../../../api/ai';
import { Alert } from '../../../components/alert';
import { SelectField } from '../../../components/select-field';
import { SubmitButton } from '../../../components/submit-button';
import { TextAreaField } from '../../../components/text-area-field';
import { TextField } from '../../../components/text-field';
import { formErrorsFrom, zodFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { useFormCheck } from '../../forms/use-form-check';
import { readKnowledgeFile, titleFromFileName } from './knowledge-file';

type Source = 'paste' | 'file';
const fields = ['title', 'format', 'content'] as const;
const formatOptions = [
  { value: 'text', label: 'Plain text' },
  { value: 'markdown', label: 'Markdown' },
];

/** A document for the AI to quote: pasted text or Markdown, or a .pdf/.txt/.md file (POST /ai/knowledge). */
export function KnowledgeForm({ onAdded }: { onAdded(doc: TKnowledgeDocument): void }) {
  const [source, setSource] = useState<Source>('paste');
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<'text' | 'markdown'>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A chosen file is read only on submit; until then its name stands in for the text.
  const input =
    source === 'paste' ? { title, format, content: text } : { title: title || (file ? titleFromFileName(file.name) : 'file'), format: 'text', content: file?.name ?? 'none' };
  const check = useFormCheck(ZKnowledgeDocumentCreateSchema, input, {
    extra: source === 'file' && !file ? [{ path: 'content', message: 'Choose a file' }] : [],
    labels: { title: 'Title', format: 'Format', content: source === 'paste' ? 'Text' : 'File' },
  });
  const shown = { ...errors, ...check.errors };

  async function body() {
    if (source === 'paste') return { title, format, content: text };
    if (!file) throw new Error('Choose a file.');
    return { title: title || titleFromFileName(file.name), ...(await readKnowledgeFile(file)) };
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAlert(null);
    let candidate;
    try {
      candidate = await body();
    } catch (err) {
      return setErrors({ content: (err as Error).message });
    }
    const parsed = ZKnowledgeDocumentCreateSchema.safeParse(candidate);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      onAdded(await addKnowledgeDocument(parsed.data));
      setTitle('');
      setText('');
      setFile(null);
      setFileKey((k) => k + 1);
    } catch (err) {
      const result = formErrorsFrom(err, fields);
      setErrors(result.fields);
      setAlert(result.alert);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="knowledge-form">
      {alert ? <Alert>{alert}</Alert> : null}
      <div className="segmented" role="radiogroup" aria-label="Source">
        {(['paste', 'file'] as const).map((s) => (
          <label key={s} className={`segmented__option${source === s ? ' is-active' : ''}`}>
            <input type="radio" name="knowledge-source" value={s} checked={source === s} onChange={() => setSource(s)} data-testid={`knowledge-source-${s}`} />
            {s === 'paste' ? 'Paste text' : 'Upload a file'}
          </label>
        ))}
      </div>
      <TextField
        name="knowledge-title"
        label="Title"
        value={title}
        error={shown.title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={source === 'file' ? 'Defaults to the file name' : 'e.g. Return policy'}
      />
      {source === 'paste' ? (
        <>
          <SelectField
            name="knowledge-format"
            label="Format"
            options={formatOptions}
            value={format}
            error={shown.format}
            onChange={(e) => setFormat(e.target.value as 'text' | 'markdown')}
          />
          <TextAreaField
            name="knowledge-content"
            label="Text"
            rows={8}
            value={text}
            error={shown.content}
            onChange={(e) => setText(e.target.value)}
            placeholder="Paste your FAQ, policies, price list…"
          />
        </>
      ) : (
        <div className={`field${shown.content ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="knowledge-file">
            File
          </label>
          <input
            key={fileKey}
            id="knowledge-file"
            type="file"
            accept=".pdf,.txt,.md,.markdown,application/pdf,text/plain,text/markdown"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={shown.content ? true : undefined}
            aria-describedby={shown.content ? 'knowledge-file-error' : undefined}
            data-testid="knowledge-file-input"
          />
          {shown.content ? (
            <p id="knowledge-file-error" className="field__error" data-testid="knowledge-content-error">
              {shown.content}
            </p>
          ) : (
            <p className="field__hint">PDF, plain text or Markdown. The text is split into passages the AI can search.</p>
          )}
        </div>
      )}
      <SubmitButton busy={busy} reason={check.reason} data-testid="knowledge-submit">
        Add to knowledge base
      </SubmitButton>
    </form>
  );
}
