#include "framework/addressing/addressing_support.h"

#include <limits>
#include <stdexcept>

#include "framework/autodiff/errors.h"

namespace mann::addressing_detail {

Index check_inputs(const std::string& who, const AddressingShape& shape, Var memory, const Matrix* mask,
                   Var query, Var previous) {
  auto fail = [&](const std::string& what) { throw ShapeError(who + ": " + what); };
  const Index batch = query.rows();
  if (query.cols() != shape.query_width)
    fail("query " + shape_string(query.value()) + " should have " + std::to_string(shape.query_width) +
         " columns");
  if (memory.cols() != shape.memory_width)
    fail("memory " + shape_string(memory.value()) + " should have " + std::to_string(shape.memory_width) +
         " columns");
  if (batch == 0 || memory.rows() % batch != 0)
    fail("memory " + shape_string(memory.value()) + " does not split into " + std::to_string(batch) +
         " examples");
  const Index slots = memory.rows() / batch;
  if (shape.slots > 0 && slots != shape.slots)
    fail("memory " + shape_string(memory.value()) + " has " + std::to_string(slots) +
         " slots per example, expected " + std::to_string(shape.slots));
  if (mask && (mask->rows() != batch || mask->cols() != slots))
    fail("mask " + shape_string(*mask) + " should be " + shape_string(batch, slots));
  if (previous.valid() && (previous.rows() != batch || previous.cols() != slots))
    fail("previous weighting " + shape_string(previous.value()) + " should be " + shape_string(batch, slots));
  return slots;
}

Matrix mask_or_ones(const Matrix* mask, Index batch, Index slots) {
  return mask ? *mask : Matrix::Ones(batch, slots);
}

std::vector<int> masked_argmax(const Matrix& values, const Matrix* mask) {
  std::vector<int> out(static_cast<size_t>(values.rows()), -1);
  for (Index b = 0; b < values.rows(); ++b) {
    float best = -std::numeric_limits<float>::infinity();
    for (Index j = 0; j < values.cols(); ++j) {
      if (mask && (*mask)(b, j) == 0.f) continue;
      // >= on the first usable entry so that a row of -inf still picks a usable slot.
      if (out[static_cast<size_t>(b)] < 0 || values(b, j) > best) {
        best = values(b, j);
        out[static_cast<size_t>(b)] = static_cast<int>(j);
      }
    }
  }
  return out;
}

Matrix one_hot_rows(const std::vector<int>& choice, Index slots) {
  Matrix out = Matrix::Zero(static_cast<Index>(choice.size()), slots);
  for (size_t b = 0; b < choice.size(); ++b)
    if (choice[b] >= 0) out(static_cast<Index>(b), choice[b]) = 1.f;
  return out;
}

void refuse_linear_form(const std::string& who, const AddressingContext& ctx) {
  if (ctx.linear)
    throw std::logic_error(who + ": this addressing module has no linear form (only soft_content with dot "
                                 "scores has one)");
}

void maybe_record(AddressingContext& ctx, const std::string& name, Var weights) {
  if (ctx.recorder && !name.empty()) ctx.recorder->record(name, weights.value());
}

}  // namespace mann::addressing_detail
