#pragma once
// Parameter initialisers. An Init is a small value (kind + up to two numbers) so that modules, configs and
// command lines can all name one; initialize() turns it into a matrix using an explicit Rng.
//
// Weight matrices follow the row-per-example convention: W is (fan_in x fan_out), y = x W + b.
#include <string>

#include "framework/autodiff/matrix.h"
#include "framework/util/rng.h"

namespace mann {

struct Init {
  enum class Kind { Zeros, Constant, Uniform, Normal, Glorot, Orthogonal };

  Kind kind = Kind::Zeros;
  float a = 0.f;  // Constant: value; Uniform: lo; Normal: mean; Glorot/Orthogonal: gain
  float b = 0.f;  // Uniform: hi; Normal: stddev

  static Init zeros() { return {Kind::Zeros, 0.f, 0.f}; }
  static Init constant(float value) { return {Kind::Constant, value, 0.f}; }
  static Init uniform(float lo, float hi) { return {Kind::Uniform, lo, hi}; }
  static Init normal(float mean, float stddev) { return {Kind::Normal, mean, stddev}; }
  // Glorot & Bengio (2010): U(-g*sqrt(6/(fan_in+fan_out)), +...), fan_in = rows, fan_out = cols.
  static Init glorot(float gain = 1.f) { return {Kind::Glorot, gain, 0.f}; }
  // Saxe et al. (2014): a (semi-)orthogonal matrix scaled by gain; keeps recurrent products well conditioned.
  static Init orthogonal(float gain = 1.f) { return {Kind::Orthogonal, gain, 0.f}; }

  // The canonical text form, accepted back by parse_init ("normal:0,0.1", "glorot", ...).
  std::string to_string() const;
  bool operator==(const Init&) const = default;
};

// Parses "zeros", "constant:V", "uniform:R" (= [-R, R]), "uniform:LO,HI", "normal:STD", "normal:MEAN,STD",
// "glorot"/"xavier"[:GAIN], "orthogonal"[:GAIN]. Throws UserError naming the text on anything else.
Init parse_init(const std::string& text);

// A (rows x cols) matrix drawn from init. Orthogonal: rows >= cols gives orthonormal columns, rows < cols
// orthonormal rows (the top-left block of a square orthogonal matrix of size max(rows, cols)).
Matrix initialize(const Init& init, Index rows, Index cols, Rng& rng);

// Refuses (UserError) a parameter matrix above 1 GiB of floats before it is allocated: such a size follows
// from a mistyped option (hidden: 200000) and would take the machine's memory, or end in std::bad_alloc,
// even for a dry run. initialize() checks it; so must code that allocates a parameter matrix itself.
void check_parameter_size(Index rows, Index cols);

// Square orthogonal matrix: Q of the QR decomposition of a Gaussian matrix, with column signs fixed by
// sign(diag(R)) so that Q is uniformly (Haar) distributed rather than biased by the QR convention.
Matrix random_orthogonal(Index n, Rng& rng);

}  // namespace mann
