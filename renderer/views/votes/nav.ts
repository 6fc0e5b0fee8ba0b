/** `#/votes?vote=ID` (one vote) or `#/votes?new=1` (the form); plain `#/votes` is the list. */
export function readVoteParams(): { voteId: string | null; creating: boolean } {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
  return { voteId: params.get('vote'), creating: params.get('new') === '1' };
}

export function votesHref(voteId?: string | null, creating = false): string {
  if (creating) return '#/votes?new=1';
  return voteId ? `#/votes?vote=${encodeURIComponent(voteId)}` : '#/votes';
}
