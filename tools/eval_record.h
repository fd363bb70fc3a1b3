#pragma once
// What `mann eval RUN_DIR` measured, kept in the run directory (eval_<split>.json) so `mann runs` can show
// a run's test metric without evaluating it again.
#include <filesystem>
#include <optional>
#include <string>

namespace mann {

std::filesystem::path eval_record_path(const std::filesystem::path& run_dir, const std::string& split);

// The first metric (the primary one) of a recorded evaluation: "error 0.114 (best.h5, step 500)"; nullopt
// when there is none.
std::optional<std::string> recorded_primary_metric(const std::filesystem::path& run_dir,
                                                   const std::string& split);

}  // namespace mann
