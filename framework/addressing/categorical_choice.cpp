#include "framework/addressing/categorical_choice.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

PolicyLog::Entry categorical_choice_entry(Var probs, const Matrix& counts, float log_prob_eps) {
  const Matrix& p = probs.value();
  if (counts.rows() != p.rows() || counts.cols() != p.cols())
    throw ShapeError("categorical_choice_entry: counts " + shape_string(counts) + " do not match probs " +
                     shape_string(p));
  Tape& tape = *probs.tape;
  const Matrix draws = counts.rowwise().sum();
  const Matrix chose = (draws.array() > 0.f).cast<float>().matrix();
  Var log_p = log(probs, log_prob_eps);
  PolicyLog::Entry entry;
  entry.log_prob = row_sums(mul(tape.constant(counts), log_p));
  entry.entropy = mul(-row_sums(mul(probs, log_p)), tape.constant(chose));
  // d log p(choice) / d logits for p = softmax(logits).
  entry.logit_score = counts - (p.array().colwise() * draws.col(0).array()).matrix();
  return entry;
}

Matrix one_hot_rows(const std::vector<int>& choices, Index options) {
  Matrix counts = Matrix::Zero(static_cast<Index>(choices.size()), options);
  for (size_t b = 0; b < choices.size(); ++b)
    if (choices[b] >= 0) counts(static_cast<Index>(b), choices[b]) = 1.f;
  return counts;
}

}  // namespace mann
