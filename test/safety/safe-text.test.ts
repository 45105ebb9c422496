import { describe, expect, it } from 'vitest';
import { excerpt, hasControl, safeLine, safeOutput, safeText } from '../../src/util/safe-text.js';

const ESC = '\u001b';
const PAYLOADS = {
  osc: `${ESC}]0;owned title\u0007`,
  csi: `${ESC}[2J${ESC}[31m`,
  bel: '\u0007',
  c1: '\u009b31m',
  link: `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
};

describe('terminal safety', () => {
  it.each(Object.entries(PAYLOADS))('escapes %s payloads visibly', (_name, payload) => {
    const shown = safeLine(`name-${payload}-end`);
    expect(hasControl(shown)).toBe(false);
    expect(shown).toMatch(/^name-.*-end$/);
    expect(shown).toMatch(/\\x(1b|07)|\\u009b/);
  });

  it('escapes DEL and C1 in a form that stays valid inside a JSON string', () => {
    const out = safeOutput(JSON.stringify({ name: 'a\u009b31m\u007f' }), false);
    expect(hasControl(out)).toBe(false);
    expect(JSON.parse(out).name).toBe('a\u009b31m\u007f');
  });

  it('keeps newlines and tabs in multi-line text, escapes lone carriage returns', () => {
    expect(safeText('FROM x\r\n\tRUN y\rspoof')).toBe('FROM x\n\tRUN y\\rspoof');
    expect(safeLine('a\nb')).toBe('a\\nb');
  });

  it('escapes bidirectional overrides that reorder what is shown', () => {
    expect(safeLine('abc\u202edcba')).toBe('abc\\u202edcba');
  });

  it("keeps amlenv's own colours on a colour terminal, and nothing else", () => {
    const out = safeOutput(`\u001b[31merror\u001b[39m ${PAYLOADS.osc}`, true);
    expect(out.startsWith('\u001b[31merror\u001b[39m ')).toBe(true);
    expect(out).toContain('\\x1b]0;owned title\\x07');
    expect(safeOutput('\u001b[31mred\u001b[39m', false)).toBe('\\x1b[31mred\\x1b[39m');
  });

  it('an excerpt is at most 40 characters of the input, escaped', () => {
    const e = excerpt(`root:x:0:0:root:/root:/bin/bash${ESC}[2J and much more text after it`);
    expect(e.endsWith('…')).toBe(true);
    expect(e).not.toMatch(/much more/);
    expect(hasControl(e)).toBe(false);
  });
});

describe('names that become file names', () => {
  it('lose separators, "..", a leading dot and control characters, and are never empty', async () => {
    const { safeFileName } = await import('../../src/util/safe-name.js');
    const { defaultOutPath } = await import('../../src/ui/wizard/steps.js');
    expect(safeFileName('../../../pwned-dir')).toBe('pwned-dir');
    expect(safeFileName('/etc/cron.d/x')).toBe('etc-cron.d-x');
    expect(safeFileName('..')).toBe('environment');
    expect(safeFileName('a\u001b]0;x\u0007b')).toBe('a-0-x-b');
    expect(safeFileName('my-env_1.2')).toBe('my-env_1.2');
    expect(defaultOutPath('v1-dir', '..')).toBe('environment');
    expect(defaultOutPath('v2', '../../x')).toBe('x-v2');
  });
});
