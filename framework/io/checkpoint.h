#pragma once
// Everything needed to resume or inspect a run, saved as one HDF5 file.
//
// Checkpoint schema, format_version 1 (all strings UTF-8 variable-length; readers also accept fixed-length):
//   /                     attributes: format = "mann-checkpoint" (string), format_version (int64) = 1,
//                         mann_version (string), created (ISO-8601 UTC, "2024-05-01T12:00:00Z"),
//                         experiment (string)
//   /config               string dataset: the resolved YAML configuration
//   /params/<name>        float32 2-D dataset (rows x cols), row-major as in Matrix. '/' in a name nests
//                         groups: "model/hop2/C" is /params/model/hop2/C.
//                         attribute order: 1-D string array of the parameter names in model order
//                         (HDF5 lists links by name; without it a reader falls back to name order)
//   /optimizer            attributes: type (string), step (int64), and one float64 attribute per named
//                         hyperparameter (lr, beta1, ...)
//   /optimizer/slots/<param name>/<slot>   float32 2-D dataset per optimizer slot ("model/W" -> m, v)
//   /rng                  string dataset: the generator state text (Rng::state())
//   /progress             attributes: step, epoch, examples_seen, best_step (int64), best_metric (float64,
//                         NaN when none yet), best_metric_name (string)
//   /metrics              one 1-D float64 dataset per column, all of equal length;
//                         attribute columns: the column names in order, comma-separated
//   /attention/<path>     optional; float32 2-D datasets, e.g. /attention/example3/hop1
//   /extra/<key>          string datasets for anything else (vocabulary, ...); '/' in a key nests groups
// Required on read: every part except /attention and /extra.
//
// On disk: the file starts with a 512-byte HDF5 user block holding a seal, a CRC-32
// over every other byte (checkpoint_seal.h), verified before HDF5 reads anything; the HDF5 part is written
// with the newest file-format version HDF5 knows (checksummed metadata) and numeric datasets carry the
// Fletcher-32 filter. Files without the user block (written before seals) still load: they are read once in a
// child process first, so a corrupt one that makes HDF5 crash is refused instead of killing the reader. After
// reading, the values must be ones a run can produce (check_checkpoint_consistency).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "framework/autodiff/errors.h"
#include "framework/autodiff/matrix.h"
#include "framework/train/metrics_table.h"

namespace mann {

inline constexpr const char* kCheckpointFormat = "mann-checkpoint";
inline constexpr int kCheckpointFormatVersion = 1;

// A checkpoint that cannot be written, read or used. The message starts with the file path.
struct CheckpointError : UserError {
  using UserError::UserError;
};

struct CheckpointData {
  std::string experiment;
  std::string config_yaml;
  std::string rng_state;
  // Stamped by write_checkpoint (the values given are ignored) and filled in by read_checkpoint.
  std::string mann_version;
  std::string created;
  int format_version = kCheckpointFormatVersion;

  std::vector<std::pair<std::string, Matrix>> params;  // name -> value, in model order

  std::string optimizer_type;
  int64_t optimizer_step = 0;
  std::map<std::string, double> optimizer_scalars;                       // hyperparameters by name
  std::map<std::string, std::map<std::string, Matrix>> optimizer_slots;  // param name -> slot -> tensor

  struct Progress {
    int64_t step = 0, epoch = 0, examples_seen = 0, best_step = -1;
    double best_metric = std::numeric_limits<double>::quiet_NaN();
    std::string best_metric_name;
  } progress;

  MetricsTable metrics;
  std::map<std::string, Matrix> attention;  // path ("example3/hop1") -> matrix
  std::map<std::string, std::string> extra;

  // Where read_checkpoint found it (for messages); not stored in the file.
  std::filesystem::path source;

  // The parameter with this name, or nullptr.
  const Matrix* param(const std::string& name) const;
};

// Test hook: called with a stage name after each part is written ("root", "config", "params", "optimizer",
// "rng", "progress", "metrics", "attention", "extra") and with "closed" once the temporary file is complete,
// before it replaces the target. Throwing from it simulates a crash at that point.
using CheckpointWriteHook = std::function<void(std::string_view stage)>;

// Writes atomically: a failure or crash at any point leaves an existing checkpoint at `path` intact.
// Throws CheckpointError on invalid names (empty, "a//b", duplicated) and I/O failures.
void write_checkpoint(const std::filesystem::path& path, const CheckpointData& data,
                      const CheckpointWriteHook& hook = {});

// Reads and validates; throws CheckpointError saying why a file is refused (missing, not HDF5, truncated,
// corrupted, bytes appended, not a mann checkpoint, other format version, missing or malformed part,
// impossible values).
CheckpointData read_checkpoint(const std::filesystem::path& path);

// Refuses values no run can produce, listing each with its name: NaN or infinite parameters and optimizer
// state, optimizer slots whose shape differs from their parameter's (or without one, or missing where the
// other parameters have it), negative counters, a
// best step outside [-1, step], a best metric that is not finite or disagrees with the metrics history.
void check_checkpoint_consistency(const CheckpointData& data);

struct ParamShape {
  std::string name;
  Index rows = 0, cols = 0;
  // Non-trainable state (e.g. a training-phase flag) that newer versions added: a checkpoint written
  // before it existed may lack it, and the model keeps its initial value.
  bool may_be_missing = false;
};

// Refuses a checkpoint whose parameters do not match the model's: lists every missing (unless it may be),
// extra and wrong-shape parameter (with both shapes) in one CheckpointError.
void check_param_shapes(const CheckpointData& data, const std::vector<ParamShape>& expected);

}  // namespace mann
