#pragma once
// Plumbing shared by the addressing modules: shape checks that name the module, masks, one-hot weightings.
#include <string>
#include <vector>

#include "framework/addressing/addressing_module.h"

namespace mann::addressing_detail {

// Checks memory (B*N x M), query (B x Q), mask (B x N) and, if valid, previous (B x N) against shape;
// returns N. Throws ShapeError naming `who` (the module's scope path).
Index check_inputs(const std::string& who, const AddressingShape& shape, Var memory, const Matrix* mask,
                   Var query, Var previous);

// The mask, or all ones when mask is null.
Matrix mask_or_ones(const Matrix* mask, Index batch, Index slots);

// Index of the largest value of each row among usable slots; -1 for a row with no usable slot.
std::vector<int> masked_argmax(const Matrix& values, const Matrix* mask);

// (B x N) rows with a 1 at choice[b] (no 1 where choice[b] == -1).
Matrix one_hot_rows(const std::vector<int>& choice, Index slots);

// Throws std::logic_error naming `who` when ctx asks for a linear form (a module without one).
void refuse_linear_form(const std::string& who, const AddressingContext& ctx);

// Records weights under name when the context has a recorder and name is not empty.
void maybe_record(AddressingContext& ctx, const std::string& name, Var weights);

}  // namespace mann::addressing_detail
