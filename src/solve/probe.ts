// Whether the channels of a definition answer at all, so the app offers "Solve now" only when it can work.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadFieldLibs } from '../env/libs.js';
import type { LoadedDefinition } from '../env/types.js';
import { planChannels, type Channel } from './channels.js';
import { condaPart } from './solve-definition.js';
import { causeCode, errorText } from '../util/errors.js';

export type ProbeResult = { ok: true; channels: Channel[] } | { ok: false; reason: string };

/** The channels the app solves against: AMLENV_SOLVE_CHANNELS (comma-separated, for mirrors and tests) or the file's. */
export function appChannelOverride(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.AMLENV_SOLVE_CHANNELS ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

async function answers(channel: Channel, timeoutMs: number): Promise<string | undefined> {
  const url = `${channel.url}/noarch/repodata.json`;
  if (url.startsWith('file://'))
    return (await stat(fileURLToPath(url)).then(
      () => true,
      () => false,
    ))
      ? undefined
      : `${channel.name} has no noarch/repodata.json`;
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return undefined;
  } catch (err) {
    const cause = causeCode(err) ?? (err instanceof Error ? err.name : 'error');
    return `${channel.name} does not answer (${cause})`;
  }
}

/** Looks at the definition's conda part and asks each channel once, with a short timeout. */
export async function probeChannels(
  def: LoadedDefinition,
  overrides: string[] = appChannelOverride(),
  timeoutMs = 3000,
): Promise<ProbeResult> {
  await loadFieldLibs();
  let channels: Channel[];
  try {
    const deps = condaPart(def);
    channels = planChannels(
      deps.channels,
      deps.conda.flatMap((d) => (d.channel ? [d.channel] : [])),
      overrides,
    ).channels;
  } catch (err) {
    return { ok: false, reason: errorText(err).replace(/^.*?: nothing to solve/, 'nothing to solve') };
  }
  const problems = (await Promise.all(channels.map((c) => answers(c, timeoutMs)))).filter((p): p is string =>
    Boolean(p),
  );
  return problems.length ? { ok: false, reason: problems[0] } : { ok: true, channels };
}
