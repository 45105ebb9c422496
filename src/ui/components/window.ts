/** The slice of a long list to show so that `focus` stays visible: [start, end). */
export function visibleWindow(length: number, focus: number, height: number): [number, number] {
  if (length <= height) return [0, length];
  const start = Math.min(Math.max(0, focus - Math.floor(height / 2)), length - height);
  return [start, start + height];
}

export const truncate = (text: string, width: number): string =>
  text.length <= width ? text : width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
