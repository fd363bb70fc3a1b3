#include "framework/util/rng.h"

#include <cmath>
#include <sstream>

#include "framework/autodiff/errors.h"

namespace mann {

int Rng::uniform_int(int n) {
  // Rejection sampling: unbiased and platform independent (std::uniform_int_distribution is neither fixed).
  const uint64_t range = static_cast<uint64_t>(n);
  const uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  uint64_t x;
  do x = engine_();
  while (x >= limit);
  return static_cast<int>(x % range);
}

float Rng::normal() {
  float u1;
  do u1 = uniform();
  while (u1 <= 0.f);
  const float u2 = uniform();
  return std::sqrt(-2.f * std::log(u1)) * std::cos(6.2831853071795864f * u2);
}

int Rng::categorical(const float* probs, Index n) {
  double total = 0;
  for (Index i = 0; i < n; ++i) total += probs[i];
  double u = uniform() * total;
  Index last_positive = 0;
  for (Index i = 0; i < n; ++i) {
    if (probs[i] <= 0) continue;
    last_positive = i;
    if (u < probs[i]) return static_cast<int>(i);
    u -= probs[i];
  }
  return static_cast<int>(last_positive);  // rounding left u just past the end
}

Matrix Rng::uniform_matrix(Index rows, Index cols, float lo, float hi) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = uniform(lo, hi);
  return m;
}

Matrix Rng::normal_matrix(Index rows, Index cols, float mean, float stddev) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = mean + stddev * normal();
  return m;
}

std::string Rng::state() const {
  std::ostringstream out;
  out << engine_;
  return out.str();
}

void Rng::set_state(const std::string& s) {
  std::istringstream in(s);
  in >> engine_;
  if (in.fail()) throw UserError("invalid random generator state");
}

}  // namespace mann
