#include "framework/addressing/soft_content.h"

#include <cmath>

#include "framework/addressing/addressing_support.h"
#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"

namespace mann {

using namespace addressing_detail;

SoftContentAddressing::SoftContentAddressing(const ParamScope& scope, AddressingShape shape, Rng& rng,
                                             const SoftContentOptions& options)
    : AddressingModule(scope), shape_(shape), options_(options) {
  if (shape.query_width <= 0 || shape.memory_width <= 0)
    throw ShapeError(name() + ": soft_content needs positive query and memory widths, got " +
                     std::to_string(shape.query_width) + " and " + std::to_string(shape.memory_width));
  if (options.score == ContentScore::Additive) {
    const Index hidden = options.additive_hidden > 0 ? options.additive_hidden : shape.memory_width;
    additive_query_.emplace(scope.sub("W"), shape.query_width, hidden, rng);
    additive_memory_ = &scope.add("U", shape.memory_width, hidden, Init::glorot(), rng);
    additive_v_ = &scope.add("v", hidden, 1, Init::glorot(), rng);
    return;
  }
  const bool project = options.project_key.value_or(shape.query_width != shape.memory_width ||
                                                    options.score == ContentScore::Cosine);
  if (project) {
    key_.emplace(scope.sub("key"), shape.query_width, shape.memory_width, rng);
  } else if (shape.query_width != shape.memory_width) {
    throw ShapeError(name() + ": " + std::string(enum_name(options.score)) +
                     " score without key projection needs query width (" + std::to_string(shape.query_width) +
                     ") == memory width (" + std::to_string(shape.memory_width) + ")");
  }
  if (options.score == ContentScore::Cosine && options.learn_key_strength)
    beta_.emplace(scope.sub("beta"), shape.query_width, 1, rng,
                  LinearOptions{.bias_init = Init::constant(options.key_strength_bias)});
}

Var SoftContentAddressing::scores(Tape& tape, Var memory, const Matrix* mask, Var query) const {
  const Index slots = check_inputs(name(), shape_, memory, mask, query, Var{});
  const Index batch = query.rows();
  if (options_.score == ContentScore::Additive) {
    // q W + b once per example, repeated to every slot of that example so it lines up with m_i U.
    std::vector<int> owner(static_cast<size_t>(batch * slots));
    for (Index r = 0; r < batch * slots; ++r) owner[static_cast<size_t>(r)] = static_cast<int>(r / slots);
    Var per_slot_query = gather_rows((*additive_query_)(tape, query), owner);           // (B*N x H)
    Var hidden = tanh(per_slot_query + matmul(memory, tape.param(*additive_memory_)));  // (B*N x H)
    return reshape(matmul(hidden, tape.param(*additive_v_)), batch, slots);
  }
  Var key = key_ ? (*key_)(tape, query) : query;
  switch (options_.score) {
    case ContentScore::Dot:
      return memory_dot(memory, key);
    case ContentScore::ScaledDot:
      return scale(memory_dot(memory, key), 1.f / std::sqrt(static_cast<float>(shape_.memory_width)));
    case ContentScore::Cosine: {
      Var cos = memory_cosine(memory, key, options_.cosine_eps);
      if (beta_) return mul(cos, softplus((*beta_)(tape, query)));  // (B x N) * (B x 1)
      return scale(cos, options_.key_strength);
    }
    case ContentScore::Additive:
      break;
  }
  throw std::logic_error("unreachable");
}

Var SoftContentAddressing::distribution(Tape& tape, Var memory, const Matrix* mask, Var query) const {
  Var s = scores(tape, memory, mask, query);
  return mask ? masked_softmax_rows(s, *mask) : softmax_rows(s);
}

Var SoftContentAddressing::address(Tape& tape, Var memory, const Matrix* mask, Var query, Var previous,
                                   AddressingContext& ctx, const std::string& record_name) {
  check_inputs(name(), shape_, memory, mask, query, previous);
  if (ctx.linear) {
    if (!has_linear_form()) refuse_linear_form(name() + " (" + std::string(enum_name(options_.score)) + " scores)", ctx);
    Var s = scores(tape, memory, mask, query);
    return mask ? mul(s, tape.constant(*mask)) : s;  // linear start: no softmax, nothing on empty slots
  }
  Var w = distribution(tape, memory, mask, query);
  maybe_record(ctx, record_name, w);
  return w;
}

}  // namespace mann
