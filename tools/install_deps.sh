#!/usr/bin/env bash
# Installs the Debian packages mann needs, skipping those already present. Safe to run repeatedly.
set -euo pipefail
packages=(cmake g++ make pkg-config libeigen3-dev libboost-program-options-dev libhdf5-dev libyaml-cpp-dev
          doctest-dev hdf5-tools libbenchmark-dev zlib1g-dev libopenmpi-dev openmpi-bin python3
          dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "mann: installing missing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
