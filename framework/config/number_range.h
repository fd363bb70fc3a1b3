#pragma once
// The values a numeric option may take, declared in its spec so that validation refuses the rest at the
// value's file:line before any factory runs. A ranged value must also be finite: NaN compares false with
// every bound, so `lr: .nan` would otherwise pass a `lr <= 0` check.
#include <string>

namespace mann {

struct NumberRange {
  double min = 0;
  double max = 0;
  bool has_min = false, has_max = false;
  bool min_exclusive = false, max_exclusive = false;

  bool contains(double value) const;
  // "> 0", ">= 0", "in [0, 1]", "in [0, 1)": what the error message says the value must be.
  std::string describe() const;
};

NumberRange at_least(double min);  // [min, inf)
NumberRange above(double min);     // (min, inf)
NumberRange between(double min, double max);
NumberRange from_up_to_excluding(double min, double max);  // [min, max)

}  // namespace mann
