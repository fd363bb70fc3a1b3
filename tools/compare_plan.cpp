// Which directory holds a comparison run and how the run gets there: reused, resumed or started. A run's
// directory is trusted only for the configuration it was trained with, and nothing is deleted.
#include <cstdio>
#include <ostream>

#include "framework/autodiff/errors.h"
#include "framework/components/training_components.h"
#include "framework/config/config_diff.h"
#include "framework/io/checkpoint.h"
#include "tools/compare.h"
#include "tools/experiment.h"

namespace mann {
namespace fs = std::filesystem;
namespace {

// The config without what does not change the results a run computes (where it writes, the sweep grid) or
// what the plan handles itself (the length, unless the schedule's rates follow it: then a shorter run
// resumed to a longer length would not compute what a run of that length computes).
ConfigNode comparable(ConfigNode config) {
  config.erase("output");
  config.erase("sweep");
  if (ConfigNode* train = config.find("train")) {
    const ConfigNode* schedule = train->find("schedule");
    if (!schedule || !schedule_follows_run_length(*schedule)) train->erase("steps");
  }
  return config;
}

// Eight hex digits of a 64-bit FNV-1a hash: short enough for a directory name, and only ever compared
// among the few runs of one seed.
std::string short_hash(const std::string& text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char ch : text) h = (h ^ ch) * 0x100000001b3ull;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(h >> 32));
  return hex;
}

// What a candidate directory holds, for this run.
struct Candidate {
  enum class Kind { Empty, Usable, Other } kind = Kind::Empty;
  int64_t step = 0;    // Usable: its checkpoint's step
  std::string reason;  // Other: why it cannot be used
};

Candidate examine(const fs::path& dir, const ConfigNode& wanted, int64_t steps) {
  const fs::path last = dir / "checkpoints" / "last.h5";
  if (!fs::exists(last)) return {};
  CheckpointData data;
  ConfigNode stored;
  try {
    data = read_checkpoint(last);
    stored = comparable(parse_stored_config(data.config_yaml, "<config of " + last.string() + ">"));
  } catch (const std::exception& e) {
    return {Candidate::Kind::Other, 0, "its checkpoint cannot be read (" + std::string(e.what()) + ")"};
  }
  const std::vector<ConfigDifference> differences = config_differences(stored, wanted);
  if (!differences.empty())
    return {Candidate::Kind::Other, 0,
            "it holds a run of another configuration (" + describe_differences(differences, "there", "here") +
                ")"};
  if (data.progress.step > steps)
    return {Candidate::Kind::Other, 0,
            "it holds a longer run (step " + std::to_string(data.progress.step) + ", " +
                std::to_string(steps) + " asked for), kept as it is"};
  return {Candidate::Kind::Usable, data.progress.step, ""};
}

}  // namespace

void plan_run(CompareRun& run, std::ostream& progress) {
  const CompareExperiment& e = *run.experiment;
  ConfigNode config = e.config;
  const std::string hash = short_hash(to_yaml(comparable(config)));  // the same for every seed
  config.set("seed", ConfigNode::scalar(std::to_string(run.seed)));
  const ConfigNode wanted = comparable(config);

  const fs::path base = run.dir;
  const std::string name = base.filename().string();
  const std::vector<fs::path> candidates = {
      base, base.parent_path() / (name + "-" + hash),
      base.parent_path() / (name + "-" + hash + "-" + std::to_string(e.steps) + "steps")};
  const std::string what = e.label + " seed " + std::to_string(run.seed);
  std::string passed_over;
  for (const fs::path& dir : candidates) {
    const Candidate c = examine(dir, wanted, e.steps);
    if (c.kind == Candidate::Kind::Other) {
      passed_over += what + ": not using " + dir.string() + ": " + c.reason + "\n";
      continue;
    }
    run.dir = dir;
    progress << passed_over;
    if (c.kind == Candidate::Kind::Usable && c.step == e.steps) {
      run.status = CompareRun::Status::Reused;
      progress << "reusing " << what << " (" << dir.string() << ")\n";
    } else {
      run.resume_from = c.step;
      if (!passed_over.empty()) progress << what << ": this run goes to " << dir.string() << "\n";
    }
    return;
  }
  throw UserError(passed_over + what +
                  ": no directory left for it; move one of these away or choose another --out");
}

}  // namespace mann
