import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_CLOCK } from '../../../../shared/clock.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';
import { useTopic } from '../../../stores/topics.js';
import { CurrentItem } from './CurrentItem.js';
import { DayForecast } from './DayForecast.js';
import { JumpList } from './JumpList.js';
import { runView } from './model.js';
import { NextItem } from './NextItem.js';
import { RoomMessage } from './RoomMessage.js';
import { RoomSwitches } from './RoomSwitches.js';
import { RunControls } from './RunControls.js';
import { RunLog } from './RunLog.js';
import { ShortcutList } from './ShortcutList.js';
import { useRunActions } from './useRunActions.js';
import { useRunShortcuts } from './useRunShortcuts.js';
import './programme.css';

/** The facilitator's clock: drives the item on stage, the time, the room's screens. */
export function RunConsole() {
  const { t } = useTranslation();
  const clock = useTopic('clock').clock ?? IDLE_CLOCK;
  const days = useTopic('agendaDays');
  const items = useTopic('agendaItems');
  const view = useMemo(() => runView(days, items, clock), [days, items, clock]);
  const command = useCommand();
  const actions = useRunActions(clock, view, command.run);
  useRunShortcuts(actions);
  return (
    <div className="run-console">
      <h1>{t('run.title')}</h1>
      <div className="run-grid">
        <section className="run-stage" aria-labelledby="run-current-title">
          <CurrentItem view={view} clock={clock} />
          <RunControls clock={clock} view={view} actions={actions} />
          <ErrorAlert error={command.error} />
          <div className="run-after">
            <DayForecast view={view} clock={clock} items={view.order} />
            <NextItem view={view} />
          </div>
        </section>
        <div className="run-side">
          <RoomSwitches clock={clock} actions={actions} />
          <RoomMessage clock={clock} />
          <ShortcutList />
        </div>
      </div>
      <JumpList view={view} actions={actions} />
      <RunLog />
    </div>
  );
}
