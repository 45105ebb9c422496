# expect: exit 1
from azureml.core import Environment, Workspace
ws = Workspace.from_config()
env = Environment.get(workspace=ws, name="AzureML-sklearn-1.5")
:show json
registered = env.register(ws)
my_env = env.clone("my-sklearn")
my_env.name
my_env.python.user_managed_dependencies
Environment.get(ws, "AzureML-Minimal")
Environment.get(ws, "churn-train")
Environment.get(ws, "sklearn-1.5", version="1", label="latest")
