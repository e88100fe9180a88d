import type { OutputStream } from "../io.js";

/**
 * The progress line of a long `klarbrev check` on a terminal: files done (of how many, once the
 * inputs are counted), files per second and the time left. Drawn on stderr only when stderr is
 * a terminal, at most ten times a second; anything else written meanwhile clears it first.
 */
export class Progress {
  private done = 0;
  private total: number | undefined;
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly stream: OutputStream,
    private readonly now: () => number = () => performance.now()
  ) {
    this.started = now();
  }

  /** The number of files, once known (the count runs beside the check). */
  setTotal(total: number): void {
    this.total = total;
  }

  tick(): void {
    this.done++;
    const now = this.now();
    if (now - this.lastDraw >= 100) this.draw(now);
  }

  /** Clear the line before other output; the next tick draws it again. */
  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }

  finish(): void {
    this.clear();
  }

  /** The line's text (without control codes), for tests and the terminal. */
  line(now = this.now()): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const count =
      this.total === undefined ? `${this.done} files` : `${this.done}/${this.total} files`;
    const parts = [count, `${rate.toFixed(rate < 10 ? 1 : 0)} files/s`];
    if (this.total !== undefined && rate > 0 && this.done > 0) {
      parts.push(`ETA ${clock(Math.max(0, this.total - this.done) / rate)}`);
    }
    return `klarbrev: ${bar(this.done, this.total)} ${parts.join(" · ")}`;
  }

  private draw(now: number): void {
    this.lastDraw = now;
    this.stream.write(`\r\x1b[K${this.line(now)}`);
    this.shown = true;
  }
}

function bar(done: number, total: number | undefined): string {
  const width = 20;
  if (total === undefined || total === 0) return `[${" ".repeat(width)}]`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${"#".repeat(filled)}${" ".repeat(width - filled)}]`;
}

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
