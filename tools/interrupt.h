#pragma once
// Ctrl-C and `kill` while `mann` trains: the handlers only record the signal, and the code that can stop
// cleanly (the trainer after its current step, compare's process pool) asks for it. A second Ctrl-C
// (or a second SIGTERM) gets the default action again: it ends the process at once.
namespace mann {

// Installs the recording handlers for SIGINT and SIGTERM (without SA_RESTART, so a blocking waitpid
// returns EINTR and its caller can look at the flag). A signal this process was started ignoring stays
// ignored.
void install_interrupt_handlers();

// The first SIGINT or SIGTERM received since the handlers were installed; 0 when none.
int interrupt_signal();

// The conventional exit code of a process ended by `signal`: 130 for SIGINT, 143 for SIGTERM.
inline int interrupted_exit_code(int signal) {
  return 128 + signal;
}

}  // namespace mann
