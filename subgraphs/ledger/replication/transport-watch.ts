/**
 * What replication tells its operator: a problem (a refused entry, a transport lost) is a warning;
 * `info` is news that needs no action (a transport that answers again).
 */
export interface ReplicationNotice {
  readonly code: string;
  readonly message: string;
  readonly level?: 'info';
}

/**
 * One transport (a log, a partner's node) as its operator hears of it: the first call that fails
 * says it is lost and why; the retries that fail while it stays lost say nothing (a dead Redis is
 * retried every few hundred milliseconds); the first call that answers after that says it is back,
 * once. A lost transport is not reminded of: the last line about it stays true until the next.
 */
export class TransportWatch {
  #lost = false;
  /** Changes told so far: a call begun before the last one says nothing about the transport since. */
  #changes = 0;

  /**
   * `tell` hears of each change; `lostBy` says which failures mean the transport is lost (default:
   * all); any other is an answer, as a partner's node refusing a request is.
   */
  constructor(
    private readonly tell: { lost(reason: string): void; back(): void },
    private readonly lostBy: (error: unknown) => boolean = () => true,
  ) {}

  /** Whether the transport is lost: a call failed, and none begun since has answered. */
  get lost(): boolean {
    return this.#lost;
  }

  /**
   * Runs one call to the transport and settles as it does. A call that was under way when the loss
   * (or the recovery) was told changes nothing: a read that began before Redis died may still
   * return, and a write sent before it came back may still fail.
   */
  async call<T>(run: () => Promise<T>): Promise<T> {
    const since = this.#changes;
    let result: T;
    try {
      result = await run();
    } catch (error) {
      this.#failed(since, error);
      throw error;
    }
    this.#answered(since);
    return result;
  }

  #failed(since: number, error: unknown): void {
    if (!this.lostBy(error)) return this.#answered(since);
    if (since === this.#changes && !this.#lost) this.#turn(true, () => this.tell.lost(error instanceof Error ? error.message : String(error)));
  }

  #answered(since: number): void {
    if (since === this.#changes && this.#lost) this.#turn(false, () => this.tell.back());
  }

  #turn(lost: boolean, tell: () => void): void {
    this.#lost = lost;
    this.#changes += 1;
    tell();
  }
}
