#pragma once
// `mann compare` and `mann sweep` train their runs in `mann train` child processes. A child must not
// outlive the process that started it: when a rank of a sweep is killed (by a scheduler, by mpirun after
// another rank failed, by hand), its children would otherwise train on as orphans and race the re-run that
// completes the sweep. The parent names itself in the child's environment; the child asks the kernel for a
// signal when that parent goes.
#include <string>

namespace mann {

// The environment entry ("MANN_PARENT_PID=<pid of this process>") that a child started by this process
// receives.
std::string parent_pid_variable();

// In a child started with that entry: arrange SIGTERM when the parent dies, and exit at once if it has
// already gone. Does nothing in a process started otherwise.
void die_with_parent_if_asked();

}  // namespace mann
