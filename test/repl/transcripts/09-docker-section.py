from azureml.core import Environment
env = Environment("custom-docker")
env.docker.base_image = "myregistry.azurecr.io/ml/train:2.4.1"
env.docker.base_image_registry.address = "myregistry.azurecr.io"
env.docker.base_image_registry.username = "puller"
env.docker.base_image_registry.password = "s3cret-value"
env.docker.platform.os = "Linux"
env.docker.platform.architecture = "arm64"
env.docker.enabled = True
env.docker.shm_size = "8g"
env.docker.arguments = ["--ipc=host"]
env.docker.gpu_support
env.docker.base_dockerfile = "FROM ubuntu:22.04"
env.docker.base_image = "myregistry.azurecr.io/ml/train:2.4.1"
:show json
env.docker.base_image_registry
env.save_to_directory("saved")
