import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentPanel } from '../../../shared/panel.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorParts } from '../../components/errorText.js';
import { Field } from '../../components/Field.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { navigate } from '../../components/route.js';
import type { ChooseFileKind } from '../../../shared/shell.js';
import { shell } from '../../components/shell.js';
import { useCommand } from '../../components/useCommand.js';

const EXTENSION = '.puntari';

/** Recent panels, a new panel, an existing panel: what the facilitator sees with no panel open. */
export function StartScreen() {
  const { t } = useTranslation();
  const [recent, setRecent] = useState<RecentPanel[] | null>(null);
  const list = useCommand();
  const [openRequest, setOpenRequest] = useState<{ path: string; seq: number } | null>(null);

  const runList = list.run;
  const load = useCallback(async () => {
    const result = await runList('host.recentPanels', {});
    if (result) setRecent(result);
  }, [runList]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="start">
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>
      <section aria-labelledby="recent-heading" className="panel-section">
        <h2 id="recent-heading">{t('start.recentTitle')}</h2>
        <ErrorAlert error={list.error} />
        {recent === null ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : recent.length === 0 ? (
          <p className="empty">{t('start.recentEmpty')}</p>
        ) : (
          <ul className="recent-list">
            {recent.map((panel) => (
              <RecentItem
                key={panel.path}
                panel={panel}
                onOpen={() => setOpenRequest({ path: panel.path, seq: Date.now() })}
                onForgotten={load}
              />
            ))}
          </ul>
        )}
      </section>
      <div className="two-columns">
        <NewPanelForm />
        <OpenPanelForm request={openRequest} />
      </div>
    </div>
  );
}

function RecentItem({ panel, onOpen, onForgotten }: { panel: RecentPanel; onOpen: () => void; onForgotten: () => void }) {
  const { t } = useTranslation();
  const forget = useCommand();
  return (
    <li className={`recent-item${panel.exists ? '' : ' missing'}`}>
      <div className="recent-main">
        <p className="card-title">{panel.name}</p>
        <p className="path">{panel.path}</p>
        <p className="muted">
          {panel.encrypted && <span className="badge">{t('start.encrypted')}</span>}{' '}
          {!panel.exists && <span className="badge badge-warn">{t('start.missing')}</span>}{' '}
          {t('start.openedAt')} <RelativeTime iso={panel.openedAt} />
        </p>
        <ErrorAlert error={forget.error} />
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!panel.exists}
          onClick={onOpen}
          aria-label={t('start.openNamed', { name: panel.name })}
        >
          {t('start.open')}
        </button>
        <button
          type="button"
          disabled={forget.busy}
          aria-label={t('start.forgetNamed', { name: panel.name })}
          onClick={async () => {
            await forget.run('host.forgetRecent', { path: panel.path });
            onForgotten();
          }}
        >
          {t('start.forget')}
        </button>
      </div>
    </li>
  );
}

function BrowseButton({ mode, onPath }: { mode: ChooseFileKind; onPath: (path: string) => void }) {
  const { t } = useTranslation();
  const host = shell();
  if (!host) return null;
  return (
    <button
      type="button"
      className="small"
      onClick={async () => {
        const path = await host.chooseFile(mode);
        if (path) onPath(path);
      }}
    >
      {t('common.browse')}
    </button>
  );
}
export { BrowseButton };

function NewPanelForm() {
  const { t } = useTranslation();
  const create = useCommand();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);

  const errors = {
    path: !path.trim() ? t('validation.required') : !path.trim().endsWith(EXTENSION) ? t('validation.extension', { extension: EXTENSION }) : null,
    name: !name.trim() ? t('validation.required') : null,
    repeat: passphrase !== repeat ? t('validation.passphraseMismatch') : null,
  };
  const valid = !errors.path && !errors.name && !errors.repeat;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    const result = await create.run('host.createPanel', {
      path: path.trim(),
      name: name.trim(),
      ...(passphrase ? { passphrase } : {}),
    });
    if (result) navigate('panel');
  }

  return (
    <section aria-labelledby="new-heading" className="panel-section">
      <h2 id="new-heading">{t('start.newTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('start.path')} hint={t('start.pathHint', { extension: EXTENSION })} error={touched ? errors.path : null}>
          {({ id, describedBy, invalid }) => (
            <div className="inline">
              <input
                id={id}
                name="newPath"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                autoComplete="off"
                spellCheck={false}
                required
              />
              <BrowseButton mode="save" onPath={setPath} />
            </div>
          )}
        </Field>
        <Field label={t('start.name')} error={touched ? errors.name : null}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="newName"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              maxLength={200}
              required
            />
          )}
        </Field>
        <Field label={t('start.passphrase')} hint={t('start.passphraseHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              name="newPassphrase"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field label={t('start.passphraseRepeat')} error={touched ? errors.repeat : null}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="newPassphraseRepeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <ErrorAlert error={create.error} />
        <button type="submit" className="primary" disabled={create.busy}>
          {create.busy ? t('start.creating') : t('start.create')}
        </button>
      </form>
    </section>
  );
}

function OpenPanelForm({ request }: { request: { path: string; seq: number } | null }) {
  const { t } = useTranslation();
  const open = useCommand();
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [touched, setTouched] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const pathRef = useRef<HTMLInputElement>(null);

  const code = open.error ? errorParts(open.error).code : null;
  const needsPassphrase = code === 'panel.passphraseRequired' || code === 'panel.wrongPassphrase';

  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (needsPassphrase) {
      setAskPassphrase(true);
      setFocusTick((n) => n + 1);
    }
  }, [needsPassphrase, open.error]);
  // After the passphrase field has rendered: move focus there, so the user can type at once.
  useEffect(() => {
    if (focusTick > 0) passphraseRef.current?.focus();
  }, [focusTick]);

  async function send(target: string, secret: string) {
    const result = await open.run('host.openPanel', { path: target, ...(secret ? { passphrase: secret } : {}) });
    if (result) navigate('');
  }

  // Open a recent panel: fill in its path and try; the hub asks for a passphrase if it needs one.
  useEffect(() => {
    if (!request) return;
    setPath(request.path);
    setPassphrase('');
    setAskPassphrase(false);
    pathRef.current?.scrollIntoView({ block: 'center' });
    void send(request.path, '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const pathError = !path.trim() ? t('validation.required') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (pathError) return;
    await send(path.trim(), passphrase);
  }

  return (
    <section aria-labelledby="open-heading" className="panel-section">
      <h2 id="open-heading">{t('start.openTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('start.path')} error={touched ? pathError : null}>
          {({ id, describedBy, invalid }) => (
            <div className="inline">
              <input
                id={id}
                ref={pathRef}
                name="openPath"
                value={path}
                onChange={(e) => {
                  setPath(e.target.value);
                  setAskPassphrase(false);
                }}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                autoComplete="off"
                spellCheck={false}
                required
              />
              <BrowseButton mode="open" onPath={setPath} />
            </div>
          )}
        </Field>
        {askPassphrase && (
          <Field label={t('start.passphrase')} hint={t('start.passphraseNeeded')}>
            {({ id, describedBy }) => (
              <input
                id={id}
                ref={passphraseRef}
                name="openPassphrase"
                type="password"
                autoComplete="current-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        )}
        {code !== 'panel.passphraseRequired' && <ErrorAlert error={open.error} />}
        <button type="submit" className="primary" disabled={open.busy}>
          {open.busy ? t('start.opening') : t('start.openButton')}
        </button>
      </form>
    </section>
  );
}
