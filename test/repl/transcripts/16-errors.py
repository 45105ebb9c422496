# expect: exit 1
from azureml.core import Environment
env = Environment("errors")
env.name =
env.python.user_managed_dependencies = True True
env.docker.base_image = 'unterminated
Environment.from_conda_specification("x")
env.save_to_directory("out", overwrit=True)
envv.name
env.pythn
Environment(name=42)
Environment()
env.docker.shm_size = 8
env.python.user_managed_dependencies == True
for x in [1]: pass
print env
1 = env
env.docker.base_image = "ok" + "no"
from azureml.core import Enviroment
import numpy
:sho json
:show xml
env.docker.arguments = [
    "--ipc=host",
    --shm,
]
env.python.conda_dependencies.add_pip_package(
