#pragma once
// Trains an encoder-decoder on a generated seq2seq task: teacher forcing with token cross-entropy in
// training; at evaluation, sentences decoded greedily or by beam search and scored by exact match (the
// primary metric is its complement, the error) and token accuracy (position by position against the
// target, <eos> included). Hard attention's choices are trained by REINFORCE with each sentence's
// teacher-forced token accuracy as the reward.
#include <memory>

#include "datasets/seq2seq/seq2seq_task.h"
#include "framework/train/learner.h"
#include "models/seq2seq/attention_decoder.h"
#include "models/seq2seq/rnn_encoder.h"
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
  std::vector<std::string> train_metric_names() const override;
  std::vector<std::string> eval_metric_names() const override {
    return {"error", "exact_match", "token_accuracy", "loss"};
  }
  int64_t examples_per_step() const override { return options_.batch; }
  std::map<std::string, std::string> checkpoint_extras() const override;
  // One example drawn through rng from the evaluation lengths: "source", "target", "predicted" (token ids,
  // 1 x length) and, with attention, "alignment" (output tokens x source tokens).
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  AttentionView attention_view(const std::string& split, int64_t index) override;

  // Decodes a batch without gradients: greedily (beam_size 1) or by beam search; evaluation uses
  // eval.beam_size.
  std::vector<Decoded> decode(const Seq2SeqBatch& batch, AddressingContext& ctx, int beam_size);
  Seq2SeqTask& task() { return *task_; }

 private:
  struct TeacherForced {
    Var loss;               // mean token cross-entropy
    Matrix token_accuracy;  // (B x 1) per sentence: share of target tokens predicted right
  };
  TeacherForced teacher_forced(Tape& tape, const Seq2SeqBatch& batch, AddressingContext& ctx) const;
  const LengthRange& lengths(const std::string& split) const;
  // Whether the decoder's attention makes hard choices, so the objective adds REINFORCE.
  bool needs_reinforce() const { return decoder_->attention() && decoder_->attention()->needs_reinforce(); }

  std::unique_ptr<Seq2SeqTask> task_;
  Seq2SeqOptions options_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<RnnEncoder> encoder_;
  std::unique_ptr<AttentionDecoder> decoder_;
  Tape eval_tape_, decode_tape_;  // reused across evaluations
};

}  // namespace mann
