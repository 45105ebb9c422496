// A small conda channel made by the tests: repodata.json for linux-64 and noarch with real-looking records
// (several Pythons, numpy, scipy, scikit-learn with realistic bounds, pip), served over loopback HTTP.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Record_ {
  name: string;
  version: string;
  build: string;
  build_number: number;
  depends: string[];
  subdir: string;
  noarch?: string;
  license?: string;
  timestamp?: number;
}

export interface Repodata {
  info: { subdir: string };
  packages: Record<string, Record_>;
  'packages.conda': Record<string, Record_>;
  repodata_version: number;
}

const PYTHONS = ['3.8.18', '3.9.19', '3.10.14', '3.11.9', '3.12.4'];
const minor = (v: string) => v.split('.').slice(0, 2).join('.');
const tag = (v: string) => `py${minor(v).replace('.', '')}`;
const next = (v: string) => {
  const [a, b] = minor(v).split('.').map(Number);
  return `${a}.${b + 1}`;
};

function add(repo: Repodata, r: Omit<Record_, 'build_number' | 'subdir'> & { build_number?: number }) {
  const record: Record_ = {
    build_number: 0,
    subdir: repo.info.subdir,
    timestamp: 1_700_000_000_000,
    license: 'BSD-3-Clause',
    ...r,
  };
  repo['packages.conda'][`${r.name}-${r.version}-${r.build}.conda`] = record;
}

/** Builds the two subdirs. Python-specific packages exist for the Pythons each upstream release supports. */
export function makeChannel(): { 'linux-64': Repodata; noarch: Repodata } {
  const linux: Repodata = { info: { subdir: 'linux-64' }, packages: {}, 'packages.conda': {}, repodata_version: 1 };
  const noarch: Repodata = { info: { subdir: 'noarch' }, packages: {}, 'packages.conda': {}, repodata_version: 1 };
  add(linux, { name: 'libgcc-ng', version: '13.2.0', build: 'h77fa898_7', depends: [] });
  add(linux, { name: 'openssl', version: '3.3.1', build: 'h4ab18f5_1', depends: ['libgcc-ng >=12'] });
  add(linux, { name: 'libopenblas', version: '0.3.27', build: 'pthreads_hac2b453_1', depends: ['libgcc-ng >=12'] });
  for (const py of PYTHONS) {
    add(linux, {
      name: 'python',
      version: py,
      build: `hd12c33a_0_cpython`,
      depends: ['libgcc-ng >=12', 'openssl >=3.3.1,<4.0a0'],
    });
    add(linux, { name: 'python_abi', version: minor(py), build: `4_cp${minor(py).replace('.', '')}`, depends: [] });
  }
  const pyDeps = (py: string) => [
    `python >=${minor(py)},<${next(py)}.0a0`,
    `python_abi ${minor(py)}.* *_cp${minor(py).replace('.', '')}`,
    'libgcc-ng >=12',
  ];
  // numpy: 1.24 supports 3.8-3.11, 1.26 supports 3.9-3.12
  for (const [version, pys] of [
    ['1.24.4', PYTHONS.slice(0, 4)],
    ['1.26.4', PYTHONS.slice(1)],
  ] as const) {
    for (const py of pys)
      add(linux, {
        name: 'numpy',
        version,
        build: `${tag(py)}h64a7726_0`,
        depends: [...pyDeps(py), 'libopenblas >=0.3.27,<1.0a0'],
      });
  }
  for (const [version, pys, numpy] of [
    ['1.10.1', PYTHONS.slice(0, 4), 'numpy >=1.21.6,<1.27.0'],
    ['1.13.1', PYTHONS.slice(1), 'numpy >=1.22.4,<2.3'],
  ] as const) {
    for (const py of pys)
      add(linux, {
        name: 'scipy',
        version,
        build: `${tag(py)}h93d2c4b_0`,
        depends: [...pyDeps(py), numpy, 'libopenblas >=0.3.27,<1.0a0'],
      });
  }
  // scikit-learn 1.3 runs on 3.8-3.12; 1.5 needs Python >= 3.9 (as upstream)
  const sklearn = [
    ['1.3.2', PYTHONS, 'numpy >=1.17.3', 'scipy >=1.5.0'],
    ['1.5.1', PYTHONS.slice(1), 'numpy >=1.19.5', 'scipy >=1.6.0'],
  ] as const;
  for (const [version, pys, numpy, scipy] of sklearn) {
    for (const py of pys)
      add(linux, {
        name: 'scikit-learn',
        version,
        build: `${tag(py)}h1e6b9c1_0`,
        depends: [...pyDeps(py), numpy, scipy, 'joblib >=1.2.0', 'threadpoolctl >=3.1.0'],
      });
  }
  add(noarch, {
    name: 'pip',
    version: '24.0',
    build: 'pyhd8ed1ab_0',
    noarch: 'python',
    depends: ['python >=3.7', 'setuptools', 'wheel'],
  });
  add(noarch, {
    name: 'pip',
    version: '23.3.1',
    build: 'pyhd8ed1ab_0',
    noarch: 'python',
    depends: ['python >=3.7', 'setuptools', 'wheel'],
  });
  add(noarch, {
    name: 'setuptools',
    version: '70.1.1',
    build: 'pyhd8ed1ab_0',
    noarch: 'python',
    depends: ['python >=3.8'],
  });
  add(noarch, { name: 'wheel', version: '0.43.0', build: 'pyhd8ed1ab_1', noarch: 'python', depends: ['python >=3.8'] });
  add(noarch, {
    name: 'joblib',
    version: '1.4.2',
    build: 'pyhd8ed1ab_0',
    noarch: 'python',
    depends: ['python >=3.8', 'setuptools'],
  });
  add(noarch, {
    name: 'threadpoolctl',
    version: '3.5.0',
    build: 'pyhc1e730c_0',
    noarch: 'python',
    depends: ['python >=3.8'],
  });
  return { 'linux-64': linux, noarch };
}

export interface ServedChannel {
  url: string;
  /** Every request path the server saw, with the conditional headers it carried. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Cache-Control of every 200 and 304 (default "public, max-age=0": revalidate on every use). */
  cacheControl?: string;
  /** Send an ETag (default true). */
  etag?: boolean;
  /** Send this Last-Modified, and answer 304 to an If-Modified-Since that equals it. */
  lastModified?: string;
}

/**
 * Serves the channel at http://127.0.0.1:PORT/testchan with the caching headers asked for, answering 304
 * to a matching If-None-Match or If-Modified-Since. Anything else is 404.
 */
export async function serveChannel(
  repodata: Record<string, Repodata> = makeChannel(),
  options: ServeOptions = {},
): Promise<ServedChannel> {
  const bodies = new Map(
    Object.entries(repodata).map(([subdir, r]) => [`/testchan/${subdir}/repodata.json`, JSON.stringify(r)]),
  );
  const requests: ServedChannel['requests'] = [];
  const cacheControl = options.cacheControl ?? 'public, max-age=0';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '';
    const body = bodies.get(path);
    const etag = body && options.etag !== false ? `"${body.length}-${path.length}"` : undefined;
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const notModified =
      (etag !== undefined && ifNoneMatch === etag) ||
      (options.lastModified !== undefined && ifModifiedSince === options.lastModified);
    const status = !body ? 404 : notModified ? 304 : 200;
    requests.push({ path, ifNoneMatch, ifModifiedSince, status });
    const caching = {
      'cache-control': cacheControl,
      ...(etag ? { etag } : {}),
      ...(options.lastModified ? { 'last-modified': options.lastModified } : {}),
    };
    if (status === 200) {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body!),
        ...caching,
      });
      res.end(body);
    } else {
      res.writeHead(status, status === 304 ? caching : {});
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/testchan`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
