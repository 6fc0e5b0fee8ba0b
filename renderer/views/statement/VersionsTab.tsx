import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../shared/diff.js';
import type { StatementVersionInfo } from '../../../shared/statement.js';
import { diffSnapshots, type StatementDiff } from '../../../shared/statementDiff.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { hub } from '../../hub/client.js';
import { useTopic } from '../../stores/topics.js';
import { personName, useDraft } from './model.js';

function when(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Word-level changes: removed words struck through, added ones underlined, both named for screen readers. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <p className="diff-text">
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'added' ? (
          <ins key={i}>
            <span className="sr-only">[{t('statement.diff.addedSr')}: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="sr-only">[{t('statement.diff.removedSr')}: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </p>
  );
}

function DiffView({ diff, from, to }: { diff: StatementDiff; from: string; to: string }) {
  const { t } = useTranslation();
  const changedSections = diff.sections.filter((s) => s.status !== 'same' || s.blocks.some((b) => b.status !== 'same'));
  const total = diff.counts.added + diff.counts.removed + diff.counts.changed + diff.counts.moved + diff.meta.length;
  return (
    <section className="diff" aria-labelledby="diff-h">
      <h2 id="diff-h">{t('statement.diff.title', { from, to })}</h2>
      <p role="status">{total === 0 ? t('statement.diff.none') : t('statement.diff.summary', diff.counts)}</p>
      <p className="diff-legend">
        <del>{t('statement.diff.removed')}</del> <ins>{t('statement.diff.added')}</ins>
      </p>
      {diff.meta.map((m) => (
        <div key={m.field} className="diff-block diff-changed">
          <p className="diff-label">{t(`statement.diff.field.${m.field}`)}</p>
          <DiffText parts={m.parts} />
        </div>
      ))}
      {changedSections.map((s) => (
        <section key={s.id} className={`diff-section diff-${s.status}`} aria-label={s.title.map((p) => p.text).join('')}>
          <h3>
            <DiffText parts={s.title} />
          </h3>
          {s.blocks
            .filter((b) => b.status !== 'same')
            .map((b) => (
              <div key={b.id} className={`diff-block diff-${b.status}`}>
                <p className="diff-label">
                  <span className={`badge diff-badge-${b.status}`}>{t(`statement.diff.status.${b.status}`)}</span>{' '}
                  {b.kind === 'recommendation' ? t('statement.recommendationN', { n: b.number ?? '?', title: b.label }) : t(`statement.kind.${b.kind}`)}
                </p>
                {b.fields.map((f) => (
                  <div key={f.field}>
                    <p className="diff-field">{t(`statement.diff.field.${f.field}`)}</p>
                    <DiffText parts={f.parts} />
                  </div>
                ))}
              </div>
            ))}
        </section>
      ))}
    </section>
  );
}

/** Named versions: save one, compare any two (or one with the current draft), restore one. */
export function VersionsTab() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const versions = Object.values(useTopic('statementVersions')).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [diff, setDiff] = useState<{ diff: StatementDiff; from: string; to: string } | null>(null);
  const [restore, setRestore] = useState<StatementVersionInfo | null>(null);
  const [saved, setSaved] = useState('');
  const save = useCommand();
  const compare = useCommand();
  const label = (vid: string) => (vid === 'current' ? t('statement.versions.current') : (versions.find((v) => v.id === vid)?.name ?? vid));
  const fromId = from || versions[0]?.id || '';

  const runCompare = async (a: string, b: string) => {
    compare.setError(null);
    try {
      const [before, after] = await Promise.all([hub.send('statement.version', { versionId: a }), hub.send('statement.version', { versionId: b })]);
      setDiff({ diff: diffSnapshots(before, after), from: label(a), to: label(b) });
    } catch (caught) {
      compare.setError(caught);
    }
  };

  return (
    <div className="versions-tab">
      {!draft.final && (
        <form
          className="card"
          onSubmit={async (e) => {
            e.preventDefault();
            if ((await save.run('statement.saveVersion', { name })) !== undefined) {
              setSaved(t('statement.versions.saved', { name }));
              setName('');
            }
          }}
        >
          <label htmlFor={`${id}-name`} className="field-label">
            {t('statement.versions.name')}
          </label>
          <p className="hint" id={`${id}-hint`}>
            {t('statement.versions.nameHint')}
          </p>
          <div className="inline">
            <input id={`${id}-name`} aria-describedby={`${id}-hint`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            <button type="submit" className="primary" disabled={save.busy}>
              {t('statement.versions.save')}
            </button>
          </div>
          <p className="save-state" role="status">
            {saved}
          </p>
          <ErrorAlert error={save.error} />
        </form>
      )}

      <section aria-labelledby={`${id}-list`} className="panel-section">
        <h2 id={`${id}-list`}>{t('statement.versions.title')}</h2>
        {versions.length === 0 ? (
          <p className="empty">{t('statement.versions.none')}</p>
        ) : (
          <table className="data-table versions-table">
            <thead>
              <tr>
                <th scope="col">{t('statement.versions.name')}</th>
                <th scope="col">{t('statement.versions.kindCol')}</th>
                <th scope="col">{t('statement.versions.savedAt')}</th>
                <th scope="col">{t('statement.versions.by')}</th>
                <th scope="col">
                  <span className="sr-only">{t('statement.versions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th>
                  <td>{t(`statement.versions.kind.${v.kind}`)}</td>
                  <td>{when(v.createdAt, i18n.language)}</td>
                  <td>{personName(t, v.createdBy)}</td>
                  <td className="actions">
                    <button type="button" className="small" onClick={() => void runCompare(v.id, 'current')} aria-label={t('statement.versions.compareWithCurrentLabel', { name: v.name })}>
                      {t('statement.versions.compareWithCurrent')}
                    </button>
                    {!draft.final && (
                      <button type="button" className="small" onClick={() => setRestore(v)} aria-label={t('statement.versions.restoreLabel', { name: v.name })}>
                        {t('statement.versions.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <form
        className="card compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (fromId) void runCompare(fromId, to);
        }}
      >
        <h2>{t('statement.versions.compareTitle')}</h2>
        <div className="two-columns">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('statement.versions.from')}</label>
            <select id={`${id}-from`} value={fromId} onChange={(e) => setFrom(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({when(v.createdAt, i18n.language)})
                </option>
              ))}
              <option value="current">{t('statement.versions.current')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('statement.versions.to')}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="current">{t('statement.versions.current')}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} ({when(v.createdAt, i18n.language)})
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" disabled={!fromId}>
          {t('statement.versions.compare')}
        </button>
        <ErrorAlert error={compare.error} />
      </form>

      {diff && <DiffView diff={diff.diff} from={diff.from} to={diff.to} />}

      <ConfirmDialog
        open={restore !== null}
        title={t('statement.versions.restoreTitle')}
        message={t('statement.versions.restoreMessage', { name: restore?.name ?? '' })}
        confirmLabel={t('statement.versions.restore')}
        onCancel={() => setRestore(null)}
        onConfirm={() => {
          const v = restore;
          setRestore(null);
          if (v) void save.run('statement.restoreVersion', { versionId: v.id }).then((r) => r && setSaved(t('statement.versions.restored', { name: v.name })));
        }}
      />
    </div>
  );
}
