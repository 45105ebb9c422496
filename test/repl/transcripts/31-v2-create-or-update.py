from azure.ai.ml import MLClient
from azure.ai.ml.entities import Environment
from azure.identity import DefaultAzureCredential
ml_client = MLClient(DefaultAzureCredential(), "0000", "rg-ml", "ml-ws")
env = Environment(name="churn-train", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1", conda_file="conda.yml", description="training")
registered = ml_client.environments.create_or_update(env)
registered.name
registered.version
pinned = Environment(name="churn-serve", version="3", image="mcr.microsoft.com/azureml/curated/minimal-py311-inference:latest")
ml_client.environments.create_or_update(pinned)
