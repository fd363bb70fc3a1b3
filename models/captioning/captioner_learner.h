#pragma once
// Show, Attend and Tell (Xu et al. 2015) on captioned scenes: a convolutional encoder gives a grid of
// annotation vectors, an LSTM decoder attends over them through an addressing module (one YAML line:
// soft_content additive is the paper's deterministic "soft" attention, hard its stochastic attention trained
// by REINFORCE, gumbel the relaxed alternative) and writes the caption word by word.
//
// Training: teacher forcing on the batch's teaching caption, token cross-entropy, plus for soft attention
// the doubly stochastic penalty lambda * sum_i (1 - sum_t alpha_ti)^2 (every place looked at about once
// over the caption, sec. 4.2.1), averaged over the batch. Hard attention's choices get the REINFORCE term
// with each caption's log-likelihood as the reward (the paper's variational bound; `reward: to_go` credits
// each word's choice with the log-likelihood of the words from it on instead), a moving-average baseline
// and an entropy bonus (the addressing module's options). Evaluation decodes greedily (or by beam
// search) and scores against every reference: corpus BLEU-1..4, exact match (the primary metric is its
// complement, the error) and the recall of the scene's items by class and place.
//
// The decoder is the seq2seq AttentionDecoder with the paper's additions on (AttentionDecoderOptions): the
// gating scalar beta, h_0 and c_0 from the mean annotation (one tanh layer each, where the paper has MLPs),
// and the deep output layer. Hard attention reads, for a random half of the training captions
// (expected_context), the expected context instead of a sampled one, as the paper does (sec. 4.1).
#include <memory>
#include <optional>

#include "datasets/scenes/scene_caption_data.h"
#include "framework/components/addressing_components.h"
#include "framework/train/learner.h"
#include "framework/train/objective.h"
#include "framework/train/reinforce_baseline.h"
#include "framework/util/enum_names.h"
#include "models/captioning/captioner_views.h"
#include "models/captioning/conv_encoder.h"
#include "models/seq2seq/attention_decoder.h"
#include "models/seq2seq/sequence_decoding.h"

namespace mann {

// What each hard-attention choice is rewarded with.
enum class CaptionReward {
  Caption,  // the whole caption's log-likelihood, for every word's choice (the paper's bound)
  ToGo      // the log-likelihood of the words from the choice's step on: a choice cannot change earlier words
};

template <>
struct EnumNames<CaptionReward> {
  static constexpr std::string_view noun = "caption reward";
  static constexpr auto entries = std::to_array<EnumEntry<CaptionReward>>(
      {{CaptionReward::Caption, "caption"}, {CaptionReward::ToGo, "to_go"}});
};

struct CaptionerOptions {
  ConvEncoderOptions encoder;
  RnnKind cell = RnnKind::Lstm;  // the decoder's recurrent cell
  int embed = 32;                // word embedding width
  int hidden = 128;              // decoder state width
  // The paper's decoder: gating scalar beta on the context, h_0 and c_0 from the mean annotation, the deep
  // output layer (each can be turned off to measure what it adds).
  AttentionDecoderOptions decoder{.gate_context = true, .init_cell = true, .deep_output = true};
  float attention_penalty = 1.f;  // lambda of the doubly stochastic penalty (soft attention only)
  float entropy_weight = 0.01f;   // REINFORCE entropy bonus (hard attention)
  // Hard attention: the chance per training caption of reading the expected context (the weights p) at
  // every word instead of sampled places (the paper's 0.5, sec. 4.1).
  float expected_context = 0.5f;
  CaptionReward reward = CaptionReward::Caption;  // hard attention: what each choice is rewarded with
  // With reward to_go: one moving average per word position as each choice's baseline, in place of the
  // attention module's one (whole-caption) baseline; the rewards to go shrink along the caption, so one
  // average for every position leaves the later choices a large advantage that is only noise.
  bool step_baseline = false;
  float step_baseline_decay = 0.9f;  // each average's old weight per update (the hard module's default)
  int max_words = 40;                                   // decoding stops after this many tokens without <end>
  int batch = 32;
  int eval_batch = 64;
  int eval_batches = 4;  // evaluation scores the first eval_batch * eval_batches scenes of a split
  int beam_size = 1;     // 1: greedy decoding
  uint64_t seed = 0;     // parameters
};

class CaptionerLearner : public Learner {
 public:
  // An empty `attention` factory decodes from the mean annotation alone (no attention).
  CaptionerLearner(SceneCaptionData data, const CaptionerOptions& options,
                   const AddressingModuleFactory& attention);

  ParameterCollection& parameters() override { return *params_; }
  Var training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) override;
  Metrics evaluate(const std::string& split, Rng& rng) override;
  std::vector<std::string> train_metric_names() const override { return objective_->metric_names(); }
  std::vector<std::string> eval_metric_names() const override;
  DataPlan data_plan() const override { return {.examples_per_step = options_.batch}; }
  // The caption vocabulary, one token a line.
  std::map<std::string, std::string> checkpoint_extras() const override;
  // The attention of every generated word over the annotation grid (see CaptionerViews).
  AttentionViews* views() override { return &views_; }

  /// Credits each step's choices (policy entry t: the choices of decoder step t) with the log-likelihood
  /// of the words from that step on, from (B x T) per-word log-likelihoods (CaptionReward::ToGo). Throws
  /// std::logic_error unless there is one entry a step.
  static void credit_rewards_to_go(PolicyLog& policy, const Matrix& word_log_likelihoods);
  // Captions decoded for a batch (greedy, or by beam search with beam_size > 1), with their attention.
  std::vector<Decoded> decode(const CaptionBatch& batch, AddressingContext& ctx, int beam_size);
  // The scenes and captions.
  const SceneCaptionData& data() const { return data_; }
  // The annotation grid's height and width.
  std::pair<Index, Index> grid() const {
    return {encoder_->output_shape().height, encoder_->output_shape().width};
  }
  // The beam evaluation decodes with.
  int beam_size() const { return options_.beam_size; }

 private:
  struct TeacherForced {
    Var loss;                  // mean token cross-entropy
    Var penalty;               // doubly stochastic penalty (invalid when not applied)
    Var logits;                // (T*B x V), time-major
    std::vector<int> targets;  // one per row of logits; -1 past a caption's end
    double token_accuracy = 0;
  };
  // (B x T) the log-probability of each caption's word at each step under teacher forcing, 0 past its
  // end: hard attention's rewards, computed only when REINFORCE asks for them.
  static Matrix word_log_likelihoods(const TeacherForced& tf, int batch);
  // Gives each step's policy entry the step's moving-average baseline (step_baseline).
  void use_step_baselines(Tape& tape, PolicyLog& policy) const;
  EncodedSource encode(Tape& tape, const CaptionBatch& batch) const;
  TeacherForced teacher_forced(Tape& tape, const CaptionBatch& batch, AddressingContext& ctx) const;

  SceneCaptionData data_;
  CaptionerOptions options_;
  std::unique_ptr<ParameterCollection> params_;
  std::unique_ptr<ConvEncoder> encoder_;
  std::unique_ptr<AttentionDecoder> decoder_;
  std::optional<Objective> objective_;
  CaptionerViews views_;
  Tape eval_tape_;
  // step_baseline: per word position, a moving average of the rewards to go (its state in the checkpoint)
  std::vector<std::unique_ptr<EmaBaseline>> step_baselines_;
};

}  // namespace mann
