# expect: exit 1
from azureml.core import Environment
env = Environment.from_conda_specification(name="churn-train", file_path="conda.yml")
:show json
env2 = Environment.from_conda_specification("no-python", "conda-no-python.yml")
env2.python.conda_dependencies.serialize_to_string()
Environment.from_conda_specification("bad", "conda-bad-key.yml")
Environment.from_conda_specification("missing", "nope.yml")
