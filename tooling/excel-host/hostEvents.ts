/** Event registrations of the host (worksheet onChanged, onDeleted, onNameChanged), dispatched asynchronously. */

export type HostEventKind = "worksheetChanged" | "worksheetDeleted" | "worksheetNameChanged";

export type HostEventHandler = (args: Record<string, unknown>) => unknown;

interface Registration {
  kind: HostEventKind;
  /** undefined: every sheet (collection-level registration, e.g. worksheets.onChanged). */
  sheetId?: string;
  handler: HostEventHandler;
}

export class HostEvents {
  private registrations: Registration[] = [];
  private running = new Set<Promise<unknown>>();
  /** Errors thrown by handlers (the host never swallows them silently: tests can assert on this list). */
  readonly handlerErrors: unknown[] = [];
  /** Adds fields to every event's arguments (getRange etc., provided by the proxy layer). */
  decorate: (args: Record<string, unknown>) => Record<string, unknown> = (args) => args;

  add(kind: HostEventKind, sheetId: string | undefined, handler: HostEventHandler): () => void {
    const registration: Registration = { kind, sheetId, handler };
    this.registrations.push(registration);
    return () => {
      this.registrations = this.registrations.filter((r) => r !== registration);
    };
  }

  count(kind?: HostEventKind): number {
    return kind === undefined ? this.registrations.length : this.registrations.filter((r) => r.kind === kind).length;
  }

  emit(kind: HostEventKind, sheetId: string | undefined, args: Record<string, unknown>): void {
    const targets = this.registrations.filter(
      (r) => r.kind === kind && (r.sheetId === undefined || r.sheetId === sheetId),
    );
    for (const target of targets) {
      const decorated = this.decorate(args);
      const run = Promise.resolve()
        .then(() => target.handler(decorated))
        .catch((error: unknown) => {
          this.handlerErrors.push(error);
          console.error("Event handler failed", error);
        })
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  /** Resolves when every dispatched handler (and handlers those trigger) has finished. */
  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.running.size > 0; i++) {
      await Promise.all([...this.running]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
