# expect: exit 1
from azureml.core import Environment
from azureml.core.conda_dependencies import CondaDependencies
env = Environment("churn-training")
deps = CondaDependencies.create(python_version="3.11", conda_packages=["pip"], pip_packages=["pandas==2.2.2"])
env.python.conda_dependencies = deps
deps.add_pip_package("xgboost==2.0.3")
env.python.conda_dependencies.add_pip_package("lightgbm==4.5.0")
env.python.conda_dependencies = {"dependencies": ["python=3.11"]}
:show json
