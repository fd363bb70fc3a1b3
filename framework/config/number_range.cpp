#include "framework/config/number_range.h"

#include <cmath>
#include <sstream>

namespace mann {

bool NumberRange::contains(double value) const {
  if (!std::isfinite(value)) return false;
  if (has_min && (min_exclusive ? value <= min : value < min)) return false;
  if (has_max && (max_exclusive ? value >= max : value > max)) return false;
  return true;
}

std::string NumberRange::describe() const {
  std::ostringstream out;
  if (has_min && has_max)
    out << "in " << (min_exclusive ? "(" : "[") << min << ", " << max << (max_exclusive ? ")" : "]");
  else if (has_min)
    out << (min_exclusive ? "> " : ">= ") << min;
  else if (has_max)
    out << (max_exclusive ? "< " : "<= ") << max;
  else
    out << "a finite number";
  return out.str();
}

NumberRange at_least(double min) {
  NumberRange r;
  r.min = min;
  r.has_min = true;
  return r;
}

NumberRange above(double min) {
  NumberRange r = at_least(min);
  r.min_exclusive = true;
  return r;
}

NumberRange between(double min, double max) {
  NumberRange r = at_least(min);
  r.max = max;
  r.has_max = true;
  return r;
}

NumberRange from_up_to_excluding(double min, double max) {
  NumberRange r = between(min, max);
  r.max_exclusive = true;
  return r;
}

}  // namespace mann
