# expect: exit 1
from azureml.core import Environment
env = Environment.from_dockerfile(name="from-file", dockerfile="Dockerfile")
:show json
env2 = Environment.from_dockerfile("inline", "FROM ubuntu:22.04\nRUN echo hi\n", conda_specification="conda.yml")
env2.docker.base_dockerfile
env2.python.user_managed_dependencies
Environment.from_dockerfile("both", "Dockerfile", conda_specification="conda.yml", pip_requirements="requirements.txt")
