#pragma once
// Binary cross-entropy of logits z against targets t in the form that neither overflows nor loses
// precision for large |z|:
//
//   bce(z, t) = max(z, 0) - z t + log(1 + e^-|z|)
//
// One definition for the loss op (bce_with_logits) and for code that needs the values themselves (per
// example, e.g. as REINFORCE rewards), so the two can never drift apart.
namespace mann {

// The elementwise terms as an Eigen array expression: sum it, or take rows of it. z and t are Eigen arrays
// of the same shape (e.g. m.array(), m.row(r).array()).
template <class Logits, class Targets>
auto stable_bce_terms(const Logits& z, const Targets& t) {
  return z.max(0.f) - z * t + (-z.abs()).exp().log1p();
}

}  // namespace mann
