# expect: exit 1
from azure.ai.ml.entities import Environment, BuildContext
env = Environment(name="churn-train", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml", description="training")
:show yaml
env.conda_file["name"]
ctx_env = Environment(name="from-context", build=BuildContext(path="docker-context"))
:show
ctx_env.validate()
Environment("positional")
both = Environment(name="both", image="python:3.11", build=BuildContext(path="docker-context"))
both.validate()
:show json
