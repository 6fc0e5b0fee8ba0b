/**
 * What this laptop has sent but the hub has not yet acknowledged, as the secretary's screen shows
 * it: notes "waiting to be sent", edits and deletes not yet applied, questions not yet queued.
 *
 * Two sources: the commands sent from this page (kept here the instant they are made, before the
 * outbox has even written them to IndexedDB), and the persistent outbox (hub.queued()), which also
 * holds what a previous page left behind when it was closed offline.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { NoteKind } from '../../../shared/notes.js';
import type { CommandInput, CommandName, CommandResult } from '../../../shared/protocol.js';
import { hub } from '../../hub/client.js';
import { useConnection } from '../../stores/connection.js';

interface Sent {
  key: number;
  name: CommandName;
  input: unknown;
  at: number;
}

const useSent = create<{ sent: Sent[] }>(() => ({ sent: [] }));
let nextKey = 1;

/**
 * Send a command through the outbox without waiting for it: the screen shows it as pending at
 * once. Resolves when the hub acknowledged it; rejects (the caller may ignore it: a refusal of a
 * queued command also lands in useConnection().rejected, which the screen shows).
 */
export function sendQueued<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
  const key = nextKey++;
  useSent.setState((s) => ({ sent: [...s.sent, { key, name, input, at: Date.now() }] }));
  const done = () => useSent.setState((s) => ({ sent: s.sent.filter((x) => x.key !== key) }));
  const promise = hub.send(name, input);
  promise.then(done, done);
  return promise;
}

export interface PendingNote {
  id: string;
  itemId: string | null;
  kind: NoteKind;
  text: string;
  hasPhoto: boolean;
  at: number;
}

export interface PendingQuestion {
  id: string;
  itemId: string | null;
  expertId: string | null;
  text: string;
  at: number;
}

export interface OutboxView {
  /** notes.add not yet acknowledged, by note id */
  adds: Map<string, PendingNote>;
  /** the latest unacknowledged edit of each note, and how many are queued */
  edits: Map<string, { kind: NoteKind; text: string; count: number }>;
  deletes: Set<string>;
  questions: Map<string, PendingQuestion>;
  answers: Map<string, string>;
}

type Entry = { name: CommandName; input: unknown; at: number };

export function buildOutboxView(entries: Entry[]): OutboxView {
  const view: OutboxView = { adds: new Map(), edits: new Map(), deletes: new Set(), questions: new Map(), answers: new Map() };
  const seenEdits = new Set<string>();
  for (const e of entries) {
    const input = e.input as Record<string, unknown>;
    switch (e.name) {
      case 'notes.add': {
        const id = String(input.noteId);
        if (!view.adds.has(id)) {
          view.adds.set(id, {
            id,
            itemId: (input.itemId as string | null) ?? null,
            kind: input.kind as NoteKind,
            text: String(input.text ?? ''),
            hasPhoto: Boolean(input.photo),
            at: e.at,
          });
        }
        break;
      }
      case 'notes.edit': {
        const id = String(input.noteId);
        // Each edit is counted once even when it is both in the outbox and in this page's list:
        // the pair (note, baseVersion) names an edit.
        const editKey = `${id}:${String(input.baseVersion)}`;
        const before = view.edits.get(id);
        const count = (before?.count ?? 0) + (seenEdits.has(editKey) ? 0 : 1);
        seenEdits.add(editKey);
        view.edits.set(id, { kind: input.kind as NoteKind, text: String(input.text ?? ''), count });
        break;
      }
      case 'notes.delete':
        view.deletes.add(String(input.noteId));
        break;
      case 'questions.ask': {
        const id = String(input.questionId);
        if (!view.questions.has(id)) {
          view.questions.set(id, {
            id,
            itemId: (input.itemId as string | null) ?? null,
            expertId: (input.expertId as string | null) ?? null,
            text: String(input.text ?? ''),
            at: e.at,
          });
        }
        break;
      }
      case 'questions.answer':
        view.answers.set(String(input.questionId), String(input.summary ?? ''));
        break;
      default:
        break;
    }
  }
  return view;
}

/** The pending commands, recomputed whenever the outbox or this page's sends change. */
export function useOutboxView(): OutboxView {
  const sent = useSent((s) => s.sent);
  const waiting = useConnection((s) => s.waiting);
  return useMemo(() => {
    const queued: Entry[] = hub.queued().map((e) => ({ name: e.name, input: e.input, at: e.createdAt }));
    const all = [...queued, ...sent].sort((a, b) => a.at - b.at);
    return buildOutboxView(all);
    // `waiting` changes whenever the outbox does
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sent, waiting]);
}
