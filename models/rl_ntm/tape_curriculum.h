#pragma once
// The RL-NTM paper's curriculum (Zaremba & Sutskever 2015, section 5): a complexity C, raised by one when
// the normalised 0-1 loss of the training batch drops below a threshold, at least min_gap updates after
// the last raise; each example's length is drawn from a mixture: uniform over all lengths (10%), uniform
// up to C (25%), or C itself (65%). Its state lives in buffers, so a resumed run continues exactly.
#include <cstdint>
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/nn/module.h"

namespace mann {

struct TapeCurriculumOptions {
  bool enabled = true;          // off: lengths uniform over the task's training range
  float threshold = 0.2f;       // raise C when the normalised 0-1 loss is below this
  int64_t min_gap = 100;        // updates between two raises
  float uniform_all = 0.10f;    // share of lengths uniform over [min, max]
  float up_to_current = 0.25f;  // share uniform over [min, C]; the rest is C
};

class TapeCurriculum : public Module {
 public:
  /// Starts at C = lengths.min; its state is the buffer `state` under scope: [C, step of the last raise].
  TapeCurriculum(const ParamScope& scope, LengthRange lengths, const TapeCurriculumOptions& options);

  /// One length per example, drawn from the mixture (uniform over the range when disabled).
  std::vector<int> draw_lengths(int batch, Rng& rng) const;
  /// Sees the error rate of the batch trained at `step`; raises C when it is low enough.
  void observe(double error_rate, int64_t step);
  /// The current complexity C.
  int complexity() const;

 private:
  LengthRange lengths_;
  TapeCurriculumOptions options_;
  Matrix* state_;
};

}  // namespace mann
