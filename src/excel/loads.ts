/**
 * Loads that fit Excel on the web's response limit. Excel on the web refuses a response over
 * 5 MB (`ResponsePayloadSizeLimitExceeded`, "Payload size limit best practices",
 * learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices),
 * and what a load returns is only known once Excel has it. So every load is queued for one
 * sync, which is all a plan that fits costs; when Excel refuses the response, the loads are
 * made again in two halves, each in its own sync, and so on. Loads change nothing, so asking
 * again is safe.
 */
const REFUSED = 'ResponsePayloadSizeLimitExceeded';

export class Loads {
  private readonly queued: (() => void)[] = [];
  /** Syncs made, for the callers' counts. */
  syncs = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  /** Queues a load now; it is made again if its response has to be split. */
  add(load: () => void): void {
    load();
    this.queued.push(load);
  }

  /** Syncs every queued load, splitting where Excel refuses a response as too large. */
  async sync(): Promise<void> {
    const all = this.queued.splice(0);
    await this.attempt(all, false);
  }

  private async attempt(loads: readonly (() => void)[], again: boolean): Promise<void> {
    if (again) for (const load of loads) load();
    try {
      this.syncs++;
      await this.context.sync();
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== REFUSED || loads.length < 2) throw e;
      const half = Math.ceil(loads.length / 2);
      await this.attempt(loads.slice(0, half), true);
      await this.attempt(loads.slice(half), true);
    }
  }
}
