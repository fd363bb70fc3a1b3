// Refuses to start on a CPU that lacks an extension the build was compiled for (say a binary made with
// -march=native on a cluster's login node, run on an older compute node), before any static initialiser
// can execute such an instruction. Linked into `mann` and the test binary; compiled for baseline x86-64.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "framework/util/cpu_features.h"

namespace {

// Priority 101: before every ordinary static initialiser of the program.
__attribute__((constructor(101))) void refuse_a_cpu_without_the_built_extensions() {
  char message[512];
  if (!mann::cpu_mismatch_message(mann::kCpuFeaturesBuilt, mann::cpu_features_present(), message,
                                  sizeof message))
    return;
  std::fputs(message, stderr);
  std::_Exit(EXIT_FAILURE);
}

}  // namespace
