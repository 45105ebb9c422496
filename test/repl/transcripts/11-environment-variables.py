# expect: exit 1
from azureml.core import Environment
env = Environment("vars")
env.environment_variables["MODEL_FLAVOR"] = "compact"
del env.environment_variables["EXAMPLE_ENV_VAR"]
env.environment_variables
env.environment_variables = {"MAX_EPOCHS": "20", "API_TOKEN": "abc123"}
env.environment_variables["MISSING"]
:show json
