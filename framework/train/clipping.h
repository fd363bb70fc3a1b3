#pragma once
// Gradient clipping, applied between backward() and Optimizer::step().
#include <vector>

#include "framework/autodiff/parameter.h"

namespace mann {

// Clamps every gradient entry to [-clip, clip] (Graves 2013 clips LSTM gradients this way).
void clip_grad_value(const std::vector<Parameter*>& params, float clip);

// Rescales all gradients together so that their global L2 norm is at most max_norm (Pascanu et al. 2013).
// Returns the norm before clipping. A non-finite norm leaves the gradients untouched (check all_finite).
double clip_grad_norm(const std::vector<Parameter*>& params, double max_norm);

// The global L2 norm of all gradients, accumulated in double.
double grad_norm(const std::vector<Parameter*>& params);

}  // namespace mann
