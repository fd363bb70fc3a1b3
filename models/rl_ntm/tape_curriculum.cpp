#include "models/rl_ntm/tape_curriculum.h"

namespace mann {

TapeCurriculum::TapeCurriculum(const ParamScope& scope, LengthRange lengths, const TapeCurriculumOptions& o)
    : Module(scope), lengths_(lengths), options_(o) {
  // The last raise starts far enough back that the first one needs no wait.
  Matrix initial(1, 2);
  initial << static_cast<float>(lengths.min), static_cast<float>(-o.min_gap);
  state_ = &scope.add_buffer("state", initial).value;
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
      length = c;
  }
  return out;
}

void TapeCurriculum::observe(double error_rate, int64_t step) {
  if (!options_.enabled || complexity() >= lengths_.max) return;
  const auto last_raise = static_cast<int64_t>((*state_)(0, 1));
  if (error_rate < options_.threshold && step - last_raise >= options_.min_gap) {
    (*state_)(0, 0) += 1.f;
    (*state_)(0, 1) = static_cast<float>(step);
  }
}

}  // namespace mann
