import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.js';
import { RejectedCommands } from '../../components/RejectedCommands.js';
import { SkipLink } from '../../components/SkipLink.js';
import { href, type Route } from '../../components/route.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic, useTopics } from '../../stores/topics.js';
import { Backups } from './Backups.js';
import { Overview } from './Overview.js';
import { PanelEditor } from './PanelEditor.js';
import { ProgrammeEditor } from './programme/ProgrammeEditor.js';
import { RunConsole } from './programme/RunConsole.js';
import { Room } from './Room.js';
import { Materials } from './room-notes/materials/Materials.js';
import { QuestionQueue } from './room-notes/questions/QuestionQueue.js';
import { RoomCheck } from './room-notes/roomcheck/RoomCheck.js';
import { Wall } from './room-notes/wall/Wall.js';
import { StartScreen } from './StartScreen.js';
import { Votes } from '../votes/Votes.js';
import { StatementEditor } from '../statement/StatementEditor.js';
import { Roster } from './people/Roster.js';
import { Seating } from './people/Seating.js';
import { Selection } from './selection/Selection.js';

interface NavItem {
  route: Route;
  label: string;
}

/** The screens in the order the panel's work goes: preparing, running the meetings, the room itself. */
interface NavGroup {
  id: 'before' | 'during' | 'room';
  items: NavItem[];
}

/** The facilitator's (and co-facilitator's) screens: header, navigation, notices, the current view. */
export function FacilitatorApp({ route, role }: { route: Route; role: Role }) {
  const { t } = useTranslation();
  const noPanel = useConnection((s) => s.noPanel);
  const host = useConnection((s) => s.host);
  const basics = useTopic('panel').panel;
  // Before the first snapshot (or the hub's "no panel") there is nothing true to show yet.
  const loading = useTopics((s) => s.epoch === null) && !noPanel;
  const isHost = role === 'facilitator';
  const panelName = basics?.name ?? host?.panel?.name ?? null;

  const nav: NavGroup[] = [
    {
      id: 'before',
      items: [
        { route: '', label: t('nav.overview') },
        { route: 'panel', label: t('nav.panel') },
        ...(isHost ? [{ route: 'selection' as const, label: t('selection.nav') }] : []),
        { route: 'programme', label: t('programme.nav') },
        { route: 'people', label: t('roster.nav') },
        { route: 'seating', label: t('seating.nav') },
      ],
    },
    {
      id: 'during',
      items: [
        { route: 'run', label: t('run.nav') },
        { route: 'wall', label: t('wall.nav') },
        { route: 'questions', label: t('questions.nav') },
        { route: 'materials', label: t('materials.nav') },
        { route: 'votes', label: t('votes.nav') },
        { route: 'statement', label: t('statement.nav') },
      ],
    },
    {
      id: 'room',
      items: [
        { route: 'room', label: t('nav.room') },
        { route: 'roomcheck', label: t('roomCheck.nav') },
        ...(isHost ? [{ route: 'backups' as const, label: t('nav.backups') }] : []),
      ],
    },
  ];

  let view;
  if (loading)
    view = (
      <>
        <h1>{t('app.name')}</h1>
        <p role="status" aria-busy="true">
          {t('common.loading')}
        </p>
      </>
    );
  else if (isHost && (noPanel || route === 'start')) view = <StartScreen />;
  else if (noPanel) view = <NoPanelYet />;
  else if (route === 'panel') view = <PanelEditor isHost={isHost} />;
  else if (route === 'programme') view = <ProgrammeEditor />;
  else if (route === 'run') view = <RunConsole />;
  else if (route === 'room') view = <Room isHost={isHost} />;
  else if (route === 'wall') view = <Wall />;
  else if (route === 'questions') view = <QuestionQueue />;
  else if (route === 'materials') view = <Materials />;
  else if (route === 'votes') view = <Votes />;
  else if (route === 'statement') view = <StatementEditor />;
  else if (route === 'roomcheck') view = <RoomCheck />;
  else if (route === 'people') view = <Roster isHost={isHost} />;
  else if (route === 'seating') view = <Seating isHost={isHost} />;
  else if (route === 'selection') view = <Selection isHost={isHost} />;
  else if (route === 'backups' && isHost) view = <Backups />;
  else view = <Overview />;

  const current: Route = noPanel ? 'start' : route === 'backups' && !isHost ? '' : route;

  const showNav = !noPanel && !loading;

  return (
    <div className={showNav ? 'fac-shell fac-shell-nav' : 'fac-shell'}>
      <SkipLink />
      <header className="app-header">
        <div className="app-header-top">
          <p className="brand-block">
            <span className="brand">{t('app.name')}</span>
            <span className="panel-name">{panelName ?? (loading ? '' : t('header.noPanel'))}</span>
            <span className="role-badge">{t(`roles.${role}`)}</span>
          </p>
          <div className="header-tools">
            <ConnectionStatus />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      {showNav && (
        <nav aria-label={t('nav.label')} className="main-nav">
          <div className="main-nav-inner">
            {nav.map((group) => (
              <div key={group.id} className="nav-group">
                <p id={`nav-group-${group.id}`} className="nav-group-label">
                  {t(`nav.groups.${group.id}`)}
                </p>
                <ul aria-labelledby={`nav-group-${group.id}`}>
                  {group.items.map((item) => (
                    <li key={item.route}>
                      <a href={href(item.route)} aria-current={current === item.route ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {isHost && (
              <p className="nav-end">
                <a href={href('start')} aria-current={current === 'start' ? 'page' : undefined}>
                  {t('nav.start')}
                </a>
              </p>
            )}
          </div>
        </nav>
      )}
      <div className="fac-content">
        <RejectedCommands />
        <main id="main" tabIndex={-1} className="page page-wide">
          {view}
        </main>
      </div>
    </div>
  );
}

function NoPanelYet() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('start.noPanelTitle')}</h1>
      <p>{t('start.noPanelCofacilitator')}</p>
    </>
  );
}
