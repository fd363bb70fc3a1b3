#pragma once
// Axis ticks at round numbers and their labels.
#include <string>
#include <vector>

namespace mann::plot {

// A step of 1, 2 or 5 times a power of ten giving roughly `target` intervals over `range` (> 0).
double nice_step(double range, int target);

// The multiples of nice_step(hi - lo, target) inside [lo, hi] (ends included, with a little tolerance).
// lo == hi gives that single value.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

// Ticks for a logarithmic axis over [lo, hi], 0 < lo <= hi: powers of ten (thinned when there are many);
// 2x and 5x multiples added when fewer than
// three powers of ten fall inside; linear nice ticks as a last resort.
std::vector<double> log_ticks(double lo, double hi);

// A tick label with just the decimals `step` needs ("0.25", "100", "-3"); exponent form ("1e-5", "2.5e6")
// for very large or very small values. No "-0".
std::string format_tick(double value, double step);

// A compact label for a value without a known step (at most 3 significant digits).
std::string format_number(double value);

}  // namespace mann::plot
