// The search of `convert DIR`: bounded in depth and entries, skipping dependency and VCS folders, not following
// folder links, a v1 folder taken whole.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCandidates, WALK_LIMITS } from '../../src/commands/convert-folder.js';
import { guardForRoot } from '../../src/env/containment.js';
import { commandHelp } from '../../src/cli.js';
import { findCommand } from '../../src/commands/index.js';
import { SKIPPED_FOLDERS } from '../../src/commands/convert-folder.js';
import { FIXTURES, tempDir } from '../helpers.js';

const found = (root: string, limits = WALK_LIMITS) => {
  const r = findCandidates(root, guardForRoot(root, false), [], limits);
  return { ...r, paths: r.candidates.map((c) => relative(root, c.path)) };
};

describe('convert DIR: the search', () => {
  it(`goes ${WALK_LIMITS.depth} levels below DIR and no deeper`, () => {
    const root = tempDir();
    const levels = Array.from({ length: WALK_LIMITS.depth + 1 }, (_, i) => `d${i + 1}`);
    mkdirSync(join(root, ...levels), { recursive: true });
    writeFileSync(join(root, ...levels.slice(0, WALK_LIMITS.depth), 'deepest.json'), '{}');
    writeFileSync(join(root, ...levels, 'too-deep.json'), '{}');
    const { paths } = found(root);
    expect(paths).toEqual([join(...levels.slice(0, WALK_LIMITS.depth), 'deepest.json')]);
  });

  it('stops after its entry limit and says so', () => {
    const root = tempDir();
    const limits = { ...WALK_LIMITS, entries: 40 };
    for (let i = 0; i < 60; i++) writeFileSync(join(root, `f${String(i).padStart(2, '0')}.json`), '{}');
    const r = found(root, limits);
    expect(r.truncated).toBe('stopped after 40 entries');
    expect(r.paths).toHaveLength(40);
    expect(found(root).truncated).toBeUndefined();
  });

  it('skips node_modules and .git, takes a v1 folder whole, follows no folder link, refuses a file link out', () => {
    const root = tempDir();
    const outside = tempDir();
    for (const skipped of ['node_modules', '.git', '.venv', '__pycache__']) {
      mkdirSync(join(root, skipped));
      writeFileSync(join(root, skipped, 'env.json'), '{"name": "x"}');
    }
    cpSync(join(FIXTURES, 'valid', 'v1-dir'), join(root, 'legacy'), { recursive: true });
    writeFileSync(join(root, 'legacy', 'extra.json'), '{"name": "inside the v1 folder"}');
    writeFileSync(join(outside, 'env.json'), '{"name": "elsewhere"}');
    symlinkSync(outside, join(root, 'linked-folder'));
    symlinkSync(join(outside, 'env.json'), join(root, 'linked.json'));
    writeFileSync(join(root, 'env.yml'), 'name: x\n');
    writeFileSync(join(root, 'notes.txt'), 'not a definition');
    const r = found(root);
    expect(r.paths).toEqual(['env.yml', 'legacy']);
    expect(r.candidates.find((c) => c.path.endsWith('legacy'))?.kind).toBe('folder');
    expect(r.outside.map((o) => relative(root, o.path))).toEqual(['linked.json']);
    expect(r.outside[0].detail).toMatch(/outside the project folder.*--allow-outside/);
  });

  it('convert --help states the limits and skipped folders the search uses', () => {
    const info = findCommand('convert');
    const help = info ? commandHelp(info) : '';
    expect(help).toContain(`${SKIPPED_FOLDERS.slice(0, -1).join(', ')} and ${SKIPPED_FOLDERS.at(-1)}`);
    expect(help).toContain(
      `stops at ${WALK_LIMITS.depth} levels, ${WALK_LIMITS.entries} entries or ${WALK_LIMITS.definitions} definitions`,
    );
  });
});
