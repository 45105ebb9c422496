# expect: exit 1
from azure.ai.ml.entities import Environment, BuildContext
env = Environment(name="churn-train", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml", description="training", tags={"team": "churn"})
:show v2
:save churn-v2
:save churn-v2
env.description = "training, v2"
:save churn-v2
:save churn-v2 --force
:save churn.yml
ctx = Environment(name="from-context", build=BuildContext(path="docker-context"))
:save nested/context-v2/environment.yml
