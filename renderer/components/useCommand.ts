import { useCallback, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandResult } from '../../shared/protocol.js';
import { hub } from '../hub/client.js';

/** Sends one command at a time and keeps its busy and error state for the form that sent it. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);
  const run = useCallback(async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K> | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await hub.send(name, input);
    } catch (caught) {
      if (alive.current) setError(caught);
      return undefined;
    } finally {
      if (alive.current) setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}
