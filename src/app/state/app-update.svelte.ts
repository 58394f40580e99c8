/**
 * A new version of the app, waiting. The service worker installs an update
 * beside the running version; it takes over only when asked, and the page
 * asks only when the person is not in a set: a reload mid-set would lose the
 * set. While a set runs, the offer stays hidden and comes back afterwards.
 */
export type ApplyUpdate = () => Promise<void>;

export class AppUpdate {
  /** a new version is installed and waits to take over */
  waiting = $state(false);
  /** the app's files are all cached: it works without the network from now on */
  offlineReady = $state(false);
  /** the reload has been asked for and is under way */
  applying = $state(false);
  private apply: ApplyUpdate | null = null;

  /** `inSet`: whether the person is in a set now (read each time: it changes under the offer) */
  constructor(private readonly inSet: () => boolean) {}

  /** The service worker has a new version waiting; `apply` lets it take over and reloads the page. */
  offer(apply: ApplyUpdate): void {
    this.apply = apply;
    this.waiting = true;
  }

  /** Whether the reload is offered now: a version waits, none is being applied, and no set runs. */
  get offered(): boolean {
    return this.waiting && !this.applying && !this.inSet();
  }

  /** Applies the waiting version; refused (false) while a set runs or when none waits. */
  async applyNow(): Promise<boolean> {
    if (!this.offered || !this.apply) return false;
    this.applying = true;
    try {
      await this.apply();
      return true;
    } catch (err) {
      this.applying = false;
      throw err;
    }
  }
}
