# expect: exit 1
from azure.ai.ml import MLClient
from azure.identity import DefaultAzureCredential
ml_client = MLClient(DefaultAzureCredential(), "0000", "rg-ml", "ml-ws")
latest = ml_client.environments.get(name="sklearn-1.5", label="latest")
latest.image
:show yaml
pinned = ml_client.environments.get(name="AzureML-sklearn-1.5", version="12")
pinned.version
ml_client.environments.get(name="sklearn-1.5")
ml_client.environments.get(name="sklearn-1.5", version="12", label="latest")
ml_client.environments.get(name="churn-train", version="1")
ml_client.environments.get(name="AzureML-Minimal", label="latest")
