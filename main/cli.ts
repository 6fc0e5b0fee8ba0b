import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { PuntariError } from '../shared/errors.js';
import { writeDemoPanel } from './features/demo/demoPanel.js';
import { startHub } from './hub/server.js';
import { writeFileSync } from 'node:fs';
import { actualLogCsv, readActualLogData } from './features/agenda/actualLog.js';
import { programmePdf, readProgrammeData } from './features/agenda/print.js';
import { describeError, isLang, terminalLanguage, translator } from './messages.js';
import { EXPORT_USAGE, exportCommand } from './features/export/cli.js';
import { openPanelFile } from './store/panelFile.js';
import { seatCommand } from './features/seating/engine/cli.js';

const USAGE = `puntari host [--panel FILE] [--port N] [--home DIR] [--room-bind ADDR]... [--room-hostname NAME]...
puntari demo --out FILE
puntari programme --panel FILE --out FILE.pdf [--table N] [--lang fi|sv|en]
puntari actual-log --panel FILE --out FILE.csv [--lang fi|sv|en]
puntari select --features F.csv|F.xlsx --people P.csv|P.xlsx --panel-size K [--algorithm leximin|legacy] [--seed S]
               [--lottery M [--draw D]] [--id-column id] [--address-columns a,b] --out DIR
${EXPORT_USAGE}
puntari seat --people PEOPLE.csv --id-column ID --table-size N --rounds R --diversify a,b,c [--seed S] --out ALLOCATION.json

The passphrase of an encrypted panel is read from the environment variable PUNTARI_PASSPHRASE.`;

async function host(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      panel: { type: 'string' },
      port: { type: 'string' },
      home: { type: 'string' },
      'room-bind': { type: 'string', multiple: true },
      'room-hostname': { type: 'string', multiple: true },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new PuntariError('protocol.badField', { field: 'port', issue: values.port ?? '' });
  }
  const running = await startHub({
    port,
    home: values.home,
    panelPath: values.panel ? resolve(values.panel) : undefined,
    passphrase: process.env.PUNTARI_PASSPHRASE || undefined,
    roomBind: values['room-bind'],
    roomHostnames: values['room-hostname'],
  });
  process.stdout.write(`Puntari facilitator: ${running.facilitatorUrl()}\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function demo(args: string[]): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new PuntariError('protocol.badField', { field: '--out', issue: 'required' });
  const out = resolve(values.out);
  writeDemoPanel(out, process.env.PUNTARI_PASSPHRASE || undefined);
  process.stdout.write(`${out}\n`);
}

/** `puntari programme` and `puntari actual-log`: the printable programme and the planned-versus-actual log, from a panel file. */
async function exportFile(kind: 'programme' | 'actual-log', args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { panel: { type: 'string' }, out: { type: 'string' }, table: { type: 'string' }, lang: { type: 'string' } },
  });
  if (!values.panel) throw new PuntariError('protocol.badField', { field: '--panel', issue: 'required' });
  if (!values.out) throw new PuntariError('protocol.badField', { field: '--out', issue: 'required' });
  const lang = values.lang ?? terminalLanguage();
  if (!isLang(lang)) throw new PuntariError('protocol.badField', { field: '--lang', issue: lang });
  const tableNo = values.table === undefined ? null : Number(values.table);
  if (tableNo !== null && (kind !== 'programme' || !Number.isInteger(tableNo) || tableNo < 1)) {
    throw new PuntariError('protocol.badField', { field: '--table', issue: values.table ?? '' });
  }
  const panel = openPanelFile(resolve(values.panel), process.env.PUNTARI_PASSPHRASE || undefined);
  let file: Buffer | string;
  try {
    if (kind === 'actual-log') file = actualLogCsv(readActualLogData(panel.db), { lang });
    else {
      const data = readProgrammeData(panel.db);
      if (tableNo !== null && !data.tables.some((t) => t.no === tableNo)) {
        throw new PuntariError('protocol.badField', { field: '--table', issue: String(tableNo) });
      }
      file = await programmePdf(data, { lang, tableNo });
    }
  } finally {
    panel.close();
  }
  const out = resolve(values.out);
  writeFileSync(out, file);
  process.stdout.write(`${out}\n`);
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'host':
        await host(rest);
        return;
      case 'demo':
        demo(rest);
        return;
      case 'export':
        await exportCommand(rest);
        return;
      case 'select': {
        const { selectCommand } = await import('./features/selection/selectCli.js');
        const t = translator(terminalLanguage());
        const report = await selectCommand(rest, {
          reportProblem: ({ file, code, params }) => process.stderr.write(`puntari: ${file}: ${t(`errors.selection.file.${code}`, params)}\n`),
        });
        process.stdout.write(`${JSON.stringify({ algorithm: report.algorithm, n: report.n, k: report.k, min_probability: report.min_probability, seconds: report.seconds, final: report.final })}\n`);
        return;
      }
      case 'programme':
      case 'actual-log':
        await exportFile(command, rest);
        return;
      case 'seat':
        seatCommand(rest);
        return;
      default:
        process.stdout.write(`${USAGE}\n`);
        process.exitCode = command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof PuntariError) {
      process.stderr.write(`puntari: ${describeError(error.toWire())}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`puntari: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
