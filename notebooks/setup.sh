#!/usr/bin/env bash
# Prepares the notebooks: one command, from anywhere, idempotent.
#
#   bash notebooks/setup.sh && bash notebooks/run.sh
#
# (a) builds the project (target/classes, with the default model inside) and gathers its runtime jars plus XChart
#     (plots) into notebooks/.lib/deps, which each notebook's first cell puts on its classpath;
# (b) installs the headless executor if `jupyter-nbconvert` is missing: Debian packages jupyter-nbconvert,
#     jupyter-client and python3-nbclient (apt-get; as root, or through sudo), and a font if there is none;
# (c) fetches the Java kernel jar (rapaio-jupyter-kernel) next to notebooks/kernel/java/kernel.json, and links
#     notebooks/.lib/jupyter/kernels to notebooks/kernel so that JUPYTER_PATH=notebooks/.lib/jupyter finds it.
# Generated files (.lib/, the kernel jar) are ignored by git (notebooks/.gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."

KERNEL_ARTIFACT=io.github.padreati:rapaio-jupyter-kernel:3.0.1   # kernel.json names this jar
XCHART_ARTIFACT=org.knowm.xchart:xchart:3.8.8
MVN=(mvn -q -B -ntp)

echo "notebooks/setup.sh: building the project (mvn package, tests skipped)"
"${MVN[@]}" -DskipTests package

echo "notebooks/setup.sh: collecting runtime jars and XChart into notebooks/.lib/deps"
rm -rf notebooks/.lib/deps   # no stale jars from an older dependency set
"${MVN[@]}" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=notebooks/.lib/deps
"${MVN[@]}" dependency:copy -Dartifact="$XCHART_ARTIFACT" -DoutputDirectory=notebooks/.lib/deps

echo "notebooks/setup.sh: fetching the Java kernel into notebooks/kernel/java"
"${MVN[@]}" dependency:copy -Dartifact="$KERNEL_ARTIFACT" -DoutputDirectory=notebooks/kernel/java
mkdir -p notebooks/.lib/jupyter
ln -sfn ../../kernel notebooks/.lib/jupyter/kernels

packages=()
if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
    packages+=(jupyter-nbconvert jupyter-client python3-nbclient)
fi
# The charts need a font: the JDK finds fonts through fontconfig, which a slim image may lack.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
    packages+=(fontconfig fonts-dejavu-core)
fi
if [ ${#packages[@]} -gt 0 ]; then
    echo "notebooks/setup.sh: installing ${packages[*]} (apt-get)"
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "notebooks/setup.sh: no apt-get here; install Jupyter's nbconvert and nbclient (and a font) yourself" >&2
        exit 1
    fi
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
        SUDO=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
jupyter-nbconvert --version >/dev/null
echo "notebooks/setup.sh: ready; run: bash notebooks/run.sh"
