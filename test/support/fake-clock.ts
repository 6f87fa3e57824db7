/** A clock for code that takes `clock: () => number`: starts at 2026-11-22T08:00:00Z and moves only by `advance`. */
export class FakeClock {
  ms = Date.parse('2026-11-22T08:00:00Z');
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}
