#!/usr/bin/env node
// The `galley` command. Runs the TypeScript CLI through tsx so that `npx galley` works right after setup.
import { register } from 'tsx/esm/api';

// `galley check … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
