import type { Issue } from '../../../shared/model/types';
import { saveAtomic } from './atomic-save';
import { checkExportTargets, type ExportGuard } from './export-target';

/**
 * The files of one export, collected while the formats render and written only once all of them are known and
 * checked (export-target.ts): an export that would replace the issue, or an existing file without the user's
 * yes, writes nothing at all rather than the first few files. Each file goes through the verified writer.
 */
export class ExportWrites {
  private readonly planned: { file: string; data: string | Buffer }[] = [];

  add(file: string, data: string | Uint8Array): void {
    this.planned.push({
      file,
      data:
        typeof data === 'string' || Buffer.isBuffer(data)
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    });
  }

  get files(): string[] {
    return this.planned.map((p) => p.file);
  }

  /** Checks every target against `guard`, then writes them in order. @throws ExportTargetError, SaveError */
  async commit(issue: Issue, guard?: ExportGuard): Promise<void> {
    await checkExportTargets(issue, this.files, guard);
    for (const p of this.planned) await saveAtomic(p.file, p.data, { backup: false });
  }
}
