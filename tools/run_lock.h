#pragma once
// One `mann train` per run directory: two runs writing the same last.h5, best.h5 and metrics.csv would
// interleave their histories. The lock is an flock on <run dir>/train.lock, so the kernel releases it when
// its holder exits however it exits (kill -9 included); the file holds the holder's PID for the message.
#include <filesystem>
#include <vector>

#include "framework/util/unique_fd.h"

namespace mann {

class RunDirectoryLock {
 public:
  // Creates the directory if needed and takes the lock, held until destruction. Throws UserError naming
  // the holder's PID when another process holds it, or saying why the lock file cannot be created.
  explicit RunDirectoryLock(const std::filesystem::path& run_dir);

 private:
  UniqueFd fd_;
};

// Removes the checkpoint temporaries ("<name>.tmp-<PID>", see atomic_file.h) in `dir` whose writer is no
// longer running: left behind by a run killed mid-save. Call with the run directory locked. Returns them.
std::vector<std::filesystem::path> remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace mann
