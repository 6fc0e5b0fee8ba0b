import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../../../shared/agenda.js';
import { MAX_MATERIAL_BYTES, type ExpertMaterial } from '../../../../../shared/materials.js';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { Field } from '../../../../components/Field.js';
import { useErrorText } from '../../../../components/errorText.js';
import { useCommand } from '../../../../components/useCommand.js';
import { useTopicList } from '../../../../stores/topics.js';
import { formatBytes } from '../model.js';
import '../roomNotes.css';

const byTitle = (a: ExpertMaterial, b: ExpertMaterial) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title);

/** The experts' materials: links and files for the tables and the read-only view, per expert. */
export function Materials() {
  const { t } = useTranslation();
  const experts = useTopicList('experts', 'name');
  const materials = useTopicList('materials', byTitle);
  return (
    <div className="materials">
      <h1>{t('materials.title')}</h1>
      <p className="lead">{t('materials.lead')}</p>
      {experts.length === 0 ? (
        <p className="empty">{t('materials.noExperts')}</p>
      ) : (
        experts.map((e) => <ExpertMaterials key={e.id} expert={e} materials={materials.filter((m) => m.expertId === e.id)} />)
      )}
    </div>
  );
}

function ExpertMaterials({ expert, materials }: { expert: Expert; materials: ExpertMaterial[] }) {
  const { t } = useTranslation();
  const headingId = `expert-${expert.id}`;
  const about = [expert.title, expert.organisation].filter(Boolean).join(', ');
  return (
    <section className="panel-section expert-materials" aria-labelledby={headingId}>
      <h2 id={headingId}>{expert.name}</h2>
      {about && <p className="muted">{about}</p>}
      {materials.length === 0 ? (
        <p className="empty">{t('materials.none')}</p>
      ) : (
        <ul className="mat-list">
          {materials.map((m) => (
            <MaterialRow key={m.id} material={m} />
          ))}
        </ul>
      )}
      <details className="mat-add">
        <summary>{t('materials.addFor', { name: expert.name })}</summary>
        <div className="mat-forms">
          <LinkForm expert={expert} />
          <UploadForm expert={expert} />
        </div>
      </details>
    </section>
  );
}

function MaterialRow({ material: m }: { material: ExpertMaterial }) {
  const { t, i18n } = useTranslation();
  const remove = useCommand();
  const [confirm, setConfirm] = useState(false);
  const href = m.url ?? `/api/materials/${encodeURIComponent(m.id)}`;
  return (
    <li className="mat-item">
      <span className="mat-kind badge">{m.url ? t('materials.link') : t('materials.file')}</span>
      <span className="mat-main">
        <a href={href} target="_blank" rel="noopener noreferrer">
          {m.title}
          <span className="sr-only"> ({t('materials.newTab')})</span>
        </a>
        <span className="muted mat-detail">
          {m.url ? m.url : `${m.fileName ?? ''}${m.bytes !== null ? ` · ${formatBytes(m.bytes, i18n.language)}` : ''}`}
        </span>
      </span>
      <button type="button" className="small danger" onClick={() => setConfirm(true)} aria-label={t('materials.removeNamed', { title: m.title })}>
        {t('materials.remove')}
      </button>
      <ErrorAlert error={remove.error} />
      <ConfirmDialog
        open={confirm}
        title={t('materials.removeTitle')}
        message={t('materials.removeText', { title: m.title })}
        confirmLabel={t('materials.remove')}
        danger
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void remove.run('materials.remove', { materialId: m.id });
        }}
      />
    </li>
  );
}

function LinkForm({ expert }: { expert: Expert }) {
  const { t } = useTranslation();
  const add = useCommand();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ title?: string; url?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!title.trim()) next.title = t('validation.required');
    if (!/^https?:\/\/\S+\.\S+/i.test(url.trim())) next.url = t('materials.badUrl');
    setErrors(next);
    if (next.title || next.url) return;
    if ((await add.run('materials.addLink', { expertId: expert.id, title: title.trim(), url: url.trim() })) !== undefined) {
      setTitle('');
      setUrl('');
    }
  }

  return (
    <form className="mat-form" onSubmit={submit} noValidate aria-label={t('materials.addLinkFor', { name: expert.name })}>
      <h3>{t('materials.addLink')}</h3>
      <Field label={t('materials.linkTitle')} error={errors.title ?? null}>
        {({ id, describedBy, invalid }) => <input id={id} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <Field label={t('materials.url')} error={errors.url ?? null}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="url" inputMode="url" placeholder="https://" value={url} maxLength={2000} onChange={(e) => setUrl(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      <ErrorAlert error={add.error} />
      <button type="submit" disabled={add.busy}>
        {t('materials.addLinkButton')}
      </button>
    </form>
  );
}

type UploadState = { phase: 'idle' } | { phase: 'sending'; fraction: number } | { phase: 'done'; title: string } | { phase: 'error'; error: unknown };

/** Sends the file itself as the request body; the hub answers {id} or {error}. */
function upload(expertId: string, title: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const params = new URLSearchParams({ expertId, title, fileName: file.name });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/materials?${params.toString()}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      if (xhr.status === 413) return reject({ code: 'materials.tooLarge', params: {} });
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { code?: string; params?: Record<string, string | number> } };
        if (body.error?.code) return reject(body.error);
      } catch {
        // not JSON: fall through
      }
      reject({ code: 'internal', params: {} });
    };
    xhr.onerror = () => reject({ code: 'internal', params: { reason: 'network' } });
    xhr.send(file);
  });
}

function UploadForm({ expert }: { expert: Expert }) {
  const { t, i18n } = useTranslation();
  const text = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ title?: string; file?: string }>({});
  const [state, setState] = useState<UploadState>({ phase: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    const name = title.trim() || file?.name.replace(/\.[^.]+$/, '') || '';
    if (!file) next.file = t('materials.chooseFile');
    else if (file.size === 0) next.file = t('materials.emptyFile');
    else if (file.size > MAX_MATERIAL_BYTES) next.file = t('materials.fileTooLarge', { max: formatBytes(MAX_MATERIAL_BYTES, i18n.language) });
    if (!name) next.title = t('validation.required');
    setErrors(next);
    if (next.file || next.title || !file) return;
    setState({ phase: 'sending', fraction: 0 });
    try {
      await upload(expert.id, name.slice(0, 200), file, (fraction) => setState({ phase: 'sending', fraction }));
      setState({ phase: 'done', title: name });
      setTitle('');
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    } catch (error) {
      setState({ phase: 'error', error });
    }
  }

  const sending = state.phase === 'sending';
  return (
    <form className="mat-form" onSubmit={submit} noValidate aria-label={t('materials.uploadFor', { name: expert.name })}>
      <h3>{t('materials.upload')}</h3>
      <Field label={t('materials.fileTitle')} hint={t('materials.fileTitleHint')} error={errors.title ?? null}>
        {({ id, describedBy, invalid }) => <input id={id} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />}
      </Field>
      <Field label={t('materials.fileLabel')} hint={t('materials.fileHint', { max: formatBytes(MAX_MATERIAL_BYTES, i18n.language) })} error={errors.file ?? null}>
        {({ id, describedBy, invalid }) => (
          <input id={id} ref={fileRef} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby={describedBy} aria-invalid={invalid} />
        )}
      </Field>
      {sending && (
        <p className="upload-progress">
          <label htmlFor={`progress-${expert.id}`}>{t('materials.sending')}</label>{' '}
          <progress id={`progress-${expert.id}`} max={1} value={state.fraction} /> {Math.round(state.fraction * 100)} %
        </p>
      )}
      {state.phase === 'error' && (
        <p className="alert alert-error" role="alert">
          {text(state.error)}
        </p>
      )}
      <p className="save-state" role="status">
        {state.phase === 'done' ? t('materials.uploaded', { title: state.title }) : ''}
      </p>
      <button type="submit" disabled={sending}>
        {t('materials.uploadButton')}
      </button>
    </form>
  );
}
