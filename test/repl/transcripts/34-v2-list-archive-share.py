from azure.ai.ml import MLClient
from azure.identity import DefaultAzureCredential
ml_client = MLClient(DefaultAzureCredential(), "0000", "rg-ml", "ml-ws")
ml_client.environments.list()
ml_client.environments.list(name="churn-train")
ml_client.environments.archive(name="churn-train", version="1")
ml_client.environments.archive(name="churn-train")
ml_client.environments.restore(name="churn-train")
ml_client.environments.share(name="churn-train", version="2", share_with_name="churn-train", share_with_version="2", registry_name="team-registry")
