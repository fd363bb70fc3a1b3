#include "framework/nn/initializers.h"

#include <Eigen/QR>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "framework/autodiff/errors.h"

namespace mann {

namespace {

std::string format_float(float v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// Splits "a,b" into numbers; throws with the whole init text for context.
std::vector<float> parse_numbers(const std::string& args, const std::string& text) {
  std::vector<float> numbers;
  if (args.empty()) return numbers;
  size_t start = 0;
  while (true) {
    const size_t comma = args.find(',', start);
    const std::string piece =
        args.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    try {
      size_t used = 0;
      const float value = std::stof(piece, &used);
      if (used != piece.size()) throw std::invalid_argument(piece);
      numbers.push_back(value);
    } catch (const std::exception&) {
      throw UserError("initializer '" + text + "': '" + piece + "' is not a number");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return numbers;
}

}  // namespace

std::string Init::to_string() const {
  switch (kind) {
    case Kind::Zeros:
      return "zeros";
    case Kind::Constant:
      return "constant:" + format_float(a);
    case Kind::Uniform:
      return "uniform:" + format_float(a) + "," + format_float(b);
    case Kind::Normal:
      return "normal:" + format_float(a) + "," + format_float(b);
    case Kind::Glorot:
      return a == 1.f ? "glorot" : "glorot:" + format_float(a);
    case Kind::Orthogonal:
      return a == 1.f ? "orthogonal" : "orthogonal:" + format_float(a);
  }
  return "?";
}

Init parse_init(const std::string& text) {
  const size_t colon = text.find(':');
  const std::string name = text.substr(0, colon);
  const std::string args = colon == std::string::npos ? "" : text.substr(colon + 1);
  const std::vector<float> n = parse_numbers(args, text);
  auto want = [&](size_t lo, size_t hi, const char* usage) {
    if (n.size() < lo || n.size() > hi) {
      throw UserError("initializer '" + text + "': expected " + usage);
    }
  };
  if (name == "zeros" || name == "zero") {
    want(0, 0, "no arguments");
    return Init::zeros();
  }
  if (name == "constant") {
    want(1, 1, "constant:VALUE");
    return Init::constant(n[0]);
  }
  if (name == "uniform") {
    want(1, 2, "uniform:RANGE or uniform:LO,HI");
    return n.size() == 1 ? Init::uniform(-n[0], n[0]) : Init::uniform(n[0], n[1]);
  }
  if (name == "normal") {
    want(1, 2, "normal:STD or normal:MEAN,STD");
    return n.size() == 1 ? Init::normal(0.f, n[0]) : Init::normal(n[0], n[1]);
  }
  if (name == "glorot" || name == "xavier") {
    want(0, 1, "glorot or glorot:GAIN");
    return Init::glorot(n.empty() ? 1.f : n[0]);
  }
  if (name == "orthogonal") {
    want(0, 1, "orthogonal or orthogonal:GAIN");
    return Init::orthogonal(n.empty() ? 1.f : n[0]);
  }
  throw UserError("unknown initializer '" + text +
                  "' (expected zeros, constant:V, uniform:R, uniform:LO,HI, normal:STD, normal:MEAN,STD, "
                  "glorot[:GAIN], orthogonal[:GAIN])");
}

Matrix random_orthogonal(Index n, Rng& rng) {
  // Double precision for the factorisation: the float result is then orthogonal to float rounding.
  const Eigen::MatrixXd gaussian = rng.normal_matrix(n, n, 0.f, 1.f).cast<double>();
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(gaussian);
  Eigen::MatrixXd q = qr.householderQ();
  const Eigen::MatrixXd r = qr.matrixQR().triangularView<Eigen::Upper>();
  for (Index j = 0; j < n; ++j) {
    if (r(j, j) < 0) q.col(j) *= -1.0;
  }
  return q.cast<float>();
}

void check_parameter_size(Index rows, Index cols) {
  constexpr double kMaxEntries = double{1 << 28};  // 1 GiB of floats
  const double entries = static_cast<double>(rows) * static_cast<double>(cols);
  if (entries > kMaxEntries)
    throw UserError("a parameter of " + shape_string(rows, cols) + " floats (" +
                    std::to_string(static_cast<int64_t>(entries * sizeof(float) / (1 << 20))) +
                    " MiB) is more than one matrix may hold (1 GiB): check the model's sizes");
}

Matrix initialize(const Init& init, Index rows, Index cols, Rng& rng) {
  if (rows < 0 || cols < 0) throw ShapeError("initialize: negative shape " + shape_string(rows, cols));
  check_parameter_size(rows, cols);
  switch (init.kind) {
    case Init::Kind::Zeros:
      return Matrix::Zero(rows, cols);
    case Init::Kind::Constant:
      return Matrix::Constant(rows, cols, init.a);
    case Init::Kind::Uniform:
      return rng.uniform_matrix(rows, cols, init.a, init.b);
    case Init::Kind::Normal:
      return rng.normal_matrix(rows, cols, init.a, init.b);
    case Init::Kind::Glorot: {
      const float limit = rows + cols == 0 ? 0.f : init.a * std::sqrt(6.f / static_cast<float>(rows + cols));
      return rng.uniform_matrix(rows, cols, -limit, limit);
    }
    case Init::Kind::Orthogonal: {
      if (rows == 0 || cols == 0) return Matrix(rows, cols);
      const Matrix q = random_orthogonal(std::max(rows, cols), rng);
      return init.a * q.topLeftCorner(rows, cols);
    }
  }
  return Matrix::Zero(rows, cols);
}

}  // namespace mann
