from azureml.core import Environment
from azureml.core.conda_dependencies import CondaDependencies

env = Environment("forecast-env")
deps = CondaDependencies.create(
    python_version="3.11",
    conda_packages=["pip", "numpy=2.1.3"],
    pip_packages=[
        "azureml-defaults",
        "scikit-learn==1.5.1",  # the model
    ],
)
env.python.conda_dependencies = deps
env.inferencing_stack_version = "latest"
:show json
:show yaml
env.save_to_directory("forecast")
