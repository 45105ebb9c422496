from azureml.core import Environment
env = Environment("bring-my-own")
env.python.user_managed_dependencies = True
env.python.interpreter_path = "/opt/miniconda/bin/python"
env.docker.base_image = "myteamacr.azurecr.io/ml/train:2.4.1"
:show json
