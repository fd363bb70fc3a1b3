#pragma once
// Gradient checking against central finite differences.
//
// The checked quantity is L = sum(R .* f(x)) for a fixed random R, so every output entry takes part and a
// wrong backward anywhere (a missing factor, a transposed matrix, a dropped broadcast term) shows up.
// Float math limits the achievable agreement; with step h = 1e-2 on O(1) values the numeric estimate is good
// to ~1e-3 relative, while the errors we look for are O(1) relative.
#include <functional>
#include <string>
#include <vector>

#include "framework/autodiff/tape.h"

namespace mann {

struct GradCheckOptions {
  float step = 1e-2f;       // central-difference step
  double tolerance = 1e-2;  // on the error scaled by the largest gradient entry of that tensor
  uint64_t seed = 1234;     // for the projection R
};

struct GradCheckResult {
  bool ok = true;
  double max_error = 0;  // worst scaled error over all checked entries
  std::string worst;     // "input 1 (3,2): analytic 0.12 numeric 0.24"
  std::string describe() const { return worst; }
};

// Checks the gradients of f with respect to each input matrix (each becomes a variable leaf).
GradCheckResult gradient_check(const std::function<Var(Tape&, const std::vector<Var>&)>& f,
                               const std::vector<Matrix>& inputs, const GradCheckOptions& options = {});

// Checks the gradients of f with respect to parameters that f reads through tape.param(...).
GradCheckResult gradient_check_params(const std::function<Var(Tape&)>& f,
                                      const std::vector<Parameter*>& params,
                                      const GradCheckOptions& options = {});

}  // namespace mann
