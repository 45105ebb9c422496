// "Solve now" in the app: probe the channels once for a definition, then solve on request.
import { useEffect, useRef, useState } from 'react';
import type { LoadedDefinition } from '../../env/types.js';
import { errorMessage } from '../../util/errors.js';

export type SolveNowView =
  | { status: 'probing' }
  | { status: 'unavailable'; reason: string }
  | { status: 'ready' }
  | { status: 'solving'; download?: string }
  | {
      status: 'done';
      solved: boolean;
      seconds: number;
      packages: Array<{ name: string; version: string }>;
      problems: Array<{ severity: 'error' | 'warning' | 'info'; where: string; message: string; hint: string }>;
    }
  | { status: 'failed'; message: string };

/** What to solve: a loaded definition (the wizard's draft) or the path of a file. */
export type SolveSource = () => LoadedDefinition | string | undefined;

/**
 * `source` gives the definition to solve; `key` changes when it changes, which probes again (only while
 * `enabled`). The solver modules are imported on first use, so screens that never solve never load them.
 */
export function useSolveNow(
  source: SolveSource,
  key: string,
  enabled = true,
): { view: SolveNowView; start: () => void } {
  const [view, setView] = useState<SolveNowView>({ status: 'probing' });
  const current = useRef(key);
  const busy = useRef(false);
  current.current = key;

  useEffect(() => {
    let live = true;
    setView({ status: 'probing' });
    if (!enabled) return;
    (async () => {
      const def = await resolve(source);
      if (typeof def === 'string') return live && setView({ status: 'unavailable', reason: def });
      const { probeChannels } = await import('../../solve/probe.js');
      const probe = await probeChannels(def);
      if (live) setView(probe.ok ? { status: 'ready' } : { status: 'unavailable', reason: probe.reason });
    })().catch((err: Error) => live && setView({ status: 'unavailable', reason: err.message.split('\n')[0] }));
    return () => {
      live = false;
    };
  }, [key, enabled]);

  const start = () => {
    if (busy.current) return;
    busy.current = true;
    const startedFor = current.current;
    setView({ status: 'solving' });
    (async () => {
      const def = await resolve(source);
      if (typeof def === 'string') throw new Error(def);
      const { solveDefinition } = await import('../../solve/solve-definition.js');
      const { appChannelOverride } = await import('../../solve/probe.js');
      let shown = 0;
      const onProgress = (p: { url: string; received: number; total?: number; done: boolean }) => {
        if (p.done || Date.now() - shown < 250 || current.current !== startedFor) return;
        shown = Date.now();
        const where = p.url.replace(/^[a-z]+:\/\//, '').replace(/\/repodata\.json$/, '');
        setView({
          status: 'solving',
          download: `${where} ${(p.received / 1e6).toFixed(1)} MB${p.total ? ` of ${(p.total / 1e6).toFixed(1)} MB` : ''}`,
        });
      };
      const report = await solveDefinition(def, { channels: appChannelOverride(), onProgress });
      if (current.current !== startedFor) return;
      setView({
        status: 'done',
        solved: report.solved,
        seconds: report.ms.total / 1000,
        packages: report.records.map((r) => ({ name: r.name, version: r.version })),
        problems: report.diagnostics.map((d) => ({
          severity: d.severity,
          where: d.line !== undefined ? `line ${d.line}` : d.path || 'file',
          message: d.message,
          hint: d.hint,
        })),
      });
    })()
      .catch((err: Error) => setView({ status: 'failed', message: err.message.split('\n')[0] }))
      .finally(() => {
        busy.current = false;
      });
  };
  return { view, start };
}

/** The definition, or why there is none, as one line. */
async function resolve(source: SolveSource): Promise<LoadedDefinition | string> {
  try {
    const given = source();
    if (given === undefined) return 'nothing to solve';
    if (typeof given !== 'string') return given;
    const { loadForSolve } = await import('../../solve/solve-definition.js');
    return loadForSolve(given);
  } catch (err) {
    return errorMessage(err);
  }
}
