/**
 * `npm run bench -- votes [--clients N]`
 *
 * 200 secret ballots from 200 concurrent HTTP clients on loopback against `puntari host`, each
 * from its own source address (127.0.1.x, as phones in a room have; the ballot routes are
 * rate-limited per address). Each client looks its code up (GET /api/ballot) and casts
 * (POST /api/ballot), retrying on connection errors; a retry that finds its code used counts as
 * acknowledged (the first attempt was stored and only its response was lost).
 *
 * Two runs, each on a vote of its own:
 *   1. undisturbed;
 *   2. the hub killed with SIGKILL when half the ballots are acknowledged and started again on
 *      the same port.
 *
 * all_acked_s               run 1: first request → every ballot acknowledged. Target < 2 s.
 * all_acked_with_restart_s  run 2: the same, including the kill and restart.
 * lost                      acknowledged ballots missing from the panel file afterwards (must be 0).
 * doubled                   ballots stored more than once (must be 0).
 * hub_cpu_s, client_cpu_s   CPU seconds (user + system) of the hub and of this process in run 1: on
 *                           a shared machine the wall times stretch with the load, these much less.
 * hub_restart_ms            run 2: SIGKILL → the new hub ready; hub_start_cpu_s is its CPU by then
 *                           (starting Node, compiling and loading the modules, opening the panel).
 * hub_cpu_with_restart_s    run 2: both hubs' CPU, the second one's start included.
 *
 * Every client's ballot is a distinct answer pattern (5 subjects × 4 answers, up to 1024 clients),
 * so the stored ballots can be checked one by one without linking them to codes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../../shared/voteCounting.js';
import { issueCodes } from '../../main/features/votes/ballots.js';
import { insertVote } from '../../main/features/votes/votes.js';
import { openPanelFile } from '../../main/store/panelFile.js';
import { runPuntari, startHostProcess, type HostProcess } from '../support/hub.js';
import { median, nowMs, percentile, round, sleep, writeResults } from './support.js';

const { values: args } = parseArgs({ options: { clients: { type: 'string', default: '200' } } });
const CLIENTS = Math.min(1024, Number(args.clients));
const SUBJECTS = ['s1', 's2', 's3', 's4', 's5'];
const ANSWERS = ['yes', 'no', 'abstain', null] as const;

function pattern(i: number) {
  const answers: Record<string, string | null> = {};
  SUBJECTS.forEach((s, k) => (answers[s] = ANSWERS[Math.floor(i / 4 ** k) % 4]!));
  return { method: 'yesNoAbstain', answers };
}

function call(origin: string, localAddress: string, method: 'GET' | 'POST', pathName: string, body?: unknown): Promise<{ status: number; json: { cast?: boolean; vote?: unknown; error?: { code: string } } }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${pathName}`,
      {
        method,
        agent: false,
        localAddress,
        timeout: 5000,
        headers: payload === undefined ? { origin } : { origin, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

interface Voter {
  index: number;
  code: string;
  acked: boolean;
  ackedAt: number;
  attempts: number;
  retriedAfterLoss: boolean;
}

async function vote(origin: () => string, v: Voter, start: number): Promise<void> {
  const address = `127.0.1.${(v.index % 250) + 1}`;
  let posted = false;
  for (;;) {
    try {
      v.attempts++;
      if (!posted) {
        const look = await call(origin(), address, 'GET', `/api/ballot?code=${v.code}`);
        if (look.status !== 200) throw new Error(`lookup refused: ${JSON.stringify(look.json)}`);
      }
      posted = true;
      const cast = await call(origin(), address, 'POST', '/api/ballot', { code: v.code, content: pattern(v.index) });
      if (cast.json.cast === true || (cast.json.error?.code === 'ballot.codeUsed' && v.attempts > 1)) {
        if (cast.json.error) v.retriedAfterLoss = true;
        v.acked = true;
        v.ackedAt = nowMs() - start;
        return;
      }
      throw new Error(`cast refused: ${JSON.stringify(cast.json)}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      if (!/ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|timeout/.test(String(code))) throw error;
      await sleep(50 + Math.random() * 150);
    }
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'puntari-bench-votes-'));
  const panel = path.join(work, 'demo.puntari');
  const home = path.join(work, 'home');
  mkdirSync(home);
  await runPuntari(['demo', '--out', path.join(work, 'seed.puntari')]);
  copyFileSync(path.join(work, 'seed.puntari'), panel);

  // Two open votes with their codes, prepared in the file before the hub starts (the codes exist
  // in plaintext only in this process, as they would only on the printed slips).
  const codes: Record<'calm' | 'kill', string[]> = { calm: [], kill: [] };
  const prepared = openPanelFile(panel);
  prepared.db.transaction(() => {
    for (const run of ['calm', 'kill'] as const) {
      const id = `bench-${run}`;
      insertVote(
        prepared.db,
        {
          title: `Bench ${run}`,
          method: 'yesNoAbstain',
          subjects: SUBJECTS.map((s, i) => ({ id: s, label: `Suositus ${i + 1}`, recommendationId: `rec-${i + 1}` })),
          dots: null,
          rankingCount: null,
          thresholds: [{ label: 'Tuettu', percent: 50 }],
          base: 'cast',
          dayId: 'day-2',
          modes: ['ballot'],
          liveResults: true,
        },
        new Date(),
        id,
      );
      prepared.db.prepare("UPDATE vote SET status = 'open', opened_at = ? WHERE id = ?").run(new Date().toISOString(), id);
      codes[run] = issueCodes({ db: prepared.db, change: () => undefined }, id, CLIENTS);
    }
  })();
  prepared.close();

  const hostOptions = { panel, home, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] };
  let host: HostProcess = await startHostProcess({ ...hostOptions, port: 0 });
  const port = host.port;
  const origin = () => `http://127.0.0.1:${port}`;

  const runOnce = async (run: 'calm' | 'kill') => {
    const voters: Voter[] = codes[run].map((code, index) => ({ index, code, acked: false, ackedAt: 0, attempts: 0, retriedAfterLoss: false }));
    const cpuBefore = cpuSeconds(host.process.pid);
    const clientBefore = process.cpuUsage();
    const start = nowMs();
    const all = Promise.all(voters.map((v) => vote(origin, v, start)));
    let restartMs = 0;
    let killedHubCpuS = 0;
    let hubStartCpuS = 0;
    if (run === 'kill') {
      while (voters.filter((v) => v.acked).length < CLIENTS / 2) await sleep(1);
      const killedAt = nowMs();
      killedHubCpuS = cpuSeconds(host.process.pid) - cpuBefore;
      host.process.kill('SIGKILL');
      await new Promise((r) => host.process.once('exit', r));
      host = await startHostProcess({ ...hostOptions, port });
      restartMs = nowMs() - killedAt;
      hubStartCpuS = cpuSeconds(host.process.pid);
    }
    await all;
    const elapsed = (nowMs() - start) / 1000;
    const client = process.cpuUsage(clientBefore);
    const hubCpuS = run === 'kill' ? killedHubCpuS + cpuSeconds(host.process.pid) : cpuSeconds(host.process.pid) - cpuBefore;
    return { voters, elapsed, restartMs, hubCpuS, hubStartCpuS, clientCpuS: (client.user + client.system) / 1e6 };
  };

  const calm = await runOnce('calm');
  const kill = await runOnce('kill');
  await sleep(600);
  await host.stop();

  const stored = openPanelFile(panel);
  const check = (run: 'calm' | 'kill', voters: Voter[]) => {
    const contents = stored.db.prepare('SELECT content FROM ballot WHERE vote_id = ?').pluck().all(`bench-${run}`) as string[];
    const seen = new Map<string, number>();
    for (const c of contents) {
      const key = canonicalJson(JSON.parse(c));
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const used = (stored.db.prepare('SELECT COUNT(*) AS n FROM ballot_code WHERE vote_id = ? AND used = 1').get(`bench-${run}`) as { n: number }).n;
    const lost = voters.filter((v) => v.acked && !seen.has(canonicalJson(pattern(v.index)))).length;
    const doubled = [...seen.values()].filter((n) => n > 1).length;
    return { stored: contents.length, used, lost, doubled };
  };
  const a = check('calm', calm.voters);
  const b = check('kill', kill.voters);
  stored.close();

  const latencies = calm.voters.map((v) => v.ackedAt);
  const figures = {
    all_acked_s: round(calm.elapsed),
    all_acked_with_restart_s: round(kill.elapsed),
    lost: a.lost + b.lost,
    doubled: a.doubled + b.doubled,
    hub_cpu_s: round(calm.hubCpuS, 2),
    client_cpu_s: round(calm.clientCpuS, 2),
    ballot_p50_ms: round(median(latencies)),
    ballot_p99_ms: round(percentile(latencies, 99)),
    clients: CLIENTS,
    stored_calm: a.stored,
    stored_with_restart: b.stored,
    codes_used_with_restart: b.used,
    hub_restart_ms: round(kill.restartMs),
    hub_start_cpu_s: round(kill.hubStartCpuS, 2),
    hub_cpu_with_restart_s: round(kill.hubCpuS, 2),
    retries_with_restart: kill.voters.reduce((n, v) => n + v.attempts - 1, 0),
    acked_as_used_after_lost_response: kill.voters.filter((v) => v.retriedAfterLoss).length,
  };
  writeResults('votes', figures, {
    panel: 'demo',
    hub: 'puntari host (loopback); run 2: SIGKILL at half the ballots acknowledged, restarted on the same port',
    client: 'node:http, a new connection per request, source addresses 127.0.1.x',
    load_average_1m_at_end: round(os.loadavg()[0]!, 2),
  });
  if (figures.lost > 0 || figures.doubled > 0 || a.stored !== CLIENTS || b.stored !== CLIENTS) process.exitCode = 1;
}

await main();
