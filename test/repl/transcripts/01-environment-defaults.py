from azureml.core import Environment
env = Environment(name="myenv")
env.name
env.version
env.docker.base_image
print(env)
:show json
