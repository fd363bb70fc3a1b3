#include "framework/distributed/world.h"

#include <cstdlib>
#include <cstring>
#include <memory>

#ifndef MANN_WITH_MPI
#define MANN_WITH_MPI 0  // CMake defines it (to 1) on this file only when MPI is built
#endif
#if MANN_WITH_MPI
#include "framework/distributed/mpi/mpi_communicator.h"
#endif

namespace mann::distributed {
namespace {

// Set inside a WorldSession under an MPI launcher; a single process otherwise.
std::unique_ptr<Communicator>& mpi_world() {
  static std::unique_ptr<Communicator> world;
  return world;
}

// Variables by which Open MPI (OMPI_, OPAL_), PMIx (PMIX_, used by Open MPI and srun --mpi=pmix) and
// PMI-1/2 (MPICH's hydra, srun --mpi=pmi2) hand a process its rank.
constexpr const char* kLauncherPrefixes[] = {"OMPI_", "OPAL_", "PMIX_", "PMI_"};

}  // namespace

Communicator& world() {
  static SingleProcessCommunicator single;
  return mpi_world() ? *mpi_world() : single;
}

bool mpi_built() {
  return MANN_WITH_MPI != 0;
}

bool launched_by_mpi() {
  for (const char* rank_variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(rank_variable)) return true;
  return false;
}

bool is_launcher_variable(const char* name_equals_value) {
  for (const char* prefix : kLauncherPrefixes)
    if (std::strncmp(name_equals_value, prefix, std::strlen(prefix)) == 0) return true;
  return false;
}

WorldSession::WorldSession([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
#if MANN_WITH_MPI
  if (!launched_by_mpi()) return;
  mpi_init(argc, argv);
  mpi_world() = make_mpi_world();
#endif
}

WorldSession::~WorldSession() {
#if MANN_WITH_MPI
  if (!mpi_world()) return;
  mpi_world().reset();
  mpi_finalize();
#endif
}

void abort_world(int exit_code) {
#if MANN_WITH_MPI
  if (mpi_world() && mpi_world()->size() > 1) mpi_abort(exit_code);
#endif
  std::exit(exit_code);
}

}  // namespace mann::distributed
