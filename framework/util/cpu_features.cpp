// Compiled for baseline x86-64 whatever the build's -march (CMakeLists.txt), since it runs before anything
// has checked that the CPU can execute the rest.
#include "framework/util/cpu_features.h"

#include <cstdio>

namespace mann {

std::uint64_t cpu_features_present() {
#if defined(__x86_64__) && defined(__GNUC__)
  __builtin_cpu_init();
  // __builtin_cpu_supports takes only literals, hence one line per extension, in kCpuFeatureNames' order.
  const bool has[] = {
      __builtin_cpu_supports("sse3") != 0,       __builtin_cpu_supports("ssse3") != 0,
      __builtin_cpu_supports("sse4.1") != 0,     __builtin_cpu_supports("sse4.2") != 0,
      __builtin_cpu_supports("popcnt") != 0,     __builtin_cpu_supports("avx") != 0,
      __builtin_cpu_supports("avx2") != 0,       __builtin_cpu_supports("fma") != 0,
      __builtin_cpu_supports("bmi") != 0,        __builtin_cpu_supports("bmi2") != 0,
      __builtin_cpu_supports("avx512f") != 0,    __builtin_cpu_supports("avx512bw") != 0,
      __builtin_cpu_supports("avx512dq") != 0,   __builtin_cpu_supports("avx512vl") != 0,
      __builtin_cpu_supports("avx512cd") != 0,   __builtin_cpu_supports("avx512vnni") != 0,
      __builtin_cpu_supports("avx512vbmi") != 0, __builtin_cpu_supports("avx512ifma") != 0,
  };
  static_assert(sizeof(has) / sizeof(has[0]) == kCpuFeatureCount, "one line per name in kCpuFeatureNames");
  std::uint64_t mask = 0;
  for (int i = 0; i < kCpuFeatureCount; ++i)
    if (has[i]) mask |= std::uint64_t{1} << i;
  return mask;
#else
  return 0;
#endif
}

int missing_cpu_features(std::uint64_t built, std::uint64_t present, char* out, std::size_t size) {
  int count = 0;
  std::size_t used = 0;
  if (size > 0) out[0] = '\0';
  for (int i = 0; i < kCpuFeatureCount; ++i) {
    if (!(built >> i & 1) || (present >> i & 1)) continue;
    const int written = std::snprintf(out + used, size > used ? size - used : 0, "%s%s", count ? ", " : "",
                                      kCpuFeatureNames[i]);
    // No std::min: a template instance may be shared with code compiled for the build's -march.
    if (written > 0) used += static_cast<std::size_t>(written);
    if (size > 0 && used > size - 1) used = size - 1;
    ++count;
  }
  return count;
}

bool cpu_mismatch_message(std::uint64_t built, std::uint64_t present, char* out, std::size_t size) {
  char missing[256];
  if (missing_cpu_features(built, present, missing, sizeof missing) == 0) return false;
  std::snprintf(
      out, size,
      "mann: this binary was built for a CPU with %s, which this CPU lacks, so it would crash with an "
      "illegal instruction. Rebuild it on this machine (bash tools/build.sh), or build one for every "
      "machine it should run on: MANN_ARCH=x86-64-v2 bash tools/build.sh (see the README, "
      "\"Building for other CPUs\").\n",
      missing);
  return true;
}

}  // namespace mann
