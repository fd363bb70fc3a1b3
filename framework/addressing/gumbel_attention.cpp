#include "framework/addressing/gumbel_attention.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "framework/addressing/addressing_support.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

using namespace addressing_detail;

float gumbel_temperature(const GumbelOptions& options, int64_t step) {
  return std::max(options.tau_min, options.tau0 * std::exp(-options.decay_rate *
                                                           static_cast<float>(std::max<int64_t>(step, 0))));
}

Matrix gumbel_noise(Index rows, Index cols, Rng& rng) {
  Matrix g(rows, cols);
  // u in [2^-24, 1 - 2^-24]: -log(u) > 0 and finite, so g is finite.
  for (Index i = 0; i < g.size(); ++i) g.data()[i] = -std::log(-std::log(std::max(rng.uniform(), 5.96e-8f)));
  return g;
}

Var gumbel_softmax(Var logits, const Matrix* mask, const Matrix& noise, float tau, bool straight_through) {
  Tape& tape = *logits.tape;
  if (noise.rows() != logits.rows() || noise.cols() != logits.cols())
    throw ShapeError("gumbel_softmax: noise " + shape_string(noise) + " does not match logits " +
                     shape_string(logits.value()));
  if (!(tau > 0.f)) throw UserError("gumbel_softmax: temperature must be > 0, got " + std::to_string(tau));
  Var perturbed = scale(add(logits, tape.constant(noise)), 1.f / tau);
  Var soft = mask ? masked_softmax_rows(perturbed, *mask) : softmax_rows(perturbed);
  if (!straight_through) return soft;
  // soft - stop_gradient(soft) is exactly 0 forward, so the forward value is exactly the one-hot.
  Var hard = tape.constant(one_hot_rows(masked_argmax(perturbed.value(), mask), logits.cols()));
  return add(hard, sub(soft, stop_gradient(soft)));
}

GumbelAttention::GumbelAttention(const ParamScope& scope, AddressingShape shape, Rng& rng,
                                 const GumbelOptions& options)
    : AddressingModule(scope), options_(options), scorer_(scope, shape, rng, options.scorer) {
  if (!(options.tau0 > 0.f) || !(options.tau_min > 0.f))
    throw UserError(name() + ": gumbel temperatures must be > 0 (tau0 " + std::to_string(options.tau0) +
                    ", tau_min " + std::to_string(options.tau_min) + ")");
}

Var GumbelAttention::address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous,
                             AddressingContext& ctx, const std::string& record_name) {
  refuse_linear_form(name(), ctx);
  check_inputs(name(), scorer_.shape(), memory, mask, query, previous);
  Var logits = scorer_.scores(tape, memory, mask, query);
  Var w;
  if (ctx.training) {
    if (!ctx.rng) throw std::logic_error(name() + ": gumbel attention needs ctx.rng when training");
    w = gumbel_softmax(logits, mask, gumbel_noise(logits.rows(), logits.cols(), *ctx.rng),
                       gumbel_temperature(options_, ctx.step), options_.straight_through);
  } else {
    w = tape.constant(one_hot_rows(masked_argmax(logits.value(), mask), logits.cols()));
  }
  maybe_record(ctx, record_name, w);
  return w;
}

}  // namespace mann
