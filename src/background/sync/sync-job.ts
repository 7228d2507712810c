/**
 * One sync run (a check of the feed, an import, a restore) as one value: the feed a check reads, where its
 * progress goes, and the phase timings it records. Every step of the run takes the job, so adding something a
 * run carries (an abort signal, say) changes this file, not the signature of each step.
 *
 * The timings are the benchmark's figures (SyncState.timings, read by scripts/bench/sync-apply-bench.ts): they
 * are taken here, around the steps, so the store only stores. No browser API: the progress sink and the clock
 * are given, so the check's logic runs in Node tests (tests/unit/sync-planning.test.ts).
 */
import type { SyncPhase } from '../../shared/api/sync-api.ts';
import type { FeedConfig } from './feed-config.ts';

/** Phase durations in ms, by phase name ('index', 'download', 'parse', 'validate', 'apply', 'total', …). */
export type Timings = Record<string, number>;

/** Where a run reports its progress (sync-state.ts's ProgressReporter writes it for the Updates tab). */
export interface ProgressSink {
  report(phase: SyncPhase, done?: number, total?: number): void;
}

export interface SyncJobOptions<F extends FeedConfig | undefined> {
  progress: ProgressSink;
  /** The feed a check reads; none for an import or a restore. */
  feed: F;
  /** A monotonic clock in ms (performance.now by default). */
  clock?: () => number;
  /** When the run began, on `clock` (by default: now). */
  startedAt?: number;
}

export class SyncJob<F extends FeedConfig | undefined = FeedConfig | undefined> {
  readonly feed: F;
  readonly timings: Timings = {};
  private readonly progress: ProgressSink;
  private readonly clock: () => number;
  private readonly startedAt: number;

  constructor(options: SyncJobOptions<F>) {
    this.feed = options.feed;
    this.progress = options.progress;
    this.clock = options.clock ?? (() => performance.now());
    this.startedAt = options.startedAt ?? this.clock();
  }

  report(phase: SyncPhase, done = 0, total = 0): void {
    this.progress.report(phase, done, total);
  }

  /** Runs `work`, recording how long it took as `timings[name]` (ms, to a tenth), whether it succeeds or throws. */
  async time<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const start = this.clock();
    try {
      return await work();
    } finally {
      this.since(name, start);
    }
  }

  /** Runs synchronous `work`, recording how long it took (a step inside a transaction, which may not wait). */
  timeSync<T>(name: string, work: () => T): T {
    const start = this.clock();
    try {
      return work();
    } finally {
      this.since(name, start);
    }
  }

  /** This job's clock, for `since`. */
  now(): number {
    return this.clock();
  }

  /** Records as `timings[name]` the time from `start` (on this job's clock) until now. */
  since(name: string, start: number): void {
    this.timings[name] = Math.round((this.clock() - start) * 10) / 10;
  }

  /** Records the whole run so far as `timings.total` (whole ms) and returns the timings. */
  finishTimings(): Timings {
    this.timings.total = Math.round(this.clock() - this.startedAt);
    return this.timings;
  }
}

/** A check of the feed: a job that has a feed. */
export type FeedJob = SyncJob<FeedConfig>;
