# expect: exit 1
from azureml.core import Environment
env = Environment.load_from_directory("saved-env")
:show json
env.environment_variables
Environment.load_from_directory("no-such-dir")
