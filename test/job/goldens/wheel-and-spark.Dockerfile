FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1
USER root
RUN mkdir -p $HOME/.cache
WORKDIR /
COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/
RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda install conda==4.4.11; fi
COPY azureml-environment-setup/mutated_conda_dependencies.yml azureml-environment-setup/mutated_conda_dependencies.yml
COPY azureml-environment-setup/packages/ /azureml-environment-setup/packages/
RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/azureml_a3526294c8a78bd32c52ed0ddfc7e71d -f azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf "$HOME/.cache/pip" && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d -name __pycache__ -exec rm -rf {} + && ldconfig
# AzureML Conda environment name: azureml_a3526294c8a78bd32c52ed0ddfc7e71d
ENV PATH /azureml-envs/azureml_a3526294c8a78bd32c52ed0ddfc7e71d/bin:$PATH
ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/azureml_a3526294c8a78bd32c52ed0ddfc7e71d
ENV LD_LIBRARY_PATH /azureml-envs/azureml_a3526294c8a78bd32c52ed0ddfc7e71d/lib:$LD_LIBRARY_PATH
COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties /azureml-environment-setup/
RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
ENV AZUREML_ENVIRONMENT_IMAGE True
CMD ["bash"]
LABEL org.amlenv.hash="41d1ac3c0695ea9931ae97ab11fb4910" org.amlenv.source="env.json" org.amlenv.schema="1"
