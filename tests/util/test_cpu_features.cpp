// The start-up CPU check: which built extensions a CPU lacks, and the refusal that names them.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "framework/util/cpu_features.h"

using namespace mann;

TEST_SUITE_BEGIN("util");

namespace {

std::uint64_t mask_of(std::initializer_list<const char*> names) {
  std::uint64_t mask = 0;
  for (const char* name : names)
    for (int i = 0; i < kCpuFeatureCount; ++i)
      if (std::strcmp(kCpuFeatureNames[i], name) == 0) mask |= std::uint64_t{1} << i;
  return mask;
}

}  // namespace

TEST_CASE("cpu features: the built extensions a CPU lacks are named in order") {
  char out[128];
  CHECK(missing_cpu_features(mask_of({"avx2", "fma", "avx512f"}), mask_of({"avx2"}), out, sizeof out) == 2);
  CHECK(std::string(out) == "fma, avx512f");
  CHECK(missing_cpu_features(mask_of({"sse4.2"}), mask_of({"sse4.2", "avx2"}), out, sizeof out) == 0);
  CHECK(std::string(out).empty());
  // A short buffer is cut, still terminated; the count is complete.
  char small[6];
  CHECK(missing_cpu_features(mask_of({"avx", "avx2", "fma"}), 0, small, sizeof small) == 3);
  CHECK(std::string(small) == "avx, ");
}

TEST_CASE("cpu features: the refusal names what is missing and how to build for this CPU") {
  char out[512];
  CHECK_FALSE(cpu_mismatch_message(mask_of({"avx2"}), mask_of({"avx2", "fma"}), out, sizeof out));
  REQUIRE(cpu_mismatch_message(mask_of({"avx2", "avx512bw"}), mask_of({"avx2"}), out, sizeof out));
  const std::string message = out;
  CHECK(message.find("avx512bw, which this CPU lacks") != std::string::npos);
  CHECK(message.find("MANN_ARCH=x86-64-v2 bash tools/build.sh") != std::string::npos);
}

TEST_CASE("cpu features: this build runs here, so the CPU has every extension it was built for") {
  CHECK((kCpuFeaturesBuilt & ~cpu_features_present()) == 0);
#if defined(__x86_64__)
  CHECK((cpu_features_present() & mask_of({"sse3"})) != 0);  // every x86-64 CPU of this century
#endif
#if defined(__AVX2__)
  CHECK((kCpuFeaturesBuilt & mask_of({"avx2"})) != 0);
#endif
}

TEST_SUITE_END();
