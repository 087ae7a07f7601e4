/** An error the CLI reports as one line `galley: <message>` with exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}
