#include "framework/config/duration.h"

#include <sstream>

namespace mann {

Duration parse_duration(const ConfigNode& value) {
  if (value.is_scalar()) {
    std::istringstream in(value.as<std::string>());
    Duration d;
    std::string unit, rest;
    if (in >> d.count && !(in >> unit >> rest) && d.count >= 0) {
      if (unit.empty() || unit == "steps" || unit == "step") return d;
      if (unit == "epochs" || unit == "epoch") {
        d.epochs = true;
        return d;
      }
    }
  }
  value.fail("expected a number of steps (`2900` or `2900 steps`) or of epochs (`100 epochs`), got " +
             value.describe());
}

}  // namespace mann
