// The state of the build & run view, folded from job events by a pure reducer (testable without a terminal).
import { safeEvent } from '../../job/safe-event.js';
import type { JobEvent } from '../../job/events.js';

export interface LayerView {
  id: string;
  status: string;
  current?: number;
  total?: number;
}

export interface StepView {
  index: number;
  total: number;
  instruction: string;
  cached: boolean;
}

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface BuildViewState {
  /** What is happening now, in words. */
  phase?: string;
  layers: LayerView[];
  step?: StepView;
  /** Steps finished (the current one not counted). */
  stepsDone: number;
  /** Recent builder output (the log pane). */
  log: string[];
  /** Recent output of the script. */
  output: OutputLine[];
  result?: { kind: 'reused' | 'built'; tag: string; seconds?: number; steps?: number; cachedSteps?: number };
  failure?: { message: string; step?: { index: number; total: number; instruction: string }; tail: string[] };
  finished?: Extract<JobEvent, { kind: 'finished' }>;
}

/** How many lines the log and output panes keep (the view shows the last few). */
export const KEEP_LINES = 200;

export const initialBuildView: BuildViewState = { layers: [], stepsDone: 0, log: [], output: [] };

const keep = <T>(list: T[], item: T): T[] =>
  list.length >= KEEP_LINES ? [...list.slice(list.length - KEEP_LINES + 1), item] : [...list, item];

export function reduceBuildView(state: BuildViewState, raw: JobEvent): BuildViewState {
  const event = safeEvent(raw);
  switch (event.kind) {
    case 'phase':
      return { ...state, phase: event.text };
    case 'layer': {
      const at = state.layers.findIndex((l) => l.id === event.id);
      const layer: LayerView = {
        id: event.id,
        status: event.status,
        current: event.current,
        total: event.total ?? state.layers[at]?.total,
      };
      const layers = at < 0 ? [...state.layers, layer] : state.layers.map((l, i) => (i === at ? layer : l));
      return { ...state, layers };
    }
    case 'step':
      return {
        ...state,
        step: { index: event.index, total: event.total, instruction: event.instruction, cached: false },
        stepsDone: Math.max(0, event.index - 1),
      };
    case 'cached':
      return state.step ? { ...state, step: { ...state.step, cached: true } } : state;
    case 'log':
    case 'unparsed':
      return { ...state, log: keep(state.log, event.text) };
    case 'status':
      return /^Successfully (built|tagged)/.test(event.text) ? state : { ...state, log: keep(state.log, event.text) };
    case 'reused':
      return { ...state, phase: undefined, result: { kind: 'reused', tag: event.tag } };
    case 'built':
      return {
        ...state,
        phase: undefined,
        stepsDone: state.step?.total ?? state.stepsDone,
        result: {
          kind: 'built',
          tag: event.tag,
          seconds: event.seconds,
          steps: event.steps,
          cachedSteps: event.cachedSteps,
        },
      };
    case 'failed':
      return {
        ...state,
        phase: undefined,
        failure: { message: event.message, step: event.step, tail: event.tail ?? [] },
      };
    case 'output':
      return { ...state, output: keep(state.output, { stream: event.stream, text: event.text }) };
    case 'finished':
      return { ...state, phase: undefined, finished: event };
    default:
      return state;
  }
}
