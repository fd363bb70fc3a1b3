#pragma once
// NaN/Inf detection, so that a training loop can skip a poisoned step instead of corrupting the weights.
#include <string>
#include <vector>

#include "framework/autodiff/parameter.h"

namespace mann {

// True if every gradient entry is finite. Otherwise false, and *offending_name (if given) receives the
// name of the first parameter (in the given order) with a NaN or Inf gradient.
bool all_finite(const std::vector<Parameter*>& params, std::string* offending_name = nullptr);

// The same check on parameter values (e.g. after loading a checkpoint).
bool all_values_finite(const std::vector<Parameter*>& params, std::string* offending_name = nullptr);

}  // namespace mann
