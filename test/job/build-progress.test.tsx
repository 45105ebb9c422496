import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src/job/events.js';
import { parseProgress } from '../../src/docker/progress.js';
import { BuildProgress, progressBar, useBuildProgress } from '../../src/ui/job/BuildProgress.js';
import { plainProgress } from '../../src/commands/job-progress.js';
import { initialBuildView, KEEP_LINES, reduceBuildView } from '../../src/ui/job/progress-state.js';

const STREAMS = join(import.meta.dirname, '..', 'docker', 'streams');
const recorded = (name: string): JobEvent[] => parseProgress([readFileSync(join(STREAMS, `${name}.raw`))]);
const fold = (events: JobEvent[]) => events.reduce(reduceBuildView, initialBuildView);
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pull: JobEvent[] = [
  { kind: 'phase', phase: 'pull', text: 'pulling amlenv-test/base:1' },
  { kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Downloading', current: 1024, total: 4096 },
  { kind: 'layer', id: 'bbbbbbbbbbbb', status: 'Pull complete' },
];

function Screen({ events }: { events: JobEvent[] }) {
  const [state, listener] = useBuildProgress();
  useEffect(() => events.forEach(listener), [events, listener]);
  return <BuildProgress state={state} />;
}

describe('build view state', () => {
  it('follows steps, cache hits and the log of a recorded build', () => {
    const state = fold([{ kind: 'phase', phase: 'build', text: 'building x' }, ...recorded('build-cached')]);
    expect(state.step).toMatchObject({ index: 5, total: 5, cached: true });
    expect(state.stepsDone).toBe(4);
    expect(state.log).toEqual([]);
  });

  it('keeps one entry per layer, updated in place', () => {
    const state = fold([...pull, { kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Downloading', current: 4096 }]);
    expect(state.layers).toEqual([
      { id: 'aaaaaaaaaaaa', status: 'Downloading', current: 4096, total: 4096 },
      { id: 'bbbbbbbbbbbb', status: 'Pull complete', current: undefined, total: undefined },
    ]);
  });

  it('keeps the last lines only', () => {
    const many: JobEvent[] = Array.from({ length: KEEP_LINES + 50 }, (_, i) => ({
      kind: 'output',
      stream: 'stdout',
      text: `line ${i}`,
    }));
    const state = fold(many);
    expect(state.output).toHaveLength(KEEP_LINES);
    expect(state.output.at(-1)!.text).toBe(`line ${KEEP_LINES + 49}`);
  });
});

describe('BuildProgress (Ink)', () => {
  it('draws pull bars per layer with sizes', () => {
    const { lastFrame } = render(<BuildProgress state={fold(pull)} barWidth={8} />);
    const frame = lastFrame()!;
    expect(frame).toContain('pulling amlenv-test/base:1');
    expect(frame).toMatch(/aaaaaaaaaaaa\s+██░░░░░░ Downloading 1\.0 KB\/4\.0 KB/);
    expect(frame).toMatch(/bbbbbbbbbbbb\s+████████ Pull complete/);
  });

  it('draws the step bar and the log pane of a recorded build, then the result', () => {
    const events = [
      { kind: 'phase', phase: 'build', text: 'building amlenv/x:abc' } as JobEvent,
      ...recorded('build-ok'),
    ];
    const hello = events.findIndex((e) => e.kind === 'log' && e.text === 'hello');
    const { lastFrame, rerender } = render(<BuildProgress state={fold(events.slice(0, hello + 1))} barWidth={10} />);
    expect(lastFrame()).toMatch(/step 3\/5\s+████░░░░░░ RUN cat \/hello\.txt/);
    expect(lastFrame()).toContain('build log');
    expect(lastFrame()).toContain('hello');
    rerender(
      <BuildProgress
        state={fold([
          ...events,
          { kind: 'built', tag: 'amlenv/x:abc', imageId: 'sha256:1', steps: 5, cachedSteps: 0, seconds: 2.5 },
        ])}
        barWidth={10}
      />,
    );
    expect(lastFrame()).toMatch(/step 5\/5\s+██████████ LABEL x=y/);
    expect(lastFrame()).toContain('built amlenv/x:abc in 2.5 s (5 steps, 0 from cache)');
  });

  it('shows the failing step and the tail of its log', () => {
    const events: JobEvent[] = [
      ...recorded('build-run-fails'),
      {
        kind: 'failed',
        message: 'returned a non-zero code: 3',
        step: { index: 2, total: 3, instruction: 'RUN echo preparing' },
        tail: ['preparing', 'line 3'],
      },
    ];
    const frame = render(<BuildProgress state={fold(events)} />).lastFrame()!;
    expect(frame).toContain('last lines of step 2/3');
    expect(frame).toContain('line 3');
    expect(frame).toContain('build failed at step 2/3 (RUN echo preparing): returned a non-zero code: 3');
  });

  it('shows the script output and where the outputs went', () => {
    const events: JobEvent[] = [
      { kind: 'reused', tag: 'amlenv/x:abc', imageId: 'sha256:1' },
      { kind: 'output', stream: 'stdout', text: 'epoch 1 loss 0.3' },
      { kind: 'output', stream: 'stderr', text: 'a warning' },
      {
        kind: 'finished',
        exitCode: 0,
        timedOut: false,
        oomKilled: false,
        seconds: 1.25,
        outputsDir: 'amlenv-runs/x_1',
        collected: 3,
        skipped: ['outputs/passwd: a link (links are not followed)'],
      },
    ];
    const frame = render(<BuildProgress state={fold(events)} />).lastFrame()!;
    expect(frame).toContain('up to date: amlenv/x:abc exists already, nothing to build');
    expect(frame).toContain('script output');
    expect(frame).toContain('epoch 1 loss 0.3');
    expect(frame).toContain('script exited with 0 after 1.3 s');
    expect(frame).toContain('outputs and logs: amlenv-runs/x_1 (3 files)');
    expect(frame).toContain('left behind: outputs/passwd');
  });

  it('useBuildProgress folds events handed to its listener', async () => {
    const { lastFrame } = render(
      <Screen events={[{ kind: 'finished', exitCode: 1, timedOut: true, oomKilled: false, seconds: 2 }]} />,
    );
    await delay(30);
    expect(lastFrame()).toContain('timed out after 2 s: the container was stopped');
  });

  it('progressBar clamps and rounds', () => {
    expect(progressBar(0.5, 4)).toBe('██░░');
    expect(progressBar(2, 3)).toBe('███');
    expect(progressBar(Number.NaN, 2)).toBe('░░');
  });
});

describe('plain progress lines (same events)', () => {
  it('prints one line per step and per layer status change, and the failing step with its tail', () => {
    const lines: string[] = [];
    const print = plainProgress((l) => lines.push(l));
    for (const e of [
      ...pull,
      { kind: 'layer', id: 'aaaaaaaaaaaa', status: 'Downloading', current: 2048, total: 4096 } as JobEvent,
      ...recorded('build-run-fails'),
    ])
      print(e);
    print({ kind: 'failed', message: 'boom', step: { index: 2, total: 3, instruction: 'RUN x' }, tail: ['line 3'] });
    expect(lines.filter((l) => l.includes('aaaaaaaaaaaa'))).toEqual(['  layer aaaaaaaaaaaa: Downloading 4.0 KB']);
    expect(lines).toContain(
      'step 2/3 RUN echo preparing && for i in 1 2 3; do echo line $i; done && echo something broke >&2 && exit 3',
    );
    expect(lines).toContain('  │ something broke');
    expect(lines).toContain('build failed at step 2/3 (RUN x): boom');
    expect(lines.at(-1)).toBe('  │ line 3');
  });
});
