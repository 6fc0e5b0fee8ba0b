/**
 * One export in a fresh process, as the hub's job worker does it (export.bench.ts spawns this):
 * import the export job's modules, build the generated statement's document model, render it once.
 * Prints {"wall_ms", "cpu_ms"} (cpu: the whole process, every thread, from after the fixture is made).
 */
import { syntheticExportData } from '../support/statementFixture.js';

const [format, count] = [process.argv[2] as 'docx' | 'pdf', Number(process.argv[3] ?? 60)];
const data = syntheticExportData({ recommendations: count, sections: 6, final: true });
const cpu = process.cpuUsage();
const started = performance.now();
await import('../../main/features/export/job.js');
const { buildStatementDocument } = await import('../../main/features/export/buildDocument.js');
const { renderDocument } = await import('../../main/features/export/exportStatement.js');
const { document } = buildStatementDocument(data, { language: 'fi', annexes: 'public', now: new Date('2026-11-21T15:00:00Z') });
await renderDocument(document, format);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ wall_ms: performance.now() - started, cpu_ms: (used.user + used.system) / 1000 }));
