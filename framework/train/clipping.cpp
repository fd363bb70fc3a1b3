#include "framework/train/clipping.h"

#include <cmath>

#include "framework/autodiff/errors.h"

namespace mann {

void clip_grad_value(const std::vector<Parameter*>& params, float clip) {
  if (!(clip > 0.f)) throw UserError("clip_grad_value: clip must be positive, got " + std::to_string(clip));
  for (Parameter* p : params) p->grad = p->grad.cwiseMax(-clip).cwiseMin(clip);
}

double grad_norm(const std::vector<Parameter*>& params) {
  double sq = 0;
  for (const Parameter* p : params) sq += p->grad.cast<double>().squaredNorm();
  return std::sqrt(sq);
}

double clip_grad_norm(const std::vector<Parameter*>& params, double max_norm) {
  if (!(max_norm > 0)) throw UserError("clip_grad_norm: max_norm must be positive");
  const double norm = grad_norm(params);
  if (std::isfinite(norm) && norm > max_norm) {
    const float factor = static_cast<float>(max_norm / norm);
    for (Parameter* p : params) p->grad *= factor;
  }
  return norm;
}

}  // namespace mann
