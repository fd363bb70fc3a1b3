#include "tools/checkpoint_choice.h"

#include "tools/run_state.h"

namespace mann {

ChosenCheckpoint choose_checkpoint(const std::filesystem::path& file_or_run_dir, bool last) {
  if (!std::filesystem::is_directory(file_or_run_dir)) return {resolve_checkpoint(file_or_run_dir), ""};
  const std::filesystem::path best = file_or_run_dir / "checkpoints" / "best.h5";
  if (!last && std::filesystem::exists(best)) return {best, "best"};
  return {resolve_checkpoint(file_or_run_dir, "last"), "last"};
}

std::string describe_checkpoint(const ChosenCheckpoint& chosen, int64_t step) {
  const std::string where = chosen.role.empty() ? "" : "the run's " + chosen.role + " checkpoint, ";
  return chosen.path.string() + " (" + where + "step " + std::to_string(step) + ")";
}

}  // namespace mann
