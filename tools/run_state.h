#pragma once
// Moving a run's state between memory and checkpoints: parameters, optimizer slots, RNG, progress and
// metrics history, plus the resolved config that rebuilds the experiment.
#include <filesystem>

#include "framework/io/checkpoint.h"
#include "framework/util/rng.h"
#include "tools/experiment.h"

namespace mann {

// The run's state as a checkpoint. with_attention (the run's final checkpoint): also the model's attention
// maps and their texts (AttentionViews), which cost a forward pass, so ordinary saves skip them.
CheckpointData capture_checkpoint(const Experiment& experiment, const TrainingProgress& progress,
                                  const Rng& rng, bool with_attention);

// Loads parameters (and, for resuming, optimizer state, RNG and progress) into a freshly built experiment.
// Refuses missing, extra or wrong-shaped parameters with a message naming them.
void restore_parameters(Experiment& experiment, const CheckpointData& data);
// Warm start: copies every parameter the checkpoint shares by name with the model (shapes must agree, or
// UserError naming the parameter); the rest keep their initial values. Returns the names not loaded.
std::vector<std::string> warm_start_parameters(Experiment& experiment, const CheckpointData& data);
void restore_training_state(Experiment& experiment, const CheckpointData& data, TrainingProgress& progress,
                            Rng& rng);

// A run directory's `checkpoints/last.h5`, or the path itself when it names a file.
std::filesystem::path resolve_checkpoint(const std::filesystem::path& run_dir_or_file,
                                         const char* which = "last");

// Replaces a run directory file (config.yaml, metrics.csv) atomically, so a full disk or a kill leaves the
// previous version; UserError naming the file and the reason if it cannot be written.
void write_run_file(const std::filesystem::path& path, const std::string& text);

// Writes metrics.csv from a table (all rows): used on start and resume so the file always matches the
// checkpointed history, then appended to row by row.
void write_metrics_csv(const std::filesystem::path& path, const MetricsTable& table);
void append_metrics_csv_row(const std::filesystem::path& path, const MetricsTable& table);
// Reads a metrics.csv back (empty cells become NaN); UserError if it cannot be read.
MetricsTable read_metrics_csv(const std::filesystem::path& path);

}  // namespace mann
