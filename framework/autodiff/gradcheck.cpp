#include "framework/autodiff/gradcheck.h"

#include <cmath>
#include <sstream>

#include "framework/util/rng.h"

namespace mann {
namespace {

// sum(R .* out) in double, the scalar whose gradient both sides compute.
double projected(const Matrix& out, const Matrix& R) {
  return (out.cast<double>().array() * R.cast<double>().array()).sum();
}

// Compares analytic and numeric gradients of one tensor; errors are scaled by the tensor's largest gradient
// so tiny entries cannot hide a wrong factor and huge ones cannot drown float noise.
void compare(const Matrix& analytic, const Matrix& numeric, const std::string& label, double tolerance,
             GradCheckResult& result) {
  const double scale = std::max({1e-3, static_cast<double>(analytic.cwiseAbs().maxCoeff()),
                                 static_cast<double>(numeric.cwiseAbs().maxCoeff())});
  for (Index r = 0; r < analytic.rows(); ++r)
    for (Index c = 0; c < analytic.cols(); ++c) {
      const double error = std::abs(analytic(r, c) - numeric(r, c)) / scale;
      if (!std::isfinite(error) || error > result.max_error) {
        result.max_error = std::isfinite(error) ? error : INFINITY;
        std::ostringstream s;
        s << label << " (" << r << "," << c << "): analytic " << analytic(r, c) << " numeric "
          << numeric(r, c) << " (scaled error " << error << ")";
        result.worst = s.str();
      }
    }
  result.ok = result.max_error <= tolerance;
}

Matrix projection_for(const Matrix& out, uint64_t seed) {
  Rng rng(seed);
  return rng.uniform_matrix(out.rows(), out.cols(), -1.f, 1.f);
}

}  // namespace

GradCheckResult gradient_check(const std::function<Var(Tape&, const std::vector<Var>&)>& f,
                               const std::vector<Matrix>& inputs, const GradCheckOptions& options) {
  std::vector<Parameter> params;
  params.reserve(inputs.size());
  for (size_t k = 0; k < inputs.size(); ++k) params.emplace_back("input " + std::to_string(k), inputs[k]);
  std::vector<Parameter*> pointers;
  for (Parameter& p : params) pointers.push_back(&p);
  return gradient_check_params(
      [&](Tape& tape) {
        std::vector<Var> leaves;
        for (Parameter& p : params) leaves.push_back(tape.param(p));
        return f(tape, leaves);
      },
      pointers, options);
}

GradCheckResult gradient_check_params(const std::function<Var(Tape&)>& f,
                                      const std::vector<Parameter*>& params,
                                      const GradCheckOptions& options) {
  GradCheckResult result;
  Tape tape;
  for (Parameter* p : params) p->zero_grad();
  Var out = f(tape);
  const Matrix R = projection_for(out.value(), options.seed);
  tape.backward(out, R);

  auto evaluate = [&]() {
    Tape t;
    t.set_grad_enabled(false);
    return projected(f(t).value(), R);
  };
  for (Parameter* p : params) {
    Matrix numeric(p->value.rows(), p->value.cols());
    for (Index i = 0; i < p->value.size(); ++i) {
      float& x = p->value.data()[i];
      const float original = x;
      x = original + options.step;
      const double plus = evaluate();
      x = original - options.step;
      const double minus = evaluate();
      x = original;
      numeric.data()[i] = static_cast<float>((plus - minus) / (2.0 * options.step));
    }
    compare(p->grad, numeric, p->name, options.tolerance, result);
    if (!result.ok) break;
  }
  return result;
}

}  // namespace mann
