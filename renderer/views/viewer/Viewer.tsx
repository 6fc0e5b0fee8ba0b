import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from '../../../shared/ids.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { Page } from '../../components/Page.js';
import { ExpertList, Programme } from '../../components/Programme.js';
import { ClockAnnouncer, RemainingTime, StatusLabel } from '../../components/clock/RemainingTime.js';
import { useRemaining } from '../../components/clock/remaining.js';
import { enterViewCode } from '../../hub/session.js';
import { useTopic } from '../../stores/topics.js';
import { MaterialList } from './Materials.js';

/** The room's view code opens the read-only view; no approval needed. */
export function ViewCodeEntry({ onEntered, speaker = false }: { onEntered: () => void; speaker?: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const viewCode = normaliseCode(code);
    if (viewCode.length < 4) {
      setInvalid(t('join.codeInvalid'));
      return;
    }
    setInvalid(null);
    setBusy(true);
    setError(null);
    try {
      await enterViewCode(viewCode);
      onEntered();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <h1>{speaker ? t('display.speakerEntryTitle') : t('viewCode.title')}</h1>
      <p className="lead">{t('viewCode.lead')}</p>
      <form onSubmit={submit} noValidate className="card form-card">
        <Field label={t('viewCode.code')} error={invalid}>
          {({ id, describedBy, invalid: bad }) => (
            <input
              id={id}
              name="viewCode"
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              autoComplete="off"
              spellCheck={false}
              maxLength={20}
              aria-describedby={describedBy}
              aria-invalid={bad}
              required
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="primary big" disabled={busy}>
          {t('viewCode.submit')}
        </button>
      </form>
    </Page>
  );
}

/** "Now": the item on stage and its remaining time, above the programme. */
function NowBox() {
  const { t } = useTranslation();
  const r = useRemaining();
  return (
    <section aria-labelledby="viewer-now" className="panel-section now-box">
      <h2 id="viewer-now">{t('display.now')}</h2>
      {r.item ? (
        <div className="now-row">
          <div className="now-item">
            <p className="now-title">{r.item.title}</p>
            {r.item.question && <p className="now-question">{r.item.question}</p>}
          </div>
          <p className="now-time">
            <RemainingTime r={r} />
            <StatusLabel r={r} />
          </p>
        </div>
      ) : (
        <p className="empty">{t('display.notStarted')}</p>
      )}
      <ClockAnnouncer r={r} />
    </section>
  );
}

/** What participants may follow: the item on stage, the programme, the experts and their materials. */
export function Viewer() {
  const { t } = useTranslation();
  const basics = useTopic('panel').panel;
  return (
    <Page wide>
      <div className="viewer-head">
        <h1>{basics?.name ?? t('viewer.title')}</h1>
        <ConnectionStatus />
      </div>
      {basics?.mandate && <p className="mandate">{basics.mandate}</p>}
      <NowBox />
      <section aria-labelledby="viewer-programme" className="panel-section">
        <h2 id="viewer-programme">{t('programme.title')}</h2>
        <Programme />
      </section>
      <section aria-labelledby="viewer-experts" className="panel-section">
        <h2 id="viewer-experts">{t('experts.title')}</h2>
        <ExpertList />
      </section>
      <section aria-labelledby="viewer-materials" className="panel-section">
        <h2 id="viewer-materials">{t('viewer.materialsTitle')}</h2>
        <MaterialList />
      </section>
    </Page>
  );
}
