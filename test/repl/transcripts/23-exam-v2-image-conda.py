from azure.ai.ml.entities import Environment
env = Environment(
    name="churn-train",
    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1",
    conda_file="conda.yml",
    version="1",
)
:show yaml
print(env.image)
