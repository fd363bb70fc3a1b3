#include "models/rl_ntm/memory_tape.h"

#include "framework/autodiff/ops.h"

namespace mann {

MemoryTape::MemoryTape(Tape& tape, Index batch, int cells, Index width) : cells_(static_cast<size_t>(cells)) {
  Var zeros = tape.constant(Matrix::Zero(batch, width));
  for (Var& cell : cells_) cell = zeros;
}

Var MemoryTape::read(const std::vector<int>& positions) const {
  // One node for the whole batch: each row picks its example's cell among the cells some head stands on.
  std::vector<int> source_of(cells_.size(), -1), which(positions.size(), -1);
  std::vector<Var> sources;
  for (size_t b = 0; b < positions.size(); ++b) {
    const int cell = positions[b];
    if (cell < 0) continue;
    int& source = source_of[static_cast<size_t>(cell)];
    if (source < 0) {
      source = static_cast<int>(sources.size());
      sources.push_back(cells_[static_cast<size_t>(cell)]);
    }
    which[b] = source;
  }
  if (sources.empty()) sources.push_back(cells_.front());  // every row reads zeros
  return select_rows(sources, which);
}

void MemoryTape::write(const std::vector<int>& positions, Var vectors) {
  // One node per cell that some head stands on, replacing the rows of the examples standing there.
  std::vector<bool> done(cells_.size()), here(positions.size());
  for (int cell : positions) {
    if (cell < 0 || done[static_cast<size_t>(cell)]) continue;
    done[static_cast<size_t>(cell)] = true;
    for (size_t b = 0; b < positions.size(); ++b) here[b] = positions[b] == cell;
    Var& c = cells_[static_cast<size_t>(cell)];
    c = overwrite_rows(c, vectors, here);
  }
}

}  // namespace mann
