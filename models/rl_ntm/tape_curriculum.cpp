#include "models/rl_ntm/tape_curriculum.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mann {
namespace {

// e ~ Geometric(1/2) on {0, 1, ...}: the number of heads before the first tail.
int geometric_extra(Rng& rng) {
  int e = 0;
  while (rng.uniform() < 0.5f) ++e;
  return e;
}

}  // namespace

TapeCurriculum::TapeCurriculum(const ParamScope& scope, LengthRange lengths, const TapeCurriculumOptions& o)
    : Module(scope), lengths_(lengths), options_(o) {
  // The last raise starts far enough back that the first one needs no wait.
  Matrix initial(1, 2);
  initial << static_cast<float>(lengths.min), static_cast<float>(-o.min_gap);
  state_ = &scope.add_buffer("state", initial).value;
  if (o.signal == CurriculumSignal::LevelAverage)
    level_average_ = &scope.add_buffer("level_average", Matrix::Zero(1, 2)).value;
}

double TapeCurriculum::signal() const {
  return last_signal_;
}

int TapeCurriculum::complexity() const {
  return options_.enabled ? static_cast<int>((*state_)(0, 0)) : lengths_.max;
}

std::vector<int> TapeCurriculum::draw_lengths(int batch, Rng& rng) const {
  const int c = complexity();
  std::vector<int> out(static_cast<size_t>(batch));
  for (int& length : out) {
    const float u = rng.uniform();
    if (!options_.enabled || u < options_.uniform_all)
      length = lengths_.min + rng.uniform_int(lengths_.max - lengths_.min + 1);
    else if (u < options_.uniform_all + options_.up_to_current)
      length = lengths_.min + rng.uniform_int(c - lengths_.min + 1);
    else
      length = options_.geometric_extra ? std::min(lengths_.max, c + geometric_extra(rng)) : c;
  }
  return out;
}

void TapeCurriculum::observe(std::span<const int> lengths, std::span<const double> error_rates,
                             int64_t step) {
  if (lengths.size() != error_rates.size())
    throw std::invalid_argument("TapeCurriculum::observe: " + std::to_string(lengths.size()) +
                                " lengths but " + std::to_string(error_rates.size()) + " error rates");
  if (!options_.enabled || complexity() >= lengths_.max) return;
  const int c = complexity();
  if (options_.signal == CurriculumSignal::Batch) {
    double sum = 0;
    for (double e : error_rates) sum += e;
    last_signal_ = error_rates.empty() ? 1.0 : sum / static_cast<double>(error_rates.size());
  } else {
    double sum = 0;
    int count = 0;
    for (size_t i = 0; i < lengths.size(); ++i)
      if (lengths[i] == c) sum += error_rates[i], ++count;
    Matrix& average = *level_average_;
    if (count > 0) {
      const double batch = sum / count;
      // The first batch at a level starts the average; later ones move it by 1 - decay.
      average(0, 0) = average(0, 1) > 0 ? static_cast<float>(options_.average_decay * average(0, 0) +
                                                             (1 - options_.average_decay) * batch)
                                        : static_cast<float>(batch);
      average(0, 1) = 1.f;
    }
    last_signal_ = average(0, 1) > 0 ? average(0, 0) : 1.0;
  }
  const auto last_raise = static_cast<int64_t>((*state_)(0, 1));
  if (last_signal_ < options_.threshold && step - last_raise >= options_.min_gap) {
    (*state_)(0, 0) += 1.f;
    (*state_)(0, 1) = static_cast<float>(step);
    if (level_average_) level_average_->setZero();  // the new level starts without a history
  }
}

}  // namespace mann
