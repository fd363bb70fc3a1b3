#pragma once
// Running `mann` under `mpirun --oversubscribe -np N` from the tests of the `mpi` suite (CTest test
// mann_mpi_tests). Where MPI is not built or mpirun is missing the suite is skipped as a whole: the process
// exits with 77, which CTest reports as skipped, after saying why.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "framework/distributed/world.h"
#include "tests/tools/cli_support.h"

namespace mann::testing {

inline std::string mpirun_command() {
  const char* configured = std::getenv("MANN_MPIRUN");  // found by CMake
  const std::string mpirun = configured && *configured ? configured : "mpirun";
  const char* why = nullptr;
  if (!distributed::mpi_built())
    why = "this build has no MPI (MANN_WITH_MPI=OFF or no libopenmpi-dev)";
  else if (mpirun.ends_with("NOTFOUND") || run_command("command -v " + mpirun).exit_code != 0)
    why = "mpirun was not found (install openmpi-bin)";
  if (why) {
    std::printf("SKIPPED: the MPI tests need mpirun and an MPI build: %s\n", why);
    std::fflush(stdout);
    std::exit(77);
  }
  // Open MPI refuses to run as root unless told it is meant; containers often are root.
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
  return mpirun;
}

// `mann <arguments>` over `ranks` processes on this machine (--oversubscribe: more ranks than cores).
inline CommandResult run_mann_mpi(int ranks, const std::string& arguments) {
  return run_command(mpirun_command() + " --oversubscribe -np " + std::to_string(ranks) + " " + MANN_BINARY +
                     " " + arguments);
}

}  // namespace mann::testing
