/**
 * Calls into a worker that fail instead of waiting forever when the worker
 * dies (its script fails to load, an uncaught error): every call still
 * waiting is rejected with the reason, and every later call at once.
 *
 * Not `Promise.race([call, died])`: a race adds a reaction to `died`, which
 * never settles while the worker lives, so each call's reaction, closures
 * and promise stayed reachable from it: one per analysed frame, ~124 bytes,
 * +5 MB of page heap over a 30-minute camera session (npm run soak, heap
 * snapshots 40 s apart: 3357 frames, 3357 Promise + PromiseReaction +
 * Context, 6714 closures). Here a settled call leaves nothing behind.
 */
export class WorkerCalls {
  private readonly waiting = new Set<(err: Error) => void>();
  private died: Error | null = null;

  /** calls started and not yet settled */
  get pending(): number {
    return this.waiting.size;
  }

  /** `promise`, or its rejection with the worker's death when that comes first */
  call<T>(promise: Promise<T>): Promise<T> {
    const died = this.died;
    if (died) {
      promise.catch(() => undefined);
      return Promise.reject(died);
    }
    return new Promise<T>((resolve, reject) => {
      const waiting = this.waiting;
      waiting.add(reject);
      promise.then(
        (value) => {
          waiting.delete(reject);
          resolve(value);
        },
        (err: unknown) => {
          waiting.delete(reject);
          reject(err);
        },
      );
    });
  }

  /** The worker died: every waiting call fails with `reason`, and so does every later one. */
  fail(reason: Error): void {
    this.died ??= reason;
    for (const reject of this.waiting) reject(this.died);
    this.waiting.clear();
  }
}
