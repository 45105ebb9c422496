# expect: exit 1
from azure.ai.ml import MLClient
from azure.identity import DefaultAzureCredential
credential = DefaultAzureCredential()
ml_client = MLClient(credential, "00000000-0000-0000-0000-000000000000", "rg-ml", "ml-ws")
ml_client
ml_client.environments
ml_client.workspace_name
from_file = MLClient.from_config(credential=credential)
from_file
MLClient()
