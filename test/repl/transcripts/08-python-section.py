# expect: exit 1
from azureml.core import Environment
env = Environment("bring-my-own")
env.python.user_managed_dependencies = True
env.python.interpreter_path = "/opt/miniconda/bin/python"
env.python.conda_dependencies = None
env.python.conda_dependencies
env.python.conda_dependencies_file = "conda.yml"
env.python.user_managed_dependencies = "True"
env.python.interpreter_pat = "/usr/bin/python3"
:show json
