/** A one-line progress bar on stderr: phase, bar, count, rate and elapsed time. */
export class Progress {
  private label = '';
  private total = 1;
  private started = 0;
  private lastDraw = 0;

  constructor(private readonly quiet: boolean) {}

  start(label: string, total: number): void {
    this.label = label;
    this.total = Math.max(total, 1);
    this.started = Date.now();
    this.lastDraw = 0;
    this.update(0);
  }

  update(done: number): void {
    if (this.quiet) return;
    const at = Date.now();
    if (done < this.total && at - this.lastDraw < 200) return;
    this.lastDraw = at;
    const share = Math.min(done / this.total, 1);
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (at - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    process.stderr.write(`\r${this.label.padEnd(38)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${rate.toLocaleString('en')}/s ${seconds.toFixed(1)}s`);
  }

  done(): void {
    if (!this.quiet) process.stderr.write('\n');
  }
}
