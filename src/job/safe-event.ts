// Build and run events carry strings from the definition (Dockerfile steps, pip lines, image names) and from
// the daemon (logs). Every view of them (the live progress, the Build & run screen, plain lines, the REPL) shows
// them through this one function, so no control character reaches the terminal raw.
import { safeText } from '../util/safe-text.js';
import type { JobEvent } from './events.js';

const safe = (text: string) => safeText(text);
const safeList = (list: string[] | undefined) => list?.map(safe);

export function safeEvent(event: JobEvent): JobEvent {
  switch (event.kind) {
    case 'step':
      return { ...event, instruction: safe(event.instruction) };
    case 'log':
    case 'status':
    case 'unparsed':
    case 'output':
    case 'phase':
    case 'warning':
      return { ...event, text: safe(event.text) };
    case 'layer':
      return { ...event, id: safe(event.id), status: safe(event.status) };
    case 'image':
      return { ...event, id: safe(event.id) };
    case 'error':
      return { ...event, message: safe(event.message) };
    case 'reused':
      return { ...event, tag: safe(event.tag), imageId: safe(event.imageId) };
    case 'built':
      return { ...event, tag: safe(event.tag), imageId: safe(event.imageId) };
    case 'finished':
      return {
        ...event,
        outputsDir: event.outputsDir === undefined ? undefined : safe(event.outputsDir),
        skipped: safeList(event.skipped),
      };
    case 'failed':
      return {
        ...event,
        message: safe(event.message),
        step: event.step && { ...event.step, instruction: safe(event.step.instruction) },
        tail: safeList(event.tail),
      };
    case 'cached':
      return event;
  }
}
