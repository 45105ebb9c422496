import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFieldLibs } from '../../src/env/libs.js';
import { ValidateScreen } from '../../src/ui/validate/ValidateScreen.js';
import { ROOT } from '../helpers.js';
import { SEQ } from '../ui/keys.js';
import { mount, send, type, waitFor } from '../ui/render.js';

beforeAll(() => loadFieldLibs());

describe('the Validate screen', () => {
  it("shows a definition's OSC, BEL and CSI bytes escaped, never raw", async () => {
    const r = await mount(<ValidateScreen width={120} height={30} onBack={() => undefined} />);
    await type(r, join(ROOT, 'fixtures', 'hostile', 'terminal-escapes-in-strings', 'env.json'));
    await send(r, SEQ.enter);
    const frame = await waitFor(r, (f) => /invalid/.test(f) && /invalid-characters|control characters/.test(f));
    expect(frame).toContain('\\x1b]0;pwned\\x07');
    // the pip line's C1 byte is quoted by the pip rule itself: only the screen's escaping can show it this way
    expect(frame).toContain('\\u009b');
    expect(frame).not.toMatch(/\u001b\]|\u0007|\u009b/);
  });
});
