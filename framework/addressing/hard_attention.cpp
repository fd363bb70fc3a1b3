#include "framework/addressing/hard_attention.h"

#include <stdexcept>

#include "framework/addressing/addressing_support.h"
#include "framework/addressing/categorical_choice.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"

namespace mann {

using namespace addressing_detail;

HardAttention::HardAttention(const ParamScope& scope, AddressingShape shape, Rng& rng,
                             const HardOptions& options)
    : AddressingModule(scope), options_(options), scorer_(scope, shape, rng, options.scorer) {
  if (options.samples < 1)
    throw UserError(name() + ": hard attention needs samples >= 1, got " + std::to_string(options.samples));
  baseline_ = make_baseline(options.baseline, scope.sub("baseline"), shape.query_width, rng,
                            options.ema_decay, options.learned);
}

Var HardAttention::address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous,
                           AddressingContext& ctx, const std::string& record_name) {
  refuse_linear_form(name(), ctx);
  const Index slots = check_inputs(name(), scorer_.shape(), memory, mask, query, previous);
  const Index batch = query.rows();
  Var probs = scorer_.distribution(tape, memory, mask, query);
  const Matrix& p = probs.value();
  // Rows without a usable slot are all zero: never sample from them.
  std::vector<bool> has_slot(static_cast<size_t>(batch));
  for (Index b = 0; b < batch; ++b) has_slot[static_cast<size_t>(b)] = p.row(b).sum() > 0.f;

  Matrix counts = Matrix::Zero(batch, slots);
  if (!ctx.training) {
    const std::vector<int> best = masked_argmax(p, mask);
    for (Index b = 0; b < batch; ++b)
      if (has_slot[static_cast<size_t>(b)]) counts(b, best[static_cast<size_t>(b)]) = 1.f;
    Var w = tape.constant(std::move(counts));
    maybe_record(ctx, record_name, w);
    return w;
  }

  if (!ctx.rng) throw std::logic_error(name() + ": hard attention needs ctx.rng when training");
  const std::vector<bool>* expected = ctx.expected_rows;
  if (expected && static_cast<Index>(expected->size()) != batch)
    throw std::logic_error(name() + ": " + std::to_string(expected->size()) +
                           " expected_rows flags for a batch of " + std::to_string(batch));
  for (int k = 0; k < options_.samples; ++k) {
    const std::vector<int> draw = sample_categorical(p, *ctx.rng);
    for (Index b = 0; b < batch; ++b)
      if (has_slot[static_cast<size_t>(b)] && !(expected && (*expected)[static_cast<size_t>(b)]))
        counts(b, draw[static_cast<size_t>(b)]) += 1.f;
  }
  const float k = static_cast<float>(options_.samples);
  // The choice gets no gradient but REINFORCE's: the loss owes that term until reinforce_surrogate() adds
  // it (from ctx.policy, so without a policy log the term can never be added, and the trainer says so).
  const std::string module = record_name.empty() ? name() : name() + ":" + record_name;
  tape.owe_loss_term(module);
  if (ctx.policy) {
    // sum_k log p(a_k) = sum_j count_j log p_j; masked slots have count 0.
    PolicyLog::Entry entry = categorical_choice_entry(probs, counts, options_.log_prob_eps);
    entry.module = module;
    entry.baseline = baseline_.get();
    if (baseline_) entry.baseline_value = baseline_->value(tape, query);
    ctx.policy->entries.push_back(std::move(entry));
  }
  Var w = tape.constant(counts / k);
  if (expected) {  // those rows read p itself, differentiably, and log no choice (their counts are zero)
    Matrix keep(batch, 1);
    for (Index b = 0; b < batch; ++b) keep(b, 0) = (*expected)[static_cast<size_t>(b)] ? 1.f : 0.f;
    w = add(w, mul(probs, tape.constant(std::move(keep))));
  }
  maybe_record(ctx, record_name, w);
  return w;
}

}  // namespace mann
