#!/usr/bin/env bash
# Installs what EcoSecurity needs on Debian 12, idempotently: QGIS 3.22 and GDAL from Debian
# (with sudo when not root), then a venv on /usr/bin/python3 that sees Debian's numpy/scipy/
# gdal/qgis (pinned by constraints.txt) with the pip packages of requirements.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-gdal gdal-bin python3-venv python3-numpy
              python3-scipy python3-matplotlib pyqt5-dev-tools qttools5-dev-tools fonts-wqy-microhei)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=".venv/.setup-$(cat requirements.txt constraints.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "setup: creating the Python environment in .venv"
  [ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt -c constraints.txt
  .venv/bin/python -c "import numpy, scipy, osgeo.gdal_array, qgis.core" \
    || { echo "setup: the environment cannot import numpy/scipy/gdal/qgis" >&2; exit 1; }
  rm -f .venv/.setup-*
  touch "$stamp"
fi
