import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phase, type ClockState } from '../../../../shared/clock.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import type { RunView } from './model.js';
import type { RunActions } from './useRunActions.js';

function Key({ children }: { children: string }) {
  return (
    <kbd className="run-key" aria-hidden="true">
      {children}
    </kbd>
  );
}

/** Start/pause/resume, time, moving through the programme, stop. Each names its shortcut. */
export function RunControls({ clock, view, actions }: { clock: ClockState; view: RunView; actions: RunActions }) {
  const { t } = useTranslation();
  const [confirmStop, setConfirmStop] = useState(false);
  const p = phase(clock);
  const toggleLabel = p === 'running' ? t('run.pause') : p === 'paused' ? t('run.resume') : t('run.start');
  const noItem = view.current === null;
  const atEnd = view.current !== null && view.next === null;
  return (
    <div className="run-controls" role="group" aria-label={t('run.controls')}>
      <div className="run-controls-row">
        <button type="button" className="primary big run-toggle" onClick={actions.toggle} aria-keyshortcuts="Space" disabled={view.order.length === 0}>
          {toggleLabel} <Key>{t('run.keys.space')}</Key>
        </button>
        <button type="button" onClick={() => actions.add(1)} aria-keyshortcuts="Plus =" disabled={noItem}>
          {t('run.addOne')} <Key>+</Key>
        </button>
        <button type="button" onClick={() => actions.add(5)} aria-keyshortcuts="Shift+Plus" disabled={noItem}>
          {t('run.addFive')} <Key>⇧+</Key>
        </button>
        <button type="button" onClick={() => actions.add(-1)} aria-keyshortcuts="-" disabled={noItem}>
          {t('run.removeOne')} <Key>−</Key>
        </button>
      </div>
      <div className="run-controls-row">
        <button type="button" onClick={actions.previous} aria-keyshortcuts="P" disabled={noItem || view.previous === null}>
          {t('run.previous')} <Key>P</Key>
        </button>
        <button type="button" onClick={actions.next} aria-keyshortcuts="N" disabled={atEnd || view.order.length === 0}>
          {t('run.next')} <Key>N</Key>
        </button>
        <button type="button" onClick={actions.skip} aria-keyshortcuts="S" disabled={noItem || atEnd}>
          {t('run.skip')} <Key>S</Key>
        </button>
        <button type="button" className="danger" onClick={() => setConfirmStop(true)} disabled={noItem}>
          {t('run.stop')}
        </button>
      </div>
      <ConfirmDialog
        open={confirmStop}
        title={t('run.stopTitle')}
        message={t('run.stopMessage')}
        confirmLabel={t('run.stop')}
        danger
        onCancel={() => setConfirmStop(false)}
        onConfirm={() => {
          setConfirmStop(false);
          actions.stop();
        }}
      />
    </div>
  );
}
