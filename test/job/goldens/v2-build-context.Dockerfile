FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1
COPY requirements.txt .
RUN pip install -r requirements.txt
LABEL org.amlenv.hash="19f0a12da49334fc186032a7d081afcd" org.amlenv.source="env.yml" org.amlenv.schema="1"
