#pragma once
// Trains an encoder-decoder on a generated seq2seq task: teacher forcing with token cross-entropy in
// training; at evaluation, sentences decoded greedily or by beam search and scored by exact match (the
// primary metric is its complement, the error) and token accuracy (position by position against the
// target, <eos> included), then whatever the task scores itself (the treebank: bracketing F1). Hard
// attention's choices are trained by REINFORCE with each sentence's teacher-forced token accuracy as the
// reward.
#include <memory>
#include <optional>

#include "datasets/seq2seq/seq2seq_task.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "models/seq2seq/attention_decoder.h"
#include "models/seq2seq/rnn_encoder.h"
#include "models/seq2seq/seq2seq_views.h"
#include "models/seq2seq/sequence_decoding.h"

namespace mann {

struct Seq2SeqOptions {
  RnnKind cell = RnnKind::Lstm;  // for encoder and decoder
  int embed = 32;                // token embedding width (source and target)
  int hidden = 64;               // units of each RNN (the bidirectional encoder's states are 2 * hidden wide)
  bool bidirectional = false;
  float entropy_weight = 0.01f;  // REINFORCE entropy bonus (hard attention)
  int batch = 32;
  int eval_batch = 64;
  int eval_batches = 4;
  int beam_size = 1;       // 1: greedy decoding
  uint64_t seed = 0;       // parameters
  uint64_t eval_seed = 0;  // the examples attention_view() draws, as for every generated dataset
};

class Seq2SeqLearner : public Learner {
 public:
  // An empty `attention` factory: no attention (the decoder sees only the encoder's summary).
  Seq2SeqLearner(std::unique_ptr<Seq2SeqTask> task, const Seq2SeqOptions& options,
                 const AddressingModuleFactory& attention);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_->metric_names(); }
  // error, exact_match, token_accuracy, loss, then the task's own (Seq2SeqTask::task_metric_names).
  std::vector<std::string> eval_metric_names() const override;
  DataPlan data_plan() const override { return {.examples_per_step = options_.batch}; }
  std::map<std::string, std::string> checkpoint_extras() const override;
  // Alignments of output over input tokens (see Seq2SeqViews).
  AttentionViews* views() override { return &views_; }

  // Decodes a batch without gradients: greedily (beam_size 1) or by beam search; evaluation uses
  // eval.beam_size.
  std::vector<Decoded> decode(const Seq2SeqBatch& batch, AddressingContext& ctx, int beam_size);
  Seq2SeqTask& task() { return *task_; }
  // The lengths a split draws: training lengths for "train", evaluation lengths for "valid" and "test";
  // UserError for any other split.
  const LengthRange& lengths(const std::string& split) const;
  // Whether the decoder attends over the encoder states.
  bool has_attention() const { return decoder_->attention() != nullptr; }
  // The beam evaluation decodes with (1: greedy).
  int beam_size() const { return options_.beam_size; }

 private:
  struct TeacherForced {
    Var loss;               // mean token cross-entropy
    Matrix token_accuracy;  // (B x 1) per sentence: share of target tokens predicted right
  };
  TeacherForced teacher_forced(Tape& tape, const Seq2SeqBatch& batch, AddressingContext& ctx) const;

  std::unique_ptr<Seq2SeqTask> task_;
  Seq2SeqOptions options_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<RnnEncoder> encoder_;
  std::unique_ptr<AttentionDecoder> decoder_;
  Tape eval_tape_, decode_tape_;        // reused across evaluations
  std::optional<Objective> objective_;  // set once the decoder exists (whether it has hard attention)
  Seq2SeqViews views_;
};

}  // namespace mann
