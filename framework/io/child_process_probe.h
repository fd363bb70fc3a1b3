#pragma once
// Runs a check in a forked child process, so that a library crashing (or hanging) on untrusted input, as
// HDF5 does on some corrupt files, becomes a refusal in the parent instead of killing it.
#include <chrono>
#include <functional>
#include <string>

namespace mann {

struct ProbeOutcome {
  enum class Kind { passed, failed, crashed, timed_out, unavailable } kind = Kind::unavailable;
  int signal = 0;  // for crashed
  // "crashed with signal 11 (Segmentation fault)", "did not finish within 30 s", ...
  std::string describe() const;
};

// `check` returns normally to pass and throws to fail; nothing it computes comes back. `unavailable` when
// fork fails (the caller then decides whether to run the check itself).
ProbeOutcome probe_in_child(const std::function<void()>& check, std::chrono::seconds limit);

}  // namespace mann
