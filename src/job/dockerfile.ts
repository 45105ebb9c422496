// Renders the Dockerfile Azure ML generates for an environment (reference: azureml.md §3), in the same order:
// setup, the conda spec copied on its own and installed first (so the slow layer is reused while the spec is
// unchanged), the environment wiring, the Spark pre-cache step, and labels last. Pure: text in, text out.
import { SETUP_DIR } from './setup-files.js';

export const CONDA_SPEC_FILE = `${SETUP_DIR}/mutated_conda_dependencies.yml`;
export const PACKAGES_DIR = `${SETUP_DIR}/packages`;
export const ENVS_ROOT = '/azureml-envs';

export interface DockerfileParts {
  /** `FROM image` for a base image, or the user's whole Dockerfile, which replaces the FROM line. */
  from: { image: string } | { dockerfile: string };
  /** The conda environment name (`azureml_<hash>`); absent for user-managed environments. */
  condaEnv?: string;
  /** Whether local packages were copied into the context (they must be there before conda runs pip). */
  hasPackages: boolean;
}

/** The Dockerfile without its labels; the image hash is taken over this text. */
export function renderDockerfileBody(parts: DockerfileParts): string {
  const lines: string[] = [];
  if ('image' in parts.from) lines.push(`FROM ${parts.from.image}`);
  else lines.push(parts.from.dockerfile.replace(/\r\n/g, '\n').replace(/(?<!\n)\n*$/, ''));
  lines.push(
    'USER root',
    'RUN mkdir -p $HOME/.cache',
    'WORKDIR /',
    `COPY ${SETUP_DIR}/99brokenproxy /etc/apt/apt.conf.d/`,
  );
  if (parts.condaEnv) {
    const prefix = `${ENVS_ROOT}/${parts.condaEnv}`;
    lines.push(
      "RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then " +
        'conda install conda==4.4.11; fi',
      `COPY ${CONDA_SPEC_FILE} ${CONDA_SPEC_FILE}`,
    );
    if (parts.hasPackages) lines.push(`COPY ${PACKAGES_DIR}/ /${PACKAGES_DIR}/`);
    lines.push(
      `RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p ${prefix} -f ${CONDA_SPEC_FILE} && rm -rf "$HOME/.cache/pip" && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d -name __pycache__ -exec rm -rf {} + && ldconfig`,
      `# AzureML Conda environment name: ${parts.condaEnv}`,
      `ENV PATH ${prefix}/bin:$PATH`,
      `ENV AZUREML_CONDA_ENVIRONMENT_PATH ${prefix}`,
      `ENV LD_LIBRARY_PATH ${prefix}/lib:$LD_LIBRARY_PATH`,
    );
  }
  lines.push(
    `COPY ${SETUP_DIR}/spark_cache.py ${SETUP_DIR}/log4j.properties /${SETUP_DIR}/`,
    `RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /${SETUP_DIR}/spark_cache.py'; fi`,
    'ENV AZUREML_ENVIRONMENT_IMAGE True',
    'CMD ["bash"]',
  );
  return `${lines.join('\n')}\n`;
}

/** Appends the labels as one LABEL line (last, so a label change never invalidates a layer above it). */
export function withLabels(body: string, labels: Record<string, string>): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return body;
  return `${body.replace(/(?<!\n)\n*$/, '\n')}LABEL ${keys.map((k) => `${k}=${quoteLabel(labels[k])}`).join(' ')}\n`;
}

/** A double-quoted Dockerfile word: quotes, backslashes and `$` (variable expansion) escaped, newlines dropped. */
export function quoteLabel(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
