// Shows index downloads on stderr: one line redrawn in place on a terminal; otherwise a plain line at
// most every few seconds for downloads that take that long, so logs stay short.
import type { IndexProgress } from './index-download.js';

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export function progressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 5000,
): { onProgress: (p: IndexProgress) => void; finish: () => void } {
  const tty = Boolean(stream.isTTY);
  const active = new Map<string, IndexProgress>();
  const started = new Map<string, number>();
  let lastPlain = Date.now();
  let drawn = false;
  const draw = () => {
    const parts = [...active.values()].map(
      (p) =>
        `${p.url.replace(/^https?:\/\//, '').replace(/\/repodata\.json$/, '')} ${mb(p.received)}${p.total ? `/${mb(p.total)}` : ''}`,
    );
    const line = `downloading channel indexes: ${parts.join(', ')}`;
    const width = stream.columns ? stream.columns - 1 : 120;
    stream.write(`\r\u001b[2K${line.slice(0, width)}`);
    drawn = true;
  };
  return {
    onProgress(p) {
      if (!started.has(p.url)) started.set(p.url, Date.now());
      if (p.done) active.delete(p.url);
      else active.set(p.url, p);
      const now = Date.now();
      if (tty) {
        if (active.size) draw();
        else if (drawn) {
          stream.write('\r\u001b[2K');
          drawn = false;
        }
      } else if (!p.done && now - lastPlain >= everyMs && now - started.get(p.url)! >= 1000) {
        lastPlain = now;
        stream.write(`downloading ${p.url}: ${mb(p.received)}${p.total ? ` of ${mb(p.total)}` : ''}\n`);
      }
    },
    finish() {
      if (tty && drawn) stream.write('\r\u001b[2K');
    },
  };
}
