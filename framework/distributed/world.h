#pragma once
// The communicator of the whole process: every rank of `mpirun -np N mann ...` (or `srun`), or a single
// process. `mann` opens it once in main() with a WorldSession; everything else asks world().
#include "framework/distributed/communicator.h"

namespace mann::distributed {

// The process-wide communicator: the MPI one inside a WorldSession started by an MPI launcher, otherwise
// a single process.
Communicator& world();

// Whether this build has the MPI communicator (MANN_WITH_MPI).
bool mpi_built();

// Whether an MPI launcher (mpirun/mpiexec of Open MPI or MPICH, Slurm's srun) started this process: only
// then is MPI initialised, so a plain `mann` behaves exactly as without MPI.
bool launched_by_mpi();

// Initialises MPI for its lifetime when this build has it and an MPI launcher started the process, and
// makes world() that communicator; finalises it at the end. One per process (main()).
class WorldSession {
 public:
  WorldSession(int& argc, char**& argv);
  ~WorldSession();
  WorldSession(const WorldSession&) = delete;
  WorldSession& operator=(const WorldSession&) = delete;
};

// Ends the whole job with `exit_code`: every rank when several run (one rank's error would otherwise leave
// the others waiting in a collective forever), else just this process.
[[noreturn]] void abort_world(int exit_code);

// Environment variables an MPI launcher sets for its ranks: a child process started by a rank (`mann
// compare`'s `mann train`) must not see them, or it would take itself for that rank.
bool is_launcher_variable(const char* name_equals_value);

}  // namespace mann::distributed
