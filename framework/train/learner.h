#pragma once
// What the trainer drives: a model bound to its data and its objective. The trainer knows nothing of
// batches, losses or metrics beyond this interface, so sequence tasks, QA and anything later share one
// training loop. A learner has three parts, each in its own place:
//   data       the splits, batches, epochs and shards (datasets/, plus the learner's batch drawing);
//   model      the forward pass (models/<family>/<family>_model), built from framework/nn modules;
//   objective  the loss, the REINFORCE term of every hard module the forward pass used and the named
//              training metrics (framework/train/objective.h), so the term cannot be forgotten.
// Drawing attention is not the learner's business: views() hands out the model's AttentionViews
// (framework/views), which `mann attention` and the final checkpoint use.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "framework/autodiff/tape.h"
#include "framework/distributed/data_shard.h"
#include "framework/nn/parameter_collection.h"
#include "framework/views/attention_view.h"
#include "framework/util/rng.h"

namespace mann {

class AttentionViews;

// Named values in a fixed order (the order of the metrics.csv columns).
using Metrics = std::vector<std::pair<std::string, double>>;

// How a learner's training data is consumed.
struct DataPlan {
  int64_t examples_per_step = 0;  // examples in one training step's (global) batch
  int64_t steps_per_epoch = 0;    // 0: the data is generated and has no epochs
  // Data-parallel training (`mpirun -np N mann train`): a learner that supports shards draws the same
  // global batch from the same stream on every rank, computes only its shard's examples (shard()), and
  // scales its loss by shard().share(batch), so the gradients summed over ranks are the single-process
  // gradient. The others refuse to run on more than one rank.
  bool supports_shards = false;
};

class Learner {
 public:
  virtual ~Learner() = default;

  // Every parameter and buffer of the model (what checkpoints save and optimizers update).
  virtual ParameterCollection& parameters() = 0;

  // Builds the forward pass of one training step on `tape` (a fresh one) with its batch drawn through
  // `rng` or from the step number, and returns the 1x1 loss to differentiate. `metrics` receives the
  // step's training metrics, named as in train_metric_names().
  virtual Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) = 0;
  // Called after backward, before the trainer's clipping (clip_value, clip_norm): a learner whose parts
  // have gradient limits of their own clips them here (the RL-NTM's baseline, as in its paper).
  virtual void clip_own_gradients() {}
  // Called after the optimizer update (e.g. to move a REINFORCE baseline).
  virtual void after_step() {}

  // Evaluates on a split ("valid", "test", ...). The first metric is the primary one: lower is better.
  virtual Metrics evaluate(const std::string& split, Rng& rng) = 0;

  // The names of training_step()'s metrics and of evaluate()'s, in order (the trainer checks them).
  virtual std::vector<std::string> train_metric_names() const = 0;
  virtual std::vector<std::string> eval_metric_names() const = 0;
  // Batch size, epochs and shards of the training data.
  virtual DataPlan data_plan() const = 0;
  // Where the learning-rate schedule's counter (epochs, or steps without epochs) starts from: the trainer
  // asks the schedule for lr(max(0, t - schedule_origin())). A learner with training phases restarts the
  // schedule at the start of a phase (MemN2N after linear start, as in the authors' code).
  virtual int64_t schedule_origin() const { return 0; }
  // Text a checkpoint must carry to rebuild the learner's data view (e.g. a vocabulary); key -> text.
  virtual std::map<std::string, std::string> checkpoint_extras() const { return {}; }
  // The model's attention views (owned by the learner), or nullptr for models without attention.
  virtual AttentionViews* views() { return nullptr; }

  // This rank's shard of every batch, set by the trainer under several ranks (see DataPlan).
  void set_shard(distributed::DataShard shard) { shard_ = shard; }
  const distributed::DataShard& shard() const { return shard_; }

  // Receives the learner's messages (a training phase ending, say).
  using MessageSink = std::function<void(const std::string& text)>;
  // Where message() goes: the trainer points it at its progress reporter while it runs, so messages do
  // not break the live progress line; an empty sink restores the default, a line on stderr.
  void set_message_sink(MessageSink sink) { message_sink_ = std::move(sink); }

 protected:
  // Shows one line of text to whoever watches the run, through the message sink.
  void message(const std::string& text) const {
    if (message_sink_)
      message_sink_(text);
    else
      std::fprintf(stderr, "%s\n", text.c_str());
  }

  distributed::DataShard shard_;

 private:
  MessageSink message_sink_;
};

}  // namespace mann
