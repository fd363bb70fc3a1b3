#pragma once
// The RL-NTM's memory tape: per example a row of cells holding real vectors, read and written at one
// position per example (the memory head's), differentiable in what is written. Cell j of every example is
// one (B x M) Var, so a step only touches the cells some head stands on: one node to read them, one per
// cell written.
#include <vector>

#include "framework/autodiff/tape.h"

namespace mann {

class MemoryTape {
 public:
  /// `cells` cells of `width` zeros for each of `batch` examples.
  MemoryTape(Tape& tape, Index batch, int cells, Index width);

  /// (B x width): the cell under each example's position (a negative position reads zeros).
  Var read(const std::vector<int>& positions) const;
  /// Replaces the cell under each example's position by its row of `vectors` (B x width); a negative
  /// position writes nothing.
  void write(const std::vector<int>& positions, Var vectors);
  /// The number of cells per example.
  int cells() const { return static_cast<int>(cells_.size()); }

 private:
  std::vector<Var> cells_;
};

}  // namespace mann
