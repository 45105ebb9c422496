# expect: exit 1
# track
from azure.ai.ml.entities import Environment, BuildContext
env = Environment(name="serve")
env.image = "mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1"
env.conda_file = "conda.yml"
env.description = "scoring image"
env.tags = {"team": "churn"}
env.os_type = "macos"
env.os_type = "linux"
env.build = BuildContext(path="docker-context", dockerfile_path="Dockerfile")
env.image = None
env.conda_file = None
env.inference_config = {"liveness_route": {"path": "/", "port": 5001}}
env.environment_variables = {"MODE": "serve"}
env.inference_config = {"liveness_route": {"path": "/", "port": 5001}, "readiness_route": {"path": "/", "port": 5001}, "scoring_route": {"path": "/score", "port": 5001}}
env.build.dockerfile_path = "Dockerfile.serve"
