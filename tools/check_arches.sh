#!/usr/bin/env bash
# Builds mann for several CPU levels and runs the whole test suite in each build, so that no test passes
# only by the arithmetic of one instruction set (FMA, AVX2 and AVX-512 round differently, which moves every
# training trajectory). The suite that CI runs must pass in all of them.
#
#   bash tools/check_arches.sh                 # x86-64 (MANN_NATIVE=OFF), x86-64-v2, x86-64-v3, native
#   bash tools/check_arches.sh x86-64-v3       # only the levels named
#
# Builds go to build-arch-<level>/ (ccache is used where installed). About 5 minutes of 2 cores per build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
levels=("$@")
[ ${#levels[@]} -eq 0 ] && levels=(x86-64 x86-64-v2 x86-64-v3 native)
bash "$root/tools/install_deps.sh"
command -v ccache > /dev/null && export CMAKE_CXX_COMPILER_LAUNCHER=ccache
failed=()
for level in "${levels[@]}"; do
  build="$root/build-arch-$level"
  echo "== $level: building in $build"
  if [ "$level" = x86-64 ]; then
    # The compiler's default: what MANN_NATIVE=OFF builds.
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMANN_NATIVE=OFF -DMANN_ARCH= > /dev/null
  else
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMANN_ARCH="$level" > /dev/null
  fi
  cmake --build "$build" -j "$(nproc)" > "$build/build.log" 2>&1 || { echo "   build failed: $build/build.log"; failed+=("$level"); continue; }
  if (cd "$build" && ctest --output-on-failure > ctest.log 2>&1); then
    echo "   passed ($(grep -o 'test cases:.*' "$build/ctest.log" | head -n 1))"
  else
    echo "   FAILED: $build/ctest.log"
    grep -E "ERROR|FAILED|test cases:" "$build/ctest.log" | head -n 20 | sed 's/^/   /'
    failed+=("$level")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "check_arches: failed for ${failed[*]}"
  exit 1
fi
echo "check_arches: the suite passed for ${levels[*]}"
