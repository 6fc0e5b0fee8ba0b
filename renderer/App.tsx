import { useCallback, useEffect, useState } from 'react';
import { useRoute } from './components/route.js';
import { hub } from './hub/client.js';
import { isHubError } from './hub/errors.js';
import { exchangeFacilitatorCode, forget, takeCodeFromLocation, whoami, type WhoAmI } from './hub/session.js';
import { useConnection } from './stores/connection.js';
import { Ballot } from './views/ballot/Ballot.js';
import { Goodbye, Loading, NoAccess, NoSession, Waiting } from './views/boot/Screens.js';
import { Checkin } from './views/checkin/Checkin.js';
import { FacilitatorApp } from './views/facilitator/FacilitatorApp.js';
import { Join } from './views/join/Join.js';
import { Chime } from './components/clock/Chime.js';
import { Projector } from './views/projector/Projector.js';
import { Speaker } from './views/speaker/Speaker.js';
import { rememberedTable } from './views/table/remember.js';
import { Table } from './views/table/Table.js';
import { ViewCodeEntry, Viewer } from './views/viewer/Viewer.js';

let booting: Promise<{ who: WhoAmI; error: unknown }> | null = null;

type Boot = { state: 'loading' } | { state: 'ready'; who: WhoAmI; error: unknown };

/** Exchange a one-time code if the address carries one, then ask the hub who this page is. */
async function bootSession(): Promise<{ who: WhoAmI; error: unknown }> {
  let error: unknown = null;
  const code = takeCodeFromLocation();
  if (code) {
    try {
      await exchangeFacilitatorCode(code);
    } catch (caught) {
      error = caught;
    }
  }
  try {
    const who = await whoami();
    return { who, error };
  } catch (caught) {
    // A table laptop reopened while the Wi-Fi is down: back to its screen and its queued notes;
    // the hub decides again (cookie) once the socket gets through.
    const remembered = rememberedTable();
    if (remembered && isHubError(caught) && caught.params.reason === 'network') {
      return { who: { principal: remembered, deviceStatus: 'approved', lan: true }, error: null };
    }
    return { who: { principal: null, deviceStatus: null, lan: false }, error: error ?? caught };
  }
}

export function App() {
  const route = useRoute();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [goodbye, setGoodbye] = useState<'no' | 'ending' | 'done'>('no');
  const principal = useConnection((s) => s.principal);
  const deviceStatus = useConnection((s) => s.deviceStatus);
  const status = useConnection((s) => s.status);
  const ended = useConnection((s) => s.ended);

  const start = useCallback(async (again = false) => {
    // One boot at a time (StrictMode runs effects twice; the one-time code must be taken once).
    if (again || !booting) booting = bootSession();
    const result = await booting;
    if (result.who.principal) {
      useConnection.setState({ principal: result.who.principal, deviceStatus: result.who.deviceStatus });
      hub.connect();
    }
    setBoot({ state: 'ready', ...result });
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  const endOfDay = useCallback(async () => {
    setGoodbye('ending');
    try {
      await hub.clear();
    } catch {
      // the stores are cleared either way
    }
    try {
      await forget();
    } catch {
      // the hub may be out of reach; the cookie goes with the browser session
    }
    setGoodbye('done');
  }, []);

  const joinAgain = useCallback(async () => {
    try {
      await hub.clear(500);
    } catch {
      // nothing to keep
    }
    try {
      await forget();
    } catch {
      // already without access
    }
    window.location.hash = '#/join';
    window.location.reload();
  }, []);

  if (route === 'ballot') return <Ballot />;
  if (goodbye !== 'no') return <Goodbye pending={goodbye === 'ending'} />;
  if (boot.state === 'loading') return <Loading />;

  if (status === 'ended' && (ended === 'revoked' || ended === 'rejected' || ended === 'unauthenticated')) {
    return <NoAccess reason={ended} onJoinAgain={() => void joinAgain()} />;
  }

  if (!principal) {
    if (route === 'view' || route === 'speaker') return <ViewCodeEntry speaker={route === 'speaker'} onEntered={() => void start(true)} />;
    if (boot.who.lan || route === 'join') return <Join onPaired={() => void start(true)} />;
    return <NoSession error={boot.error} />;
  }

  if (deviceStatus === 'pending') return <Waiting />;

  const role = principal.role;
  const screen = (() => {
    switch (role) {
      case 'facilitator':
      case 'cofacilitator':
        if (route === 'projector') return <Projector />;
        if (route === 'speaker') return <Speaker />;
        if (route === 'checkin') return <Checkin />;
        if (route === 'view') return <Viewer />;
        return <FacilitatorApp route={route === 'table' || route === 'join' ? '' : route} role={role} />;
      case 'secretary':
        return <Table onEndOfDay={() => void endOfDay()} />;
      case 'projector':
        return <Projector />;
      case 'checkin':
        return <Checkin />;
      case 'viewer':
        return route === 'speaker' ? <Speaker /> : <Viewer />;
      default:
        return <NoSession />;
    }
  })();
  // The facilitator's own windows chime at the end of an item (the projector has its own).
  if (role === 'facilitator' && route !== 'projector') {
    return (
      <>
        <Chime />
        {screen}
      </>
    );
  }
  return screen;
}
