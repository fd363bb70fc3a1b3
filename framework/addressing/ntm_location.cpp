#include "framework/addressing/ntm_location.h"

#include "framework/addressing/addressing_support.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

using namespace addressing_detail;

namespace {

int checked_shift_range(const std::string& who, int r, Index slots) {
  if (r < 0) throw ShapeError(who + ": ntm_location shift_range must be >= 0, got " + std::to_string(r));
  // Offsets -r..r must be distinct modulo N, or circular_conv would count a slot twice.
  if (slots > 0 && 2 * r + 1 > slots)
    throw ShapeError(who + ": ntm_location shift_range " + std::to_string(r) + " needs at least " +
                     std::to_string(2 * r + 1) + " slots, have " + std::to_string(slots));
  return r;
}

}  // namespace

NTMLocationAddressing::NTMLocationAddressing(const ParamScope& scope, AddressingShape shape, Rng& rng,
                                             const NTMLocationOptions& options)
    : AddressingModule(scope),
      shape_(shape),
      options_(options),
      key_(scope.sub("key"), shape.query_width, shape.memory_width, rng),
      beta_(scope.sub("beta"), shape.query_width, 1, rng,
            {.bias_init = Init::constant(options.key_strength_bias)}),
      gate_(scope.sub("gate"), shape.query_width, 1, rng, {.bias_init = Init::constant(options.gate_bias)}),
      shift_(scope.sub("shift"), shape.query_width,
             2 * checked_shift_range(scope.name(), options.shift_range, shape.slots) + 1, rng),
      gamma_(scope.sub("gamma"), shape.query_width, 1, rng) {}

Matrix NTMLocationAddressing::initial_weighting(Index batch, Index slots, const Matrix* mask) {
  Matrix w = Matrix::Zero(batch, slots);
  for (Index b = 0; b < batch; ++b)
    for (Index j = 0; j < slots; ++j)
      if (!mask || (*mask)(b, j) != 0.f) {
        w(b, j) = 1.f;
        break;
      }
  return w;
}

Var NTMLocationAddressing::address_with(Var memory, const Matrix* mask, Var key, Var beta, Var gate,
                                        Var shift, Var gamma, Var previous,
                                        const NTMLocationOptions& options) {
  Tape& tape = *memory.tape;
  const Index batch = key.rows(), slots = memory.rows() / batch;
  const Matrix usable = mask_or_ones(mask, batch, slots);
  Var content = masked_softmax_rows(mul(memory_cosine(memory, key, options.cosine_eps), beta), usable);
  Var prev = previous.valid() ? previous : tape.constant(initial_weighting(batch, slots, mask));
  Var gated = add(mul(gate, content), mul(rsub_scalar(1.f, gate), prev));
  Var shifted = circular_conv(gated, shift);
  return masked_softmax_rows(mul(log(shifted, options.sharpen_eps), gamma), usable);
}

Var NTMLocationAddressing::address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous,
                                   AddressingContext& ctx, const std::string& record_name) {
  refuse_linear_form(name(), ctx);
  const Index slots = check_inputs(name(), shape_, memory, mask, query, previous);
  checked_shift_range(name(), options_.shift_range, slots);
  Var w = address_with(memory, mask, key_(tape, query), softplus(beta_(tape, query)),
                       sigmoid(gate_(tape, query)), softmax_rows(shift_(tape, query)),
                       softplus(gamma_(tape, query)) + 1.f, previous, options_);
  maybe_record(ctx, record_name, w);
  return w;
}

}  // namespace mann
