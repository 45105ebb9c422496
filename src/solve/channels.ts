// Which channels a solve reads, and where their indexes live.

/**
 * A conda file that names no channel is built by Azure ML with the conda of its base image, whose
 * configuration is conda's own: the "defaults" channel, which on Linux means repo.anaconda.com's pkgs/main
 * and pkgs/r (https://docs.conda.io/projects/conda/en/stable/user-guide/configuration/settings.html#default-channels-default-channels;
 * Azure ML base images ship Miniconda, https://github.com/Azure/AzureML-Containers).
 */
export const AZUREML_DEFAULT_CHANNELS = ['defaults'];
const DEFAULTS_URLS = ['https://repo.anaconda.com/pkgs/main', 'https://repo.anaconda.com/pkgs/r'];
const CHANNEL_ALIAS = 'https://conda.anaconda.org';

export interface Channel {
  /** As the user wrote it ("conda-forge", "defaults" expands to two). */
  name: string;
  /** Base URL without a trailing slash. */
  url: string;
  /** How a conda file refers to it (a name, or the URL for "defaults" and URL channels). */
  ref: string;
}

export function isChannelUrl(text: string): boolean {
  return /^(https?|file):\/\//i.test(text);
}

/** Expands one channel as written in a conda file or on the command line into base URLs. */
export function resolveChannel(text: string): Channel[] {
  const trimmed = text.trim().replace(/(?<!\/)\/+$/, '');
  if (isChannelUrl(trimmed)) return [{ name: trimmed, url: trimmed, ref: trimmed }];
  if (trimmed === 'defaults')
    return DEFAULTS_URLS.map((url) => ({ name: `defaults/${url.split('/').pop()}`, url, ref: url }));
  if (trimmed === 'main' || trimmed === 'r')
    return [
      {
        name: trimmed,
        url: `https://repo.anaconda.com/pkgs/${trimmed}`,
        ref: `https://repo.anaconda.com/pkgs/${trimmed}`,
      },
    ];
  return [{ name: trimmed, url: `${CHANNEL_ALIAS}/${trimmed}`, ref: trimmed }];
}

export interface ChannelPlan {
  channels: Channel[];
  /**
   * Why these: "file" (named in the file), "file+defaults" (named, plus the defaults conda adds unless the
   * file lists nodefaults), "option" (--channel), or "azureml-default" (none named).
   */
  origin: 'file' | 'file+defaults' | 'option' | 'azureml-default';
}

/**
 * The channels to solve against, as `conda env create` on Azure ML would use them: --channel wins; else the
 * file's list plus any channel a spec names ("conda-forge::numpy"), followed by conda's default channels
 * unless the file lists "nodefaults" (https://docs.conda.io/projects/conda/en/stable/user-guide/tasks/manage-environments.html#creating-an-environment-file-manually);
 * a file that names none gets the defaults alone.
 */
export function planChannels(fileChannels: string[], specChannels: string[], overrides: string[]): ChannelPlan {
  const seen = new Set<string>();
  const collect = (names: string[]) =>
    names
      .filter((n) => n.trim() && n.trim() !== 'nodefaults')
      .flatMap(resolveChannel)
      .filter((c) => !seen.has(c.url) && seen.add(c.url));
  if (overrides.length) return { channels: collect(overrides), origin: 'option' };
  const named = collect([...fileChannels, ...specChannels]);
  if (!named.length) return { channels: collect(AZUREML_DEFAULT_CHANNELS), origin: 'azureml-default' };
  if (fileChannels.some((c) => c.trim() === 'nodefaults')) return { channels: named, origin: 'file' };
  const defaults = collect(AZUREML_DEFAULT_CHANNELS);
  return { channels: [...named, ...defaults], origin: defaults.length ? 'file+defaults' : 'file' };
}

/** The index of one platform folder of a channel. */
export function repodataUrl(channel: Channel, subdir: string): string {
  return `${channel.url}/${subdir}/repodata.json`;
}
