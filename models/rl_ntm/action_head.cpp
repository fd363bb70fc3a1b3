#include "models/rl_ntm/action_head.h"

#include <stdexcept>

#include "framework/addressing/categorical_choice.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/sampling.h"

namespace mann {

ActionHead::ActionHead(const ParamScope& scope, Index features, int actions, float logit_scale, Rng& rng)
    : Module(scope), logits_(scope, features, actions, rng), logit_scale_(logit_scale) {}

std::vector<int> ActionHead::choose(Tape& tape, Var state, const std::vector<bool>& active,
                                    AddressingContext& ctx, float log_prob_eps, int& logged_entry,
                                    const std::vector<int>& forced) const {
  logged_entry = -1;
  Var probs = softmax_rows(scale(logits_(tape, state), logit_scale_));
  std::vector<int> choice;
  if (ctx.training) {
    if (!ctx.rng) throw std::logic_error(name() + ": sampling actions needs ctx.rng when training");
    choice = sample_categorical(probs.value(), *ctx.rng);
  } else {
    choice = argmax_rows(probs.value());
  }
  // What the policy chose (-1: no choice, the row logs nothing), then what is done.
  std::vector<int> chosen = choice;
  for (size_t b = 0; b < active.size(); ++b) {
    if (!active[b]) {
      choice[b] = chosen[b] = -1;
    } else if (!forced.empty() && forced[b] >= 0) {
      choice[b] = forced[b];
      chosen[b] = -1;
    }
  }
  if (!ctx.training) return choice;
  tape.owe_loss_term(name());  // settled when the objective adds the REINFORCE term of ctx.policy
  if (ctx.policy) {
    PolicyLog::Entry entry = categorical_choice_entry(probs, one_hot_rows(chosen, actions()), log_prob_eps);
    entry.module = name();
    logged_entry = static_cast<int>(ctx.policy->entries.size());
    ctx.policy->entries.push_back(std::move(entry));
  }
  return choice;
}

}  // namespace mann
