// The line `npm test` prints when Docker suites were skipped (no daemon needed: the message logic alone).
import { describe, expect, it } from 'vitest';
import { MAKE_BASE_IMAGE, missingImage, noDaemon, skipNote } from './skip-note.js';

describe('the Docker skip note', () => {
  it('says nothing when no Docker test was skipped', () => {
    expect(skipNote([])).toBeUndefined();
    expect(
      skipNote([
        { file: 'test/docker/integration.test.ts', skipped: 0, reason: missingImage('amlenv-test/python:bookworm') },
      ]),
    ).toBeUndefined();
  });

  it('a daemon without the base image: one line with the count, the files, the image and the command that makes it', () => {
    const note = skipNote([
      { file: 'test/docker/integration.test.ts', skipped: 12, reason: missingImage('amlenv-test/python:bookworm') },
      { file: 'test/docker/safety.test.ts', skipped: 6, reason: missingImage('amlenv-test/python:bookworm') },
    ])!;
    expect(note.split('\n')).toHaveLength(1);
    expect(note).toMatch(
      /^Skipped 18 Docker integration tests in 2 files \(test\/docker\/integration\.test\.ts, test\/docker\/safety\.test\.ts\)/,
    );
    expect(note).toContain('amlenv-test/python:bookworm is missing');
    expect(note).toContain(MAKE_BASE_IMAGE);
    expect(MAKE_BASE_IMAGE).toBe('bash fixtures/docker/base-image/make.sh');
  });

  it("no daemon: says so, with the daemon's own error, and how to enable the tests", () => {
    const note = skipNote([
      {
        file: 'test/docker/check-env.test.ts',
        skipped: 1,
        reason: noDaemon('Docker is not reachable at /var/run/docker.sock (ENOENT)\nmore'),
      },
    ])!;
    expect(note.split('\n')).toHaveLength(1);
    expect(note).toMatch(/^Skipped 1 Docker integration test in 1 file /);
    expect(note).toMatch(
      /no Docker daemon answered \(Docker is not reachable at \/var\/run\/docker\.sock \(ENOENT\)\)/,
    );
    expect(note).toContain(MAKE_BASE_IMAGE);
  });
});
