// Reads the JSON-lines progress stream the daemon sends for builds and pulls (classic builder), one chunk at a
// time, into events that the plain output and the Ink view both draw. Pure. Unlike dockerode's followProgress,
// a line that is not JSON becomes an event instead of an uncaught exception.
import { type JsonRecord, jsonRecord, parseJson } from '../env/json.js';

export type ProgressEvent =
  /** A Dockerfile instruction starts (`Step 3/12 : RUN ...`). */
  | { kind: 'step'; index: number; total: number; instruction: string }
  /** The step just announced was taken from the cache. */
  | { kind: 'cached' }
  /** One line of output from the running step (or the run's script). */
  | { kind: 'log'; text: string; stream: 'stdout' | 'stderr' }
  /** Pull progress of one layer. */
  | { kind: 'layer'; id: string; status: string; current?: number; total?: number }
  /** A status line without a layer (`Pulling from ...`, `Digest: ...`, `Successfully tagged ...`). */
  | { kind: 'status'; text: string }
  /** The image id the build produced. */
  | { kind: 'image'; id: string }
  /** The daemon reported a failure; the stream ends after it. */
  | { kind: 'error'; message: string }
  /** A line that was not JSON (a proxy's message, a truncated write). */
  | { kind: 'unparsed'; text: string };

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
// Classic-builder bookkeeping lines: useful to the daemon, noise to the reader.
const NOISE = [
  /^ ---> [0-9a-f]{6,}$/,
  /^ ---> Running in [0-9a-f]+$/,
  /^Removing intermediate container [0-9a-f]+$/,
  /^ ---> Removed intermediate container/,
];
const STDERR_ON = '\u001b[91m';
const STDERR_OFF = '\u001b[0m';

export class ProgressParser {
  private raw = '';
  private text = '';
  private stderr = false;

  /** Feeds one chunk of the HTTP body; returns the events it completes. */
  push(chunk: Uint8Array | string): ProgressEvent[] {
    this.raw += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = this.raw.split(/\r?\n/);
    this.raw = lines.pop() ?? '';
    return lines.flatMap((line) => this.line(line));
  }

  /** Flushes what is left when the stream ends. */
  end(): ProgressEvent[] {
    const events = this.raw.trim() ? this.line(this.raw) : [];
    this.raw = '';
    if (this.text) events.push(...this.textLine(this.text));
    this.text = '';
    return events;
  }

  private line(line: string): ProgressEvent[] {
    if (!line.trim()) return [];
    let msg: JsonRecord;
    try {
      const parsed = jsonRecord(parseJson(line));
      if (!parsed) return [{ kind: 'unparsed', text: line }];
      msg = parsed;
    } catch {
      return [{ kind: 'unparsed', text: line.replace(/\u001b\[[0-9;]*m/g, '') }];
    }
    return this.message(msg);
  }

  private message(msg: JsonRecord): ProgressEvent[] {
    const detail = jsonRecord(msg.errorDetail);
    if (msg.error !== undefined || detail) {
      const events = this.text ? this.textLine(this.text) : [];
      this.text = '';
      return [...events, { kind: 'error', message: String(detail?.message ?? msg.error ?? 'unknown error').trim() }];
    }
    if (typeof msg.stream === 'string') {
      this.text += msg.stream;
      const parts = this.text.split('\n');
      this.text = parts.pop() ?? '';
      return parts.flatMap((part) => this.textLine(part));
    }
    const aux = jsonRecord(msg.aux);
    if (aux && typeof aux.ID === 'string') return [{ kind: 'image', id: aux.ID }];
    if (typeof msg.status === 'string') {
      const id = typeof msg.id === 'string' ? msg.id : undefined;
      const progress = jsonRecord(msg.progressDetail);
      if (id && !msg.status.startsWith('Pulling from')) {
        const current = typeof progress?.current === 'number' ? progress.current : undefined;
        const total = typeof progress?.total === 'number' ? progress.total : undefined;
        return [
          {
            kind: 'layer',
            id,
            status: msg.status,
            ...(current !== undefined ? { current } : {}),
            ...(total !== undefined ? { total } : {}),
          },
        ];
      }
      return [{ kind: 'status', text: id ? `${msg.status} (${id})` : msg.status }];
    }
    return [];
  }

  /** One line of builder text: a step header, a cache hit, bookkeeping, or the step's own output. */
  private textLine(raw: string): ProgressEvent[] {
    let line = raw;
    // RUN stderr comes wrapped in red: codes at the start of a line say which stream the line is on, codes later
    // in it say which stream the next lines are on.
    for (;;) {
      if (line.startsWith(STDERR_ON)) this.stderr = true;
      else if (line.startsWith(STDERR_OFF)) this.stderr = false;
      else break;
      line = line.slice(line.startsWith(STDERR_ON) ? STDERR_ON.length : STDERR_OFF.length);
    }
    const stream: 'stdout' | 'stderr' = this.stderr ? 'stderr' : 'stdout';
    const lastOn = line.lastIndexOf(STDERR_ON);
    const lastOff = line.lastIndexOf(STDERR_OFF);
    if (lastOn > lastOff) this.stderr = true;
    else if (lastOff > lastOn) this.stderr = false;
    line = line.split(STDERR_ON).join('').split(STDERR_OFF).join('');
    line = line.replace(/\r$/, '').replace(/^.*\r(?=.)/, '');
    const step = STEP.exec(line);
    if (step) {
      this.stderr = false;
      return [{ kind: 'step', index: Number(step[1]), total: Number(step[2]), instruction: step[3] }];
    }
    if (line === ' ---> Using cache') return [{ kind: 'cached' }];
    if (NOISE.some((re) => re.test(line))) return [];
    if (/^Successfully (built|tagged) /.test(line)) return [{ kind: 'status', text: line }];
    if (!line.trim()) return [];
    return [{ kind: 'log', text: line, stream }];
  }
}

/** Parses a whole recorded stream (tests, and callers that have it all at once). */
export function parseProgress(chunks: Array<Uint8Array | string>): ProgressEvent[] {
  const parser = new ProgressParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}
