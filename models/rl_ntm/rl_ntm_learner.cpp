#include "models/rl_ntm/rl_ntm_learner.h"

#include "framework/autodiff/errors.h"
#include "framework/train/clipping.h"

namespace mann {
namespace {

// The model's options with what the task demands (forward_reverse's forward-only input head).
RlNtmOptions for_task(RlNtmOptions options, const SymbolTapeTask& task) {
  if (task.forward_only_input()) options.forward_only_input = true;
  return options;
}

}  // namespace

RlNtmLearner::RlNtmLearner(std::unique_ptr<SymbolTapeTask> task, std::unique_ptr<ParameterCollection> params,
                           const RlNtmOptions& model, const RlNtmLearnerOptions& options, Rng& init)
    : task_(std::move(task)),
      params_(std::move(params)),
      options_(options),
      model_(params_->scope("model"), task_->output_width(), for_task(model, *task_), init),
      curriculum_(params_->scope("curriculum"), task_->train_lengths(), options.curriculum),
      objective_({"loss", "error_rate", "complexity"}, true, options.entropy_weight),
      views_(*task_, model_, options.eval_seed) {}

Var RlNtmLearner::training_step(Tape& tape, int64_t step, Rng& rng, Metrics& metrics) {
  last_draw_ = curriculum_.draw(options_.batch, rng);
  const SymbolTapes tapes = task_->sample_tapes(last_draw_.lengths, rng);
  PolicyLog policy;
  AddressingContext ctx{true, &rng, step, nullptr, &policy};
  const RlNtmEpisode episode = model_.run(tape, tapes, ctx);
  RlNtmModel::credit_rewards(episode, policy);
  last_errors_ = episode.errors;
  last_target_lengths_ = episode.target_lengths;
  last_step_ = step;
  Metrics task{{"loss", episode.symbol_loss.item()},
               {"error_rate", episode.error_rate()},
               {"complexity", curriculum_.complexity()}};
  return objective_.loss(
      tape, episode.symbol_loss, std::move(task), policy, [&] { return episode.total_reward; }, metrics);
}

void RlNtmLearner::clip_own_gradients() {
  if (options_.baseline_clip > 0) clip_grad_norm(model_.baseline_parameters(), options_.baseline_clip);
}

void RlNtmLearner::after_step() {
  curriculum_.observe(last_draw_, last_errors_, last_target_lengths_, last_step_);
}

Metrics RlNtmLearner::evaluate(const std::string& split, Rng& rng) {
  Tape tape;
  tape.set_grad_enabled(false);
  AddressingContext ctx{false, &rng, 0, nullptr, nullptr};
  double errors = 0, right = 0, loss = 0;
  for (int i = 0; i < options_.eval_batches; ++i) {
    tape.clear();
    // The train split draws the curriculum's lengths; valid and test the evaluation lengths.
    const std::vector<int> lengths =
        split == "train" ? curriculum_.draw_lengths(options_.eval_batch, rng)
                         : sequence_detail::draw_lengths(options_.eval_batch, rng, task_->eval_lengths());
    const RlNtmEpisode episode = model_.run(tape, task_->sample_tapes(lengths, rng), ctx);
    errors += episode.error_rate();
    right += episode.all_right();
    loss += episode.symbol_loss.item();
  }
  const double n = options_.eval_batches;
  return {{"error_rate", errors / n}, {"seq_accuracy", right / n}, {"symbol_loss", loss / n}};
}

}  // namespace mann
