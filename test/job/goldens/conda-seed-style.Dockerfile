FROM mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20210301.v1
USER root
RUN mkdir -p $HOME/.cache
WORKDIR /
COPY azureml-environment-setup/99brokenproxy /etc/apt/apt.conf.d/
RUN if dpkg --compare-versions `conda --version | grep -oE '[^ ]+$'` lt 4.4.11; then conda install conda==4.4.11; fi
COPY azureml-environment-setup/mutated_conda_dependencies.yml azureml-environment-setup/mutated_conda_dependencies.yml
RUN ldconfig /usr/local/cuda/lib64/stubs && conda env create -p /azureml-envs/azureml_351ab77ea75fc1fea35d653e3c0fcc03 -f azureml-environment-setup/mutated_conda_dependencies.yml && rm -rf "$HOME/.cache/pip" && conda clean -aqy && CONDA_ROOT_DIR=$(conda info --root) && rm -rf "$CONDA_ROOT_DIR/pkgs" && find "$CONDA_ROOT_DIR" -type d -name __pycache__ -exec rm -rf {} + && ldconfig
# AzureML Conda environment name: azureml_351ab77ea75fc1fea35d653e3c0fcc03
ENV PATH /azureml-envs/azureml_351ab77ea75fc1fea35d653e3c0fcc03/bin:$PATH
ENV AZUREML_CONDA_ENVIRONMENT_PATH /azureml-envs/azureml_351ab77ea75fc1fea35d653e3c0fcc03
ENV LD_LIBRARY_PATH /azureml-envs/azureml_351ab77ea75fc1fea35d653e3c0fcc03/lib:$LD_LIBRARY_PATH
COPY azureml-environment-setup/spark_cache.py azureml-environment-setup/log4j.properties /azureml-environment-setup/
RUN if [ $SPARK_HOME ]; then /bin/bash -c '$SPARK_HOME/bin/spark-submit  /azureml-environment-setup/spark_cache.py'; fi
ENV AZUREML_ENVIRONMENT_IMAGE True
CMD ["bash"]
LABEL org.amlenv.hash="caf2930eac97df5525e4d7031e89802b" org.amlenv.source="seed-style.json" org.amlenv.schema="1"
