#pragma once
// The one source of randomness: a seeded generator passed explicitly, whose state can be saved in a
// checkpoint and restored, so that the same seed gives bit-identical runs on the same build.
#include <cstdint>
#include <random>
#include <string>

#include "framework/autodiff/matrix.h"

namespace mann {

class Rng {
 public:
  explicit Rng(uint64_t seed = 0) : engine_(seed) {}

  uint64_t next() { return engine_(); }
  // Uniform in [0, 1) from the top 24 bits: exact in float, identical on every platform.
  float uniform() { return static_cast<float>(engine_() >> 40) * (1.0f / 16777216.0f); }
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
  int uniform_int(int n);  // in [0, n)
  float normal();          // standard normal (Box-Muller; no libstdc++ distribution state)
  int categorical(const float* probs, Index n);  // index drawn with the given (unnormalised) weights
  bool bernoulli(float p) { return uniform() < p; }

  Matrix uniform_matrix(Index rows, Index cols, float lo, float hi);
  Matrix normal_matrix(Index rows, Index cols, float mean, float stddev);

  // A new generator whose stream is decorrelated from this one (for a dataset, a module...).
  Rng split() { return Rng(engine_() ^ 0x9E3779B97F4A7C15ull); }

  std::string state() const;
  void set_state(const std::string& s);

 private:
  std::mt19937_64 engine_;
};

}  // namespace mann
