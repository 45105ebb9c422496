# Written by amlenv: fetches the environment's Spark packages at build time (Azure ML's pre-cache step).
PACKAGES = ["com.microsoft.ml.spark:mmlspark_2.11:0.15"]
REPOSITORIES = ["https://mmlspark.azureedge.net/maven"]

if PACKAGES:
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("AzureMLSparkPrecache").config("spark.jars.packages", ",".join(PACKAGES))
    if REPOSITORIES:
        builder = builder.config("spark.jars.repositories", ",".join(REPOSITORIES))
    builder.getOrCreate().stop()
