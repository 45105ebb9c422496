"""Prints the environment a job runs in, as an Azure ML job would see it: the interpreter, PATH, the
conda environment Azure ML created, and every AZUREML_* variable. Secret-looking values are hidden.
"""
import os
import re
import sys

SECRET = re.compile(r"(PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL)", re.IGNORECASE)

print("interpreter: {} (Python {}.{}.{})".format(sys.executable, *sys.version_info[:3]))
print("working directory: {}".format(os.getcwd()))
print("conda environment: {}".format(os.environ.get("AZUREML_CONDA_ENVIRONMENT_PATH", "(none: user-managed python)")))
print("PATH:")
for part in os.environ.get("PATH", "").split(os.pathsep):
    print("  " + part)
print("AZUREML_* variables:")
names = sorted(n for n in os.environ if n.startswith("AZUREML_"))
for name in names:
    value = os.environ[name]
    print("  {}={}".format(name, "(hidden)" if SECRET.search(name) else value))
if not names:
    print("  (none)")
