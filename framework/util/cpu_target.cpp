// Compiled with the build's own -march, so its macros say what the compiler may have used everywhere else.
// Data only (no code): it is read by the start-up check, which runs on CPUs that may lack these extensions.
#include "framework/util/cpu_features.h"

namespace mann {

namespace {

constexpr std::uint64_t bit(int i) {
  return std::uint64_t{1} << i;
}

}  // namespace

extern const std::uint64_t kCpuFeaturesBuilt = 0
#if defined(__SSE3__)
                                               | bit(0)
#endif
#if defined(__SSSE3__)
                                               | bit(1)
#endif
#if defined(__SSE4_1__)
                                               | bit(2)
#endif
#if defined(__SSE4_2__)
                                               | bit(3)
#endif
#if defined(__POPCNT__)
                                               | bit(4)
#endif
#if defined(__AVX__)
                                               | bit(5)
#endif
#if defined(__AVX2__)
                                               | bit(6)
#endif
#if defined(__FMA__)
                                               | bit(7)
#endif
#if defined(__BMI__)
                                               | bit(8)
#endif
#if defined(__BMI2__)
                                               | bit(9)
#endif
#if defined(__AVX512F__)
                                               | bit(10)
#endif
#if defined(__AVX512BW__)
                                               | bit(11)
#endif
#if defined(__AVX512DQ__)
                                               | bit(12)
#endif
#if defined(__AVX512VL__)
                                               | bit(13)
#endif
#if defined(__AVX512CD__)
                                               | bit(14)
#endif
#if defined(__AVX512VNNI__)
                                               | bit(15)
#endif
#if defined(__AVX512VBMI__)
                                               | bit(16)
#endif
#if defined(__AVX512IFMA__)
                                               | bit(17)
#endif
    ;

}  // namespace mann
