from azureml.core import Environment
env = Environment("custom-docker")
env.docker.base_image = None
env.docker.base_dockerfile = open("Dockerfile").read()
env.python.user_managed_dependencies = True
:show json
