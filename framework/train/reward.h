#pragma once
// Rewards for hard attention trained by REINFORCE on classification outputs (an answer word, a value).
// The 0/1 correctness reward is the sparse signal of RL-NTM-style training; the log-likelihood of the
// right class is a dense shaping of it that still scores the sampled choice by the final answer only.
#include <string>
#include <vector>

#include "framework/autodiff/matrix.h"
#include "framework/util/enum_names.h"

namespace mann {

enum class RewardKind {
  kCorrect,        // 1 if the argmax is the target, else 0
  kLogLikelihood,  // log p(target): dense, <= 0
  kLikelihood,     // p(target): dense, in [0, 1], bounded like kCorrect
};

template <>
struct EnumNames<RewardKind> {
  static constexpr std::string_view noun = "reward";
  static constexpr auto entries =
      std::to_array<EnumEntry<RewardKind>>({{RewardKind::kCorrect, "correct"},
                                            {RewardKind::kLikelihood, "likelihood"},
                                            {RewardKind::kLogLikelihood, "log_likelihood"}});
};

// Per-example rewards (B x 1) for logits (B x C) and targets (B class ids).
Matrix classification_rewards(RewardKind kind, const Matrix& logits, const std::vector<int>& targets);

}  // namespace mann
