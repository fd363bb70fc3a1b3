#include "framework/addressing/projection.h"

namespace mann {

Projection::Projection(const ParamScope& scope, Index in, Index out, Rng& rng, const Init& weight_init,
                       const Init& bias_init)
    : W_(&scope.add("W", in, out, weight_init, rng)), b_(&scope.add("b", 1, out, bias_init, rng)) {}

}  // namespace mann
