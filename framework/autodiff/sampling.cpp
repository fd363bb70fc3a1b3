#include "framework/autodiff/sampling.h"

#include "framework/autodiff/ops.h"

namespace mann {

std::vector<int> sample_categorical(const Matrix& probs, Rng& rng) {
  std::vector<int> out(static_cast<size_t>(probs.rows()));
  for (Index r = 0; r < probs.rows(); ++r)
    out[static_cast<size_t>(r)] = rng.categorical(&probs(r, 0), probs.cols());
  return out;
}

std::vector<int> argmax_rows(const Matrix& values) {
  std::vector<int> out(static_cast<size_t>(values.rows()));
  for (Index r = 0; r < values.rows(); ++r) {
    Index best;
    values.row(r).maxCoeff(&best);
    out[static_cast<size_t>(r)] = static_cast<int>(best);
  }
  return out;
}

Var categorical_log_prob(Var logits, const std::vector<int>& samples) {
  return pick(log_softmax_rows(logits), samples);
}

Var sampled_log_prob(Var probs, const std::vector<int>& samples, float eps) {
  return log(pick(probs, samples), eps);
}

}  // namespace mann
