// Minimal ANSI styling. Off when NO_COLOR is set, with --no-color, or when the stream is not a terminal.
let enabled: boolean | undefined;

export function setColor(on: boolean): void {
  enabled = on;
}

export function colorOn(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (enabled !== undefined) return enabled;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR === '0') return false;
  return Boolean(stream.isTTY);
}

const wrap = (open: number, close: number) => (text: string) =>
  colorOn() ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export const bold = wrap(1, 22);
export const dim = wrap(2, 22);
export const red = wrap(31, 39);
export const green = wrap(32, 39);
export const yellow = wrap(33, 39);
export const blue = wrap(34, 39);
export const cyan = wrap(36, 39);
