#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so `npx puntari` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
await main(process.argv.slice(2));
