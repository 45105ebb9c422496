// The checked readers that replaced type assertions: flags, caught errors, the report a container writes and
// the solve cache's meta.json each give what is there with its type, and nothing when the shape is wrong.
import { describe, expect, it } from 'vitest';
import { flagOption, stringListOption, stringOption } from '../../src/commands/options.js';
import { parseReport } from '../../src/samples/report.js';
import { cacheMetaFrom } from '../../src/solve/http-cache.js';
import { causeCode, causeMessage, errorCode, errorMessage, errorText } from '../../src/util/errors.js';

describe('flags', () => {
  it('reads strings, repeated strings and booleans by what they are', () => {
    const values = { out: 'dir', force: true, channel: ['a', 'b'], one: 'c', odd: [true, 'x'] };
    expect(stringOption(values, 'out')).toBe('dir');
    expect(stringOption(values, 'force')).toBeUndefined();
    expect(stringOption(values, 'missing')).toBeUndefined();
    expect(stringListOption(values, 'channel')).toEqual(['a', 'b']);
    expect(stringListOption(values, 'one')).toEqual(['c']);
    expect(stringListOption(values, 'odd')).toEqual(['x']);
    expect(stringListOption(values, 'missing')).toEqual([]);
    expect(flagOption(values, 'force')).toBe(true);
    expect(flagOption(values, 'out')).toBe(false);
  });
});

describe('caught errors', () => {
  it('give their message, code and cause without a cast at the catch site', () => {
    const fetchError = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9\nmore'), { code: 'ECONNREFUSED' }),
    });
    expect(causeCode(fetchError)).toBe('ECONNREFUSED');
    expect(causeMessage(fetchError)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(errorText(new Error('a\nb'))).toBe('a\nb');
    expect(errorMessage(new Error('a\nb'))).toBe('a');
    expect(errorText({ message: 'from wasm' })).toBe('from wasm');
    expect(errorText('thrown string')).toBe('thrown string');
    expect(errorCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorCode({ code: 7 })).toBeUndefined();
    expect(causeCode(new Error('no cause'))).toBeUndefined();
    expect(causeCode(null)).toBeUndefined();
  });
});

describe("check_env's report (written inside the container, so read as input)", () => {
  it('keeps well-formed entries and gives wrong types no way through', () => {
    const report = parseReport(
      JSON.stringify({
        ok: 'yes',
        python: 3.11,
        checks: [
          { kind: 'package', name: 'numpy', expected: '1.26', found: '1.26.4', ok: true, note: 'fine' },
          { kind: 'package', name: { $: 'x' }, expected: 1, ok: 'true' },
          'junk',
        ],
      }),
    );
    expect(report).toEqual({
      ok: false,
      checks: [
        { kind: 'package', name: 'numpy', expected: '1.26', found: '1.26.4', ok: true, note: 'fine' },
        { kind: 'package', name: '', expected: '', found: '', ok: false },
      ],
    });
    expect(parseReport('{"checks": {}}')).toBeUndefined();
    expect(parseReport('not json')).toBeUndefined();
    expect(parseReport('[]')).toBeUndefined();
  });
});

describe("the solve cache's meta.json", () => {
  it('is used only when its fields have their types', () => {
    const meta = { url: 'https://c/x', etag: '"1"', maxAge: 60, mustRevalidate: false, checkedAt: 5, size: 10 };
    expect(cacheMetaFrom(meta)).toEqual(meta);
    expect(cacheMetaFrom({ ...meta, etag: 3, maxAge: '60' })).toEqual({
      url: 'https://c/x',
      mustRevalidate: false,
      checkedAt: 5,
      size: 10,
    });
    expect(cacheMetaFrom({ ...meta, checkedAt: 'yesterday' })).toBeUndefined();
    expect(cacheMetaFrom(null)).toBeUndefined();
    expect(cacheMetaFrom([meta])).toBeUndefined();
  });
});
