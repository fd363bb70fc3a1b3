#pragma once
// Which checkpoint `eval`, `attention` and `inspect` read when given a run directory: the same one for all
// three (the run's best, unless --last), and said in their output so a number is never read off the wrong
// file.
#include <filesystem>
#include <string>

namespace mann {

struct ChosenCheckpoint {
  std::filesystem::path path;
  std::string role;  // "best" or "last" for a run directory's checkpoint, "" for a file named directly
};

// A file is used as it is. A run directory gives checkpoints/best.h5, or checkpoints/last.h5 when `last`
// is asked for or no evaluation has written a best one yet.
ChosenCheckpoint choose_checkpoint(const std::filesystem::path& file_or_run_dir, bool last = false);

// "runs/x/checkpoints/best.h5 (the run's best checkpoint, step 500)".
std::string describe_checkpoint(const ChosenCheckpoint& chosen, int64_t step);

}  // namespace mann
