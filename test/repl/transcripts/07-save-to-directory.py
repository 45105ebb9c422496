# expect: exit 1
from azureml.core import Environment
from azureml.core.conda_dependencies import CondaDependencies
env = Environment("saver")
env.docker.base_dockerfile = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1\nRUN echo ready\n"
env.save_to_directory("out")
env.save_to_directory("out")
env.environment_variables["STAGE"] = "second"
env.save_to_directory(path="out", overwrite=True)
empty = Environment("no-python")
empty.python.conda_dependencies = CondaDependencies(conda_dependencies_file_path="conda-no-python.yml")
empty.save_to_directory("out2")
