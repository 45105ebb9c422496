// The fixed files of Azure ML's `azureml-environment-setup/` folder, as amlenv writes them.

export const SETUP_DIR = 'azureml-environment-setup';

/** apt settings Azure ML copies into every image, so apt works behind proxies that break pipelining. */
export const BROKEN_PROXY =
  'Acquire::http::Pipeline-Depth 0;\nAcquire::http::No-Cache true;\nAcquire::BrokenProxy    true;\n';

export const LOG4J_PROPERTIES = [
  '# Quiet Spark while the packages are fetched at build time.',
  'log4j.rootCategory=WARN, console',
  'log4j.appender.console=org.apache.log4j.ConsoleAppender',
  'log4j.appender.console.target=System.err',
  'log4j.appender.console.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.console.layout.ConversionPattern=%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n',
  '',
].join('\n');

const pyList = (items: string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;

/**
 * The Spark pre-cache script: starting a session with spark.jars.packages makes Spark download the packages
 * into the image, so runs do not fetch them. The Dockerfile runs it only when the base image sets SPARK_HOME.
 */
export function sparkCacheScript(packages: string[], repositories: string[]): string {
  return [
    "# Written by amlenv: fetches the environment's Spark packages at build time (Azure ML's pre-cache step).",
    `PACKAGES = ${pyList(packages)}`,
    `REPOSITORIES = ${pyList(repositories)}`,
    '',
    'if PACKAGES:',
    '    from pyspark.sql import SparkSession',
    '    builder = ' +
      'SparkSession.builder.appName("AzureMLSparkPrecache").config("spark.jars.packages", ' +
      '",".join(PACKAGES))',
    '    if REPOSITORIES:',
    '        builder = builder.config("spark.jars.repositories", ",".join(REPOSITORIES))',
    '    builder.getOrCreate().stop()',
    '',
  ].join('\n');
}
