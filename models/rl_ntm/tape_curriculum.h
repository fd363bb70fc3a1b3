#pragma once
// The RL-NTM paper's curriculum (Zaremba & Sutskever 2015, section 5): a complexity C, raised by one when
// the normalised 0-1 loss of the training batch drops below a threshold, at least min_gap updates after
// the last raise; each example's length is drawn from a mixture: uniform over all lengths (10%), uniform
// up to C (25%), or C itself (65%). Its state lives in buffers, so a resumed run continues exactly.
//
// Two options follow the authors' code where the paper's text is silent or differs: the raise can be
// decided by a moving average of the 0-1 loss of the examples at the current complexity only (a batch
// mixes in easy short lengths that hide how the current one goes), and the "current" share can reach a
// geometric number of levels past C, so the model meets a little of what comes next.
#include <cstdint>
#include <span>
#include <vector>

#include "datasets/algorithmic/sequence_task.h"
#include "framework/nn/module.h"
#include "framework/util/enum_names.h"

namespace mann {

// What the curriculum compares with its threshold.
enum class CurriculumSignal {
  Batch,        // the normalised 0-1 loss of the whole training batch (the paper's text)
  LevelAverage  // a moving average of the loss of the batch's examples at the current complexity
};

template <>
struct EnumNames<CurriculumSignal> {
  static constexpr std::string_view noun = "curriculum signal";
  static constexpr auto entries = std::to_array<EnumEntry<CurriculumSignal>>(
      {{CurriculumSignal::Batch, "batch"}, {CurriculumSignal::LevelAverage, "level_average"}});
};

struct TapeCurriculumOptions {
  bool enabled = true;          // off: lengths uniform over the task's training range
  float threshold = 0.2f;       // raise C when the normalised 0-1 loss is below this
  int64_t min_gap = 100;        // updates between two raises
  float uniform_all = 0.10f;    // share of lengths uniform over [min, max]
  float up_to_current = 0.25f;  // share uniform over [min, C]; the rest is C
  CurriculumSignal signal = CurriculumSignal::Batch;
  float average_decay = 0.8f;    // level_average: weight of the old average at each update
  bool geometric_extra = false;  // the current share draws C + e, e ~ Geometric(1/2) on {0, 1, ...}
};

class TapeCurriculum : public Module {
 public:
  /// Starts at C = lengths.min; its state is the buffer `state` under scope: [C, step of the last raise].
  TapeCurriculum(const ParamScope& scope, LengthRange lengths, const TapeCurriculumOptions& options);

  /// One length per example, drawn from the mixture (uniform over the range when disabled).
  std::vector<int> draw_lengths(int batch, Rng& rng) const;
  /// Sees the batch trained at `step`: each example's length and normalised 0-1 loss; raises C when the
  /// signal (the batch's mean, or the average at the current level) is low enough.
  void observe(std::span<const int> lengths, std::span<const double> error_rates, int64_t step);
  /// The signal compared with the threshold after the last observe (1 before the first).
  double signal() const;
  /// The current complexity C.
  int complexity() const;

 private:
  LengthRange lengths_;
  TapeCurriculumOptions options_;
  Matrix* state_;
  // level_average only (so other runs' checkpoints keep their one buffer): [average, has a value].
  Matrix* level_average_ = nullptr;
  double last_signal_ = 1.0;
};

}  // namespace mann
