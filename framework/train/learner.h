#pragma once
// What the trainer drives: a model bound to its data. The trainer knows nothing of batches, losses or
// metrics beyond this interface, so sequence tasks, QA and anything later share one training loop.
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
#include "framework/train/attention_view.h"
#include "framework/util/rng.h"

namespace mann {

// Named values in a fixed order (the order of the metrics.csv columns).
using Metrics = std::vector<std::pair<std::string, double>>;

class Learner {
 public:
  virtual ~Learner() = default;

  virtual ParameterCollection& parameters() = 0;

  // Builds the forward pass of one training step on `tape` (a fresh one) with its batch drawn through
  // `rng` or from the step number, and returns the 1x1 loss to differentiate. `metrics` receives the
  // step's training metrics, named as in train_metric_names().
  virtual Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) = 0;
  // Called after the optimizer update (e.g. to move a REINFORCE baseline).
  virtual void after_step() {}

  // Evaluates on a split ("valid", "test", ...). The first metric is the primary one: lower is better.
  virtual Metrics evaluate(const std::string& split, Rng& rng) = 0;

  virtual std::vector<std::string> train_metric_names() const = 0;
  virtual std::vector<std::string> eval_metric_names() const = 0;
  // Examples per training step, and steps per epoch (0: the data is generated and has no epochs).
  virtual int64_t examples_per_step() const = 0;
  virtual int64_t steps_per_epoch() const { return 0; }
  // Where the learning-rate schedule's counter (epochs, or steps without epochs) starts from: the trainer
  // asks the schedule for lr(max(0, t - schedule_origin())). A learner with training phases restarts the
  // schedule at the start of a phase (MemN2N after linear start, as in the authors' code).
  virtual int64_t schedule_origin() const { return 0; }
  // Text a checkpoint must carry to rebuild the learner's data view (e.g. a vocabulary); key -> text.
  virtual std::map<std::string, std::string> checkpoint_extras() const { return {}; }
  // What the model attended to, for drawing and for the checkpoint's /attention group: path -> matrix,
  // e.g. "read0" (time x slots) for one example drawn through rng (NTM paper, figure 6), or
  // "example0/hop1" for fixed examples (MemN2N). The text that explains them (the examples' sentences)
  // belongs in checkpoint_extras(). Empty for learners without attention.
  virtual std::map<std::string, Matrix> attention_maps(Rng&) { return {}; }
  // The attention of example `index` of `split` ("train", "valid", "test"), recomputed with the current
  // parameters, labelled for drawing. Generated datasets draw example `index` from a seed derived from the
  // split and index, so the same call shows the same example. Learners without attention return nothing
  // (an empty view); an index out of range is a UserError.
  virtual AttentionView attention_view(const std::string& /*split*/, int64_t /*index*/) { return {}; }

  // Data-parallel training (`mpirun -np N mann train`): the trainer gives each rank its shard. A learner
  // that supports shards draws the same global batch from the same stream on every rank, computes only its
  // shard's examples, and scales its loss by shard().share(batch), so the gradients summed over ranks are
  // the single-process gradient. The others refuse to run on more than one rank.
  virtual bool supports_shards() const { return false; }
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
