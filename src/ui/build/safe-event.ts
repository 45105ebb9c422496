// Build and run events carry strings from the definition (Dockerfile steps, pip lines, image names) and from
// the daemon (logs). Every view of them (the live progress, the Build & run screen, plain lines) shows them
// through this one function, so no control character reaches the terminal raw.
import type { JobEvent } from '../../build/events.js';
import { safeText } from '../../util/safe-text.js';

function clean(value: unknown): unknown {
  if (typeof value === 'string') return safeText(value);
  if (Array.isArray(value)) return value.map(clean);
  return value;
}

export function safeEvent(event: JobEvent): JobEvent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) out[key] = key === 'kind' ? value : clean(value);
  if (event.kind === 'failed' && event.step)
    out.step = { ...event.step, instruction: safeText(event.step.instruction) };
  return out as unknown as JobEvent;
}
