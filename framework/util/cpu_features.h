#pragma once
// The instruction-set extensions a build may use (from its -march) against those of the CPU it runs on, so
// that a binary built for a newer CPU refuses to start with a message instead of dying of SIGILL.
//
// Plain C on purpose: the check runs before static initialisation in code compiled for baseline x86-64
// (see CMakeLists.txt), so it must not call inline or template code that another translation unit may have
// compiled with AVX.
#include <cstddef>
#include <cstdint>

namespace mann {

/// The extensions the check knows, by the names __builtin_cpu_supports uses; bit i of a mask is name i.
inline constexpr const char* kCpuFeatureNames[] = {
    "sse3",     "ssse3",    "sse4.1",   "sse4.2",     "popcnt",     "avx",
    "avx2",     "fma",      "bmi",      "bmi2",       "avx512f",    "avx512bw",
    "avx512dq", "avx512vl", "avx512cd", "avx512vnni", "avx512vbmi", "avx512ifma",
};
inline constexpr int kCpuFeatureCount = sizeof(kCpuFeatureNames) / sizeof(kCpuFeatureNames[0]);

/// The extensions this build's compiler flags allow it to use (framework/util/cpu_target.cpp).
extern const std::uint64_t kCpuFeaturesBuilt;

/// The extensions of the CPU this process runs on; 0 where the check does not apply (not x86-64).
std::uint64_t cpu_features_present();

/// Writes the names of the extensions in `built` but not in `present`, comma-separated, into `out` (always
/// terminated); returns how many there are.
int missing_cpu_features(std::uint64_t built, std::uint64_t present, char* out, std::size_t size);

/// The whole refusal for a CPU that lacks some of `built`, into `out`; false (and `out` untouched) when
/// nothing is missing.
bool cpu_mismatch_message(std::uint64_t built, std::uint64_t present, char* out, std::size_t size);

}  // namespace mann
