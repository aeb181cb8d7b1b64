/** Time as the emulator sees it: real, or frozen at an instant set by a seed, option or test. */

export function toIso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses an instant; `what` names the field in the error so bad seeds say where they are wrong. */
export function parseInstant(value: unknown, what: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return new Date(value.getTime());
  if (typeof value === 'string' && value.trim() !== '') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new Error(`${what}: expected an ISO 8601 date-time, got ${JSON.stringify(value)}`);
}

export class Clock {
  private frozen: Date | null = null;

  set(now: Date | string | null): void {
    this.frozen = now === null ? null : parseInstant(now, 'clock');
  }

  get isFrozen(): boolean {
    return this.frozen !== null;
  }

  date(): Date {
    return this.frozen ? new Date(this.frozen.getTime()) : new Date(Date.now());
  }

  iso(): string {
    return toIso(this.date());
  }
}
