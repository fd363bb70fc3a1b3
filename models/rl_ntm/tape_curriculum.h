#pragma once
// The RL-NTM paper's curriculum (Zaremba & Sutskever 2015, section 5): a complexity C, raised by one when
// the normalised 0-1 loss of the training batch drops below a threshold, at least min_gap updates after
// the last raise; each example's length is drawn from a mixture: uniform over all lengths (10%), uniform
// up to C (25%), or C itself (65%). Its state lives in buffers, so a resumed run continues exactly.
//
// Two options follow the authors' code (rlntm, train_curriculum0.lua) where the paper's text is silent:
// the raise can be decided by a moving average of the 0-1 loss of the examples drawn at the current level
// only (a batch mixes in easy short lengths that hide how the current one goes), and each example's level
// can reach a geometric number of levels past C, so the model meets a little of what comes next.
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
  LevelAverage  // a moving average of the 0-1 loss of the examples drawn at the current level (the authors')
};

template <>
struct EnumNames<CurriculumSignal> {
  static constexpr std::string_view noun = "curriculum signal";
  static constexpr auto entries = std::to_array<EnumEntry<CurriculumSignal>>(
      {{CurriculumSignal::Batch, "batch"}, {CurriculumSignal::LevelAverage, "level_average"}});
};

struct TapeCurriculumOptions {
  bool enabled = true;          // off: lengths uniform over the task's training range
  float threshold = 0.2f;       // raise C when the signal is below this
  int64_t min_gap = 100;        // updates between two raises
  float uniform_all = 0.10f;    // share of lengths uniform over [min, max]
  float up_to_current = 0.25f;  // share uniform over [min, C]; the rest is C
  CurriculumSignal signal = CurriculumSignal::Batch;
  // level_average: the old average's weight at each update; the average starts at 1 and starts over at 1
  // after each raise, as the authors' does.
  float average_decay = 0.8f;
  // Each example's level is C + e, e ~ Geometric(1/2) on {0, 1, ...}, capped at the longest length, for
  // both the "up to C" and the "C" shares (the authors' code).
  bool geometric_extra = false;
};

// One batch's draw: a length per example, and which examples came from the current-level share.
struct CurriculumDraw {
  std::vector<int> lengths;
  std::vector<char> at_level;
};

class TapeCurriculum : public Module {
 public:
  /// Starts at C = lengths.min; its state is the buffer `state` under scope: [C, step of the last raise]
  /// (and, for level_average, the buffer `level_average`: [average]).
  TapeCurriculum(const ParamScope& scope, LengthRange lengths, const TapeCurriculumOptions& options);

  /// One length per example, drawn from the mixture (uniform over the range when disabled).
  CurriculumDraw draw(int batch, Rng& rng) const;
  /// The lengths of draw(batch, rng).
  std::vector<int> draw_lengths(int batch, Rng& rng) const { return draw(batch, rng).lengths; }
  /// Sees the batch trained at `step`: what was drawn, each example's wrong or missing symbols and its
  /// target length; raises C when the signal is low enough. Batch: the mean over examples of errors /
  /// target length. level_average: errors over target symbols of the examples drawn at the level, averaged.
  void observe(const CurriculumDraw& drawn, std::span<const double> errors,
               std::span<const int> target_lengths, int64_t step);
  /// The current complexity C.
  int complexity() const;
  /// The signal compared with the threshold at the last observe (1 before the first).
  double signal() const { return last_signal_; }

 private:
  LengthRange lengths_;
  TapeCurriculumOptions options_;
  Matrix* state_;
  Matrix* level_average_ = nullptr;  // level_average only, so other runs' checkpoints keep one buffer
  double last_signal_ = 1.0;
};

}  // namespace mann
