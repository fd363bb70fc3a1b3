#include "framework/io/child_process_probe.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace mann {

std::string ProbeOutcome::describe() const {
  switch (kind) {
    case Kind::passed:
      return "passed";
    case Kind::failed:
      return "failed";
    case Kind::crashed:
      return "crashed with signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    case Kind::timed_out:
      return "did not finish in time";
    case Kind::unavailable:
      break;
  }
  return "could not be run in a separate process";
}

ProbeOutcome probe_in_child(const std::function<void()>& check, std::chrono::seconds limit) {
  const pid_t pid = ::fork();
  if (pid < 0) return {};
  if (pid == 0) {
    // The child only reports pass or fail by its exit status; _exit skips the parent's atexit handlers
    // (HDF5's among them), which must not run twice.
    int status = 0;
    try {
      check();
    } catch (...) {
      status = 1;
    }
    ::_exit(status);
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return {};
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return {ProbeOutcome::Kind::timed_out};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (WIFSIGNALED(status)) return {ProbeOutcome::Kind::crashed, WTERMSIG(status)};
  return {WEXITSTATUS(status) == 0 ? ProbeOutcome::Kind::passed : ProbeOutcome::Kind::failed};
}

}  // namespace mann
