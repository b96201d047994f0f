/**
 * A one-line progress bar on stderr: phase, bar, count, rate and elapsed time, redrawn at
 * most five times a second. Used by `greenlist import` and the bench data generator.
 * The share may be given apart from the count (a streamed file: rows counted, bytes
 * measured), and the total may be unknown (shown as the count alone).
 */
export class Progress {
  private label = '';
  private total: number | undefined = 1;
  private started = 0;
  private lastDraw = 0;

  constructor(private readonly quiet: boolean) {}

  start(label: string, total: number | undefined): void {
    this.label = label;
    this.total = total === undefined ? undefined : Math.max(total, 1);
    this.started = Date.now();
    this.lastDraw = 0;
    this.update(0);
  }

  /** `share` (0–1) defaults to done / total. */
  update(done: number, share?: number): void {
    if (this.quiet) return;
    const at = Date.now();
    const fraction = Math.min(share ?? (this.total === undefined ? 0 : done / this.total), 1);
    if (fraction < 1 && at - this.lastDraw < 200) return;
    this.lastDraw = at;
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (at - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const count = this.total === undefined ? done.toLocaleString('en') : `${done.toLocaleString('en')}/${this.total.toLocaleString('en')}`;
    process.stderr.write(`\r${this.label.padEnd(38)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${count} ${rate.toLocaleString('en')}/s ${seconds.toFixed(1)}s`);
  }

  done(): void {
    if (!this.quiet) process.stderr.write('\n');
  }
}
