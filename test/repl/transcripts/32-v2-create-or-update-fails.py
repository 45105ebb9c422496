# expect: exit 1
from azure.ai.ml import MLClient
from azure.ai.ml.entities import Environment, BuildContext
from azure.identity import DefaultAzureCredential
ml_client = MLClient(DefaultAzureCredential(), "0000", "rg-ml", "ml-ws")
mac = Environment(name="on-mac", image="python:3.11-slim", os_type="macos")
ml_client.environments.create_or_update(mac)
both = Environment(name="both", image="python:3.11-slim", build=BuildContext(path="docker-context"))
ml_client.environments.create_or_update(both)
from azureml.core import Environment as EnvironmentV1
old = EnvironmentV1("old-style")
ml_client.environments.create_or_update(old)
