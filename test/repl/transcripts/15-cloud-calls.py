from azureml.core import Environment, Workspace
ws = Workspace(subscription_id="0000", resource_group="rg", workspace_name="ml-ws")
ws.name
env = Environment("to-register")
env.version = "3"
registered = env.register(workspace=ws)
registered.name
env.build(ws)
env.build_local(ws, useDocker=True, pushImageToWorkspaceAcr=True)
env.get_image_details(ws)
Environment.list(workspace=ws)
