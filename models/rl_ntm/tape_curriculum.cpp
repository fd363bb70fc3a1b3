#include "models/rl_ntm/tape_curriculum.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "models/rl_ntm/zero_one_loss.h"

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
    level_average_ = &scope.add_buffer("level_average", Matrix::Ones(1, 1)).value;
}

int TapeCurriculum::complexity() const {
  return options_.enabled ? static_cast<int>((*state_)(0, 0)) : lengths_.max;
}

CurriculumDraw TapeCurriculum::draw(int batch, Rng& rng) const {
  CurriculumDraw out{std::vector<int>(static_cast<size_t>(batch)),
                     std::vector<char>(static_cast<size_t>(batch), 0)};
  for (int b = 0; b < batch; ++b) {
    int& length = out.lengths[static_cast<size_t>(b)];
    const int level = options_.enabled && options_.geometric_extra
                          ? std::min(lengths_.max, complexity() + geometric_extra(rng))
                          : complexity();
    const float u = rng.uniform();
    if (!options_.enabled || u < options_.uniform_all) {
      length = lengths_.min + rng.uniform_int(lengths_.max - lengths_.min + 1);
    } else if (u < options_.uniform_all + options_.up_to_current) {
      length = lengths_.min + rng.uniform_int(level - lengths_.min + 1);
    } else {
      length = level;
      out.at_level[static_cast<size_t>(b)] = 1;
    }
  }
  return out;
}

void TapeCurriculum::observe(const CurriculumDraw& drawn, std::span<const double> errors,
                             std::span<const int> target_lengths, int64_t step) {
  const size_t n = drawn.lengths.size();
  if (drawn.at_level.size() != n || errors.size() != n || target_lengths.size() != n)
    throw std::invalid_argument("TapeCurriculum::observe: " + std::to_string(n) + " examples drawn but " +
                                std::to_string(errors.size()) + " error counts and " +
                                std::to_string(target_lengths.size()) + " target lengths");
  if (!options_.enabled || complexity() >= lengths_.max) return;
  if (options_.signal == CurriculumSignal::Batch) {
    last_signal_ = n == 0 ? 1.0 : normalised_zero_one_loss(errors, target_lengths);
  } else {
    double wrong = 0, symbols = 0;
    for (size_t b = 0; b < n; ++b)
      if (drawn.at_level[b]) wrong += errors[b], symbols += target_lengths[b];
    float& average = (*level_average_)(0, 0);
    if (symbols > 0)
      average = static_cast<float>(options_.average_decay * average +
                                   (1 - options_.average_decay) * (wrong / symbols));
    last_signal_ = average;
  }
  const auto last_raise = static_cast<int64_t>((*state_)(0, 1));
  if (last_signal_ < options_.threshold && step - last_raise >= options_.min_gap) {
    (*state_)(0, 0) += 1.f;
    (*state_)(0, 1) = static_cast<float>(step);
    if (level_average_) (*level_average_)(0, 0) = 1.f;  // the new level starts from "all wrong"
  }
}

}  // namespace mann
