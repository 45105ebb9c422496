from azureml.core import Environment
from azureml.core.environment import SparkPackage
env = Environment(name="spark-features")
env.spark.repositories = ["https://mmlspark.azureedge.net/maven"]
env.spark.packages = [SparkPackage("com.microsoft.ml.spark", "mmlspark_2.11", "0.15")]
env.spark.precache_packages = False
:show json
