import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const read = (stdout: NodeJS.WriteStream, min: TerminalSize): TerminalSize => ({
  columns: Math.max(min.columns, stdout.columns || 80),
  rows: Math.max(min.rows, stdout.rows || 24),
});

/**
 * The terminal's size, kept current: a 'resize' on stdout re-renders the screen with the new size (Ink
 * redraws on resize, but components that laid out for the old width would otherwise keep it).
 */
export function useTerminalSize(min: TerminalSize = { columns: 60, rows: 16 }): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout, min));
  useEffect(() => {
    const update = () =>
      setSize((old) => {
        const now = read(stdout, min);
        return now.columns === old.columns && now.rows === old.rows ? old : now;
      });
    stdout.on('resize', update);
    update();
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout, min.columns, min.rows]);
  return size;
}
