#include "framework/io/plot/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mann::plot {

namespace {

// "%g"-style text with its exponent tidied: "1e-05" -> "1e-5", "2.5e+06" -> "2.5e6".
std::string tidy_exponent(std::string s) {
  const std::size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  const bool negative = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.erase(0, 1);
  exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
  return mantissa + "e" + (negative ? "-" : "") + exponent;
}

std::string printf_double(const char* format, int precision, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, precision, v);
  return buf;
}

}  // namespace

double nice_step(double range, int target) {
  const double raw = range / std::max(target, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(std::isfinite(lo) && std::isfinite(hi)) || hi < lo) return {};
  if (hi == lo) return {lo};
  const double step = nice_step(hi - lo, target);
  const double tolerance = step * 1e-6;
  std::vector<double> ticks;
  // Integer multiples of step (not repeated additions), so ticks are as round as doubles allow.
  for (double k = std::ceil((lo - tolerance) / step); k * step <= hi + tolerance; k += 1) {
    ticks.push_back(k * step == 0 ? 0.0 : k * step);
  }
  return ticks;
}

std::vector<double> log_ticks(double lo, double hi) {
  if (!(lo > 0) || !(hi >= lo) || !std::isfinite(hi)) return {};
  const double tolerance = 1e-9;
  const int first = static_cast<int>(std::ceil(std::log10(lo) - tolerance));
  const int last = static_cast<int>(std::floor(std::log10(hi) + tolerance));
  std::vector<double> ticks;
  if (last - first + 1 >= 3) {
    const int stride = std::max(1, (last - first + 1 + 7) / 8);  // at most about 8 labels
    for (int d = first; d <= last; d += stride) ticks.push_back(std::pow(10.0, d));
    return ticks;
  }
  for (int d = first - 1; d <= last; ++d) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double v = m * std::pow(10.0, d);
      if (v >= lo * (1 - tolerance) && v <= hi * (1 + tolerance)) ticks.push_back(v);
    }
  }
  if (ticks.size() >= 2) return ticks;
  return nice_ticks(lo, hi, 4);  // less than a factor 2 between lo and hi: linear ticks read best
}

std::string format_tick(double value, double step) {
  if (std::abs(value) < std::abs(step) * 1e-6) return "0";
  const double magnitude = std::max(std::abs(value), std::abs(step));
  if (magnitude >= 1e6 || std::abs(step) < 1e-4) return format_number(value);
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(std::abs(step)) + 1e-9)));
  return printf_double("%.*f", decimals, value);
}

std::string format_number(double value) {
  if (value == 0) return "0";  // also turns -0 into "0"
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : value > 0 ? "inf" : "-inf";
  return tidy_exponent(printf_double("%.*g", 3, value));
}

}  // namespace mann::plot
