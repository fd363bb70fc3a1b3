#!/usr/bin/env bash
# The test command of the README and of CI: install, build, run the whole test suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh"
cd "${BUILD_DIR:-$root/build}"
ctest --output-on-failure
