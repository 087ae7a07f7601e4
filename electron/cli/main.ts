import { importCommand, importHelp } from './commands/import';
import { checkCommand, checkHelp } from './commands/check';
import { exportCommand, exportHelp } from './commands/export';
import { cleanupCommand, cleanupHelp } from './commands/cleanup';
import { suggestCommand, suggestHelp } from './commands/suggest';
import { openEndsCommand, openEndsHelp } from './commands/open-ends';
import { mergeCommand, mergeHelp } from './commands/merge';
import { CliError, type CliIO } from './cli-error';
import { describeFsError } from '../host/services/read-input';

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Subcommands; other features register theirs here (suggest, …). */
export const COMMANDS: Record<string, { run: Command; help: string }> = {
  import: { run: importCommand, help: importHelp },
  check: { run: checkCommand, help: checkHelp },
  export: { run: exportCommand, help: exportHelp },
  cleanup: { run: cleanupCommand, help: cleanupHelp },
  suggest: { run: suggestCommand, help: suggestHelp },
  'open-ends': { run: openEndsCommand, help: openEndsHelp },
  merge: { run: mergeCommand, help: mergeHelp },
};

function usage(): string {
  return ['usage:', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

/** Runs the CLI. Errors become one line `galley: …` on stderr with exit code 2 (a stack only with --debug). */
export async function main(
  argv: string[],
  io: CliIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') },
): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  try {
    if (!cmd) throw new CliError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return await cmd.run(rest, io);
  } catch (e) {
    const err = e as Error & { exitCode?: number; code?: string };
    if (debug) io.err(err.stack ?? String(err));
    const errPath = (err as { path?: unknown }).path;
    // One line: a message that spans lines (a library's) keeps its first; the CLI's own may list details below.
    let msg = err instanceof CliError ? err.message : String(err?.message ?? e).split('\n')[0];
    if (err.code === 'ENOENT' && typeof errPath === 'string') msg = `no such file: ${errPath}`;
    else if (err.code === 'EACCES' && typeof errPath === 'string') msg = `permission denied: ${errPath}`;
    else if (typeof err.code === 'string' && typeof errPath === 'string')
      msg = describeFsError(err, errPath).message.split('\n')[0];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      msg = `${msg}\n${usage()}`;
    io.err(`galley: ${msg.replace(/^galley: /, '')}`);
    return err instanceof CliError ? err.exitCode : 2;
  }
}
