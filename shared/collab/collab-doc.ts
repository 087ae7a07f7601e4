import { LoroDoc } from 'loro-crdt';
import type { Issue } from '../model/types';
import type { ApplyMeta, Op } from '../ops';
import { seedDoc } from './seed';
import { CollabState } from './state';
import { CollabWriter } from './writer';
import { projectIssue } from './project';

/**
 * An issue held in a CRDT document: the operations write it (`apply`), `issue` is what the app shows. Local
 * operations return the issue as shared/ops computes it; after an import the issue is projected from the document.
 */
export class CollabDoc {
  readonly state: CollabState;
  private readonly writer: CollabWriter;
  private current: Issue | null = null;

  constructor(readonly doc: LoroDoc) {
    this.state = new CollabState(doc);
    this.writer = new CollabWriter(this.state);
  }

  /** A new document seeded from an issue (deterministic; see seed.ts). */
  static fromIssue(issue: Issue): CollabDoc {
    return new CollabDoc(seedDoc(issue));
  }

  /** A document from saved bytes (a snapshot or updates, as `export` writes them). */
  static fromBytes(bytes: Uint8Array): CollabDoc {
    const doc = new LoroDoc();
    doc.import(bytes);
    return new CollabDoc(doc);
  }

  get issue(): Issue {
    if (!this.current) this.current = projectIssue(this.state);
    return this.current;
  }

  /** Applies an operation (validated by shared/ops; a refused one throws OpError and writes nothing). */
  apply(op: Op, meta: ApplyMeta = {}): Issue {
    this.current = this.writer.apply(this.issue, op, meta);
    return this.current;
  }

  /** Imports updates from another copy or peer; the issue is projected again. */
  import(bytes: Uint8Array | Uint8Array[]): void {
    if (Array.isArray(bytes)) this.doc.importBatch(bytes);
    else this.doc.import(bytes);
    this.reload();
  }

  reload(): void {
    this.state.reload();
    this.current = null;
  }

  /** The whole history (a snapshot), for the sidecar. */
  snapshot(): Uint8Array {
    return this.doc.export({ mode: 'snapshot' });
  }

  /** This document's changes since a version (all of them without one), for an update log. */
  updates(since?: ReturnType<LoroDoc['oplogVersion']>): Uint8Array {
    return this.doc.export(since ? { mode: 'update', from: since } : { mode: 'update' });
  }

  /** The projection computed afresh from the document (what another peer would see). */
  project(): Issue {
    return projectIssue(this.state);
  }
}
