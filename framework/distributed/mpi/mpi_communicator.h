#pragma once
// The MPI implementation of Communicator over MPI_COMM_WORLD. Built only with MANN_WITH_MPI, and only its
// .cpp includes mpi.h; world.cpp calls these once per process.
#include <memory>

#include "framework/distributed/communicator.h"

namespace mann::distributed {

void mpi_init(int& argc, char**& argv);
void mpi_finalize();
[[noreturn]] void mpi_abort(int exit_code);
std::unique_ptr<Communicator> make_mpi_world();

}  // namespace mann::distributed
