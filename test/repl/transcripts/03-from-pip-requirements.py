from azureml.core import Environment
env = Environment.from_pip_requirements(name="pip-env", file_path="requirements.txt")
:show json
env.python.conda_dependencies.pip_packages
env2 = Environment.from_pip_requirements("pinned-pip", "requirements.txt", pip_version="24.0")
env2.python.conda_dependencies.conda_packages
