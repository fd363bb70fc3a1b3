#pragma once
// The training loop shared by every experiment: batch -> forward on a fresh tape -> loss -> backward ->
// NaN/Inf check -> clip -> optimizer step, with periodic reports, evaluations and checkpoint requests.
// Saving is a hook: the trainer knows no file format.
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

#include "framework/autodiff/errors.h"
#include "framework/distributed/communicator.h"
#include "framework/train/learner.h"
#include "framework/train/metrics_table.h"
#include "framework/train/optimizer.h"
#include "framework/train/progress.h"
#include "framework/train/schedule.h"

namespace mann {

struct TrainerOptions {
  int64_t steps = 1000;            // total optimizer steps of the run
  int64_t log_every = 100;         // report and metrics row every N steps
  int64_t eval_every = 500;        // evaluation every N steps (and at the end); 0: only at the end
  int64_t checkpoint_every = 500;  // `last` checkpoint every N steps (and at the end); 0: only at the end
  int64_t steps_per_epoch = 0;     // what the schedule counts: epochs when > 0, else steps
  double clip_norm = 0;            // global gradient norm limit; 0: off
  double clip_value = 0;           // elementwise gradient limit; 0: off
  std::string eval_split = "valid";
  uint64_t eval_seed = 0;                // every evaluation draws the same data from this seed
  std::string model_name = "the model";  // names the model in errors about the learner (e.g. "model ntm")
  // The evaluation metric that decides the best checkpoint (and early stopping): "" for the learner's
  // first (primary) one. Lower is better unless best_higher.
  std::string best_metric;
  bool best_higher = false;
  double min_delta = 0;             // an evaluation improves on the best only by more than this
  int64_t early_stop_patience = 0;  // stop after this many evaluations without improvement; 0: never
};

// Everything about a run's position that a checkpoint restores (with the parameters, optimizer and RNG).
// The training metrics summed over the steps since the last report, for a resumed run to continue.
struct PendingReport {
  std::vector<double> sums;  // one per training metric
  double grad_norm_sum = 0;
  int64_t steps = 0;
};

struct TrainingProgress {
  int64_t step = 0;
  int64_t examples_seen = 0;
  double best_metric = std::numeric_limits<double>::quiet_NaN();
  int64_t best_step = -1;
  std::string best_metric_name;
  MetricsTable history;
  PendingReport pending;  // filled by Trainer::reopen_partial_report, taken by Trainer::run

  int64_t epoch(int64_t steps_per_epoch) const { return steps_per_epoch > 0 ? step / steps_per_epoch : 0; }
};

// The seed of the data an evaluation of `split` draws (generated datasets): fixed per split, so every
// evaluation of a run sees the same examples, and "test" never sees "valid"'s.
inline uint64_t split_seed(uint64_t eval_seed, const std::string& split) {
  uint64_t h = eval_seed * 0x9E3779B97F4A7C15ull;
  for (char ch : split) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001B3ull;
  return h;
}

// Training produced a NaN or Inf: the message names the step and the loss or parameter.
struct TrainingDiverged : UserError {
  using UserError::UserError;
};

class Trainer {
 public:
  struct Hooks {
    // A new metrics row (columns are fixed before the first row).
    std::function<void(const MetricsTable& table)> on_row;
    // Save the current state: `best` when the primary evaluation metric improved; `final` when the run ends
    // with this step (its length reached, early stop or a stop request), so a checkpoint written then may
    // carry what is too costly to record at every save (the attention maps).
    std::function<void(const TrainingProgress& progress, bool best, bool final)> on_checkpoint;
    // Asked after every step: true ends the run early (a signal, say). Under several ranks rank 0's answer
    // counts for all of them.
    std::function<bool()> stop_requested;
  };

  Trainer(Learner& learner, Optimizer& optimizer, const Schedule& schedule, TrainerOptions options,
          ProgressReporter& progress, Hooks hooks);

  // Trains from progress.step to options.steps, or until early stopping ends it; returns true then. When
  // hooks.stop_requested says so, it stops after the current step instead, requests a `last` checkpoint of it
  // and returns false (resuming that checkpoint gives the parameters an uninterrupted run would have). Throws
  // TrainingDiverged on NaN/Inf (state is left as it was before the bad step's update, and no checkpoint of
  // it is requested; the message names the step and the first parameter with a non-finite gradient). Under
  // several MPI ranks (distributed::world()) it trains data-parallel: parameters copied from rank 0, each
  // rank computing its shard of every batch, gradients summed over ranks, the same update on every rank; rank
  // 0 evaluates.
  // Throws std::logic_error naming options.model_name when the learner returns metrics under other names
  // than it declares, or a step's loss lacks the REINFORCE term of a hard module that made choices. The
  // learner's messages go through the progress reporter while it runs.
  bool run(TrainingProgress& progress, Rng& rng);

  // Before resuming: a run that stopped between two reports (its length, Ctrl-C) wrote a last row of the
  // steps since the previous one. That row is taken back out of progress.history and its sums go to
  // progress.pending, so the resumed run's next row covers the same steps as an uninterrupted run's.
  void reopen_partial_report(TrainingProgress& progress) const;

  // The metrics columns of this learner: step, epoch, examples, lr, train metrics, grad_norm, steps_per_s,
  // then the evaluation metrics prefixed with the split.
  std::vector<std::string> columns() const;

 private:
  void evaluate(TrainingProgress& progress, std::vector<double>& row, bool& improved);
  // Index among the learner's evaluation metrics of the one that decides the best checkpoint.
  size_t best_metric_index() const;
  // Evaluations since the best one, counted from the history (so a resumed run counts on).
  int64_t evaluations_since_best(const TrainingProgress& progress) const;
  // Gives the learner this rank's shard and copies rank 0's parameters to every rank.
  void shard_batches(distributed::Communicator& comm);
  bool stop_requested(distributed::Communicator& comm) const;
  // Throws std::logic_error naming the module when the step's loss left a loss term owed (a hard module's
  // REINFORCE term; see Tape::owe_loss_term).
  void check_no_owed_terms(const Tape& tape, int64_t step) const;

  Learner& learner_;
  Optimizer& optimizer_;
  const Schedule& schedule_;
  TrainerOptions options_;
  ProgressReporter& progress_;
  Hooks hooks_;
};

}  // namespace mann
