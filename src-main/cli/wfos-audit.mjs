#!/usr/bin/env node
// The installed `wfos-audit` command: runs the TypeScript CLI through tsx, so the command
// works straight after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { tuneV8ForAudits } = await import('../v8-tuning.ts');
tuneV8ForAudits();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
