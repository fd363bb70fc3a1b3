#pragma once
// What the RL-NTM shows: where its heads stood at every step of one greedy episode, one heatmap per tape
// (position x step; a 1 where the head stood), and the steps where it wrote the output tape.
#include "datasets/rl_tapes/symbol_tape_task.h"
#include "framework/views/attention_views.h"
#include "models/rl_ntm/rl_ntm_model.h"

namespace mann {

class RlNtmViews : public AttentionViews {
 public:
  /// Views of `model` on `task`; both must outlive the views. Examples come from eval_seed, the split and
  /// the index ("train" at the task's training lengths, "valid"/"test" at its evaluation lengths).
  RlNtmViews(const SymbolTapeTask& task, const RlNtmModel& model, uint64_t eval_seed);

  /// "input_head", "memory_head" (position x step) and "output_writes" (1 x step) of one example.
  std::map<std::string, Matrix> attention_maps(Rng& rng) override;
  /// The same three panels, titled with the example's input and target.
  AttentionView attention_view(const std::string& split, int64_t index) override;

 private:
  struct Recorded {
    SymbolTapes tapes;
    std::map<std::string, Matrix> maps;
    std::vector<std::string> input_labels;   // per input panel row: the cell's symbol, E for the markers
    std::vector<std::string> memory_labels;  // per memory panel row: the cell's offset from the start
  };
  Recorded record(SymbolTapes tapes, Rng& rng) const;

  const SymbolTapeTask& task_;
  const RlNtmModel& model_;
  uint64_t eval_seed_;
};

}  // namespace mann
